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

interface TargetRow {
  id: string;
  author_id: string;
  title: string;
  moderation_state: ModerationState;
}

/** What is screened: an idea's title and body together. */
export const ideaText = (idea: { title: string; body: string }) => `${idea.title}\n\n${idea.body}`;

/**
 * Where ideas meet moderation, through the platform only (this module never imports the
 * moderation module), as the feed does: ideas are registered as reportable content (`idea`,
 * company-wide, the title as excerpt), their text is screened before it is published, and the
 * company guidelines must be accepted before submitting. Applying decisions
 * (`content.moderated`) is {@link ModeratedIdeas}' job.
 */
@Injectable()
export class IdeaModeration implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly targets: ContentTargets,
    private readonly screening: ContentScreening,
    private readonly gate: GuidelinesGate,
  ) {}

  onModuleInit(): void {
    this.targets.register('idea', async (ids) => {
      const found = await rows<TargetRow>(
        this.db.manager,
        'SELECT id, author_id, title, moderation_state FROM ideas WHERE id = ANY($1::uuid[])',
        [ids],
      );
      return new Map(
        found.map((row): [string, ContentTarget] => [
          row.id,
          { id: row.id, type: 'idea', authorId: row.author_id, groupId: null, excerpt: row.title, state: row.moderation_state },
        ]),
      );
    });
  }

  /** Before someone submits an idea: guidelines accepted (else 403), then the text screened. */
  async beforeSubmit(authorId: string, idea: { title: string; body: string }): Promise<ScreeningResult> {
    await this.gate.assertAccepted(authorId);
    return this.screening.screen(ideaText(idea));
  }

  /** Before an edit: the new text screened. */
  screen(idea: { title: string; body: string }): Promise<ScreeningResult> {
    return this.screening.screen(ideaText(idea));
  }

  /** In the transaction that held the idea: moderation opens a review case for it. */
  async held(tx: Tx, idea: { id: string; authorId: string }, terms: string[]): Promise<void> {
    await tx.emit({
      type: 'content.held',
      payload: { targetType: 'idea', targetId: idea.id, authorId: idea.authorId, groupId: null, terms },
      audience: [],
      actorId: idea.authorId,
    });
  }
}
