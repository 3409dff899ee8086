import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ContentScreening,
  type ContentTarget,
  ContentTargets,
  Database,
  GuidelinesGate,
  type ModerationState,
  rows,
  type ScreeningResult,
  type Tx,
} from '@ruche/platform';

const EXCERPT_LENGTH = 280;
const excerpt = (body: string) => (body.length <= EXCERPT_LENGTH ? body : `${body.slice(0, EXCERPT_LENGTH - 1)}…`);

interface TargetRow {
  id: string;
  author_id: string;
  group_id: string | null;
  body: string;
  moderation_state: ModerationState;
}

const toTarget =
  (type: 'post' | 'comment') =>
  (row: TargetRow): [string, ContentTarget] => [
    row.id,
    { id: row.id, type, authorId: row.author_id, groupId: row.group_id, excerpt: excerpt(row.body), state: row.moderation_state },
  ];

/**
 * Where the feed meets moderation, through the platform only (the feed never imports the
 * moderation module): posts and comments are registered as reportable content, text is screened
 * before it is published, and the company guidelines must be accepted before writing.
 * Applying decisions (`content.moderated`) is {@link ModeratedContent}'s job.
 */
@Injectable()
export class FeedModeration implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly targets: ContentTargets,
    private readonly screening: ContentScreening,
    private readonly gate: GuidelinesGate,
  ) {}

  onModuleInit(): void {
    this.targets.register('post', async (ids) => {
      const found = await rows<TargetRow>(
        this.db.manager,
        `SELECT id, author_id, group_id, body, moderation_state FROM posts WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
        [ids],
      );
      return new Map(found.map(toTarget('post')));
    });
    this.targets.register('comment', async (ids) => {
      const found = await rows<TargetRow>(
        this.db.manager,
        `SELECT c.id, c.author_id, p.group_id, c.body, c.moderation_state
           FROM post_comments c JOIN posts p ON p.id = c.post_id
          WHERE c.id = ANY($1::uuid[]) AND p.deleted_at IS NULL`,
        [ids],
      );
      return new Map(found.map(toTarget('comment')));
    });
  }

  /** Before someone writes a post or a comment: guidelines accepted (else 403), then the text screened. */
  async beforeCreate(authorId: string, text: string): Promise<ScreeningResult> {
    await this.gate.assertAccepted(authorId);
    return this.screening.screen(text);
  }

  /** Before an edit: the new text screened. */
  screen(text: string): Promise<ScreeningResult> {
    return this.screening.screen(text);
  }

  /** In the transaction that held the content: moderation opens a review case for it. */
  async held(
    tx: Tx,
    target: { type: 'post' | 'comment'; id: string; authorId: string; groupId: string | null },
    terms: string[],
  ): Promise<void> {
    await tx.emit({
      type: 'content.held',
      payload: { targetType: target.type, targetId: target.id, authorId: target.authorId, groupId: target.groupId, terms },
      audience: [],
      actorId: target.authorId,
    });
  }
}
