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
const excerpt = (text: string) => (text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1)}…`);

interface TargetRow {
  id: string;
  author_id: string;
  text: string;
  moderation_state: ModerationState;
}

const toTarget =
  (type: 'question' | 'answer') =>
  (row: TargetRow): [string, ContentTarget] => [
    row.id,
    { id: row.id, type, authorId: row.author_id, groupId: null, excerpt: excerpt(row.text), state: row.moderation_state },
  ];

/**
 * Where questions meet moderation, through the platform only (this module never imports the
 * moderation module), like the feed: questions (excerpt: the title) and answers (excerpt: the
 * start of the body) are registered as reportable content, text is screened before it is
 * published, and the company guidelines must be accepted before asking or answering. Applying
 * decisions (`content.moderated`) is {@link ModeratedQuestions}'s job.
 */
@Injectable()
export class QuestionModeration implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly targets: ContentTargets,
    private readonly screening: ContentScreening,
    private readonly gate: GuidelinesGate,
  ) {}

  onModuleInit(): void {
    this.targets.register('question', async (ids) => {
      const found = await rows<TargetRow>(
        this.db.manager,
        `SELECT id, asker_id AS author_id, title AS text, moderation_state FROM questions WHERE id = ANY ($1::uuid[])`,
        [ids],
      );
      return new Map(found.map(toTarget('question')));
    });
    this.targets.register('answer', async (ids) => {
      const found = await rows<TargetRow>(
        this.db.manager,
        `SELECT id, author_id, body AS text, moderation_state FROM answers WHERE id = ANY ($1::uuid[])`,
        [ids],
      );
      return new Map(found.map(toTarget('answer')));
    });
  }

  /** Before someone asks or answers: guidelines accepted (else 403), then the text screened. */
  async beforeCreate(authorId: string, text: string): Promise<ScreeningResult> {
    await this.gate.assertAccepted(authorId);
    return this.screening.screen(text);
  }

  /** In the transaction that held the content: moderation opens a review case for it. */
  async held(tx: Tx, target: { type: 'question' | 'answer'; id: string; authorId: string }, terms: string[]): Promise<void> {
    await tx.emit({
      type: 'content.held',
      payload: { targetType: target.type, targetId: target.id, authorId: target.authorId, groupId: null, terms },
      audience: [],
      actorId: target.authorId,
    });
  }
}
