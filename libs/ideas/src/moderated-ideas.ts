import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import { Database, EventBus, type PublishedEvent, rows, Transactions } from '@ruche/platform';
import { campaignRoom, ideaRoom, ideaSubject, userRoom } from './idea-events.js';
import { IDEA_COLUMNS, type IdeaRow } from './idea-sql.js';
import { toIdeaView } from './idea-views.js';

/**
 * Applies moderation decisions (`content.moderated`) to ideas and tells the rooms that hold them:
 * out of sight → `idea.hidden` (clients drop it); back in sight → `idea.created` for an idea
 * released from a hold (its first publication), `idea.restored` otherwise. Idempotent: applying
 * the state an idea already has changes nothing and says nothing.
 */
@Injectable()
export class ModeratedIdeas implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly bus: EventBus,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('content.moderated', async (event) => {
      if (event.payload.targetType === 'idea') await this.apply(event);
    });
  }

  private async apply(event: PublishedEvent<'content.moderated'>): Promise<void> {
    const { targetId: ideaId, state } = event.payload;
    const [current] = await rows<IdeaRow>(this.db.manager, `SELECT ${IDEA_COLUMNS('i')} FROM ideas i WHERE i.id = $1`, [
      ideaId,
    ]);
    if (!current || current.moderation_state === state) return;
    // Asked before the transaction opens, so it never waits for a second pooled connection.
    const people = await this.identity.summaries(
      [current.author_id, current.decided_by, current.implementation_owner_id].filter((id): id is string => id !== null),
    );
    await this.transactions.run(async (tx) => {
      const [locked] = await rows<IdeaRow>(tx.manager, `SELECT ${IDEA_COLUMNS('i')} FROM ideas i WHERE i.id = $1 FOR NO KEY UPDATE`, [
        ideaId,
      ]);
      if (!locked || locked.moderation_state === state) return;
      const [row] = await rows<IdeaRow>(
        tx.manager,
        `UPDATE ideas SET moderation_state = $2 WHERE id = $1 RETURNING ${IDEA_COLUMNS('ideas')}`,
        [ideaId, state],
      );
      if (state !== 'visible') {
        await tx.emit({
          type: 'idea.hidden',
          payload: { ideaId, campaignId: row.campaign_id, state },
          audience: [ideaRoom(ideaId), campaignRoom(row.campaign_id)],
          actorId: event.actorId,
        });
        return;
      }
      const idea = toIdeaView(row, people, false);
      if (locked.moderation_state === 'held') {
        await tx.emit({
          type: 'idea.created',
          payload: { idea },
          audience: [campaignRoom(row.campaign_id), userRoom(row.author_id)],
          subject: ideaSubject(ideaId),
          actorId: row.author_id,
        });
      } else {
        await tx.emit({
          type: 'idea.restored',
          payload: { idea },
          audience: [ideaRoom(ideaId), campaignRoom(row.campaign_id), userRoom(row.author_id)],
          subject: ideaSubject(ideaId),
          actorId: event.actorId,
        });
      }
    });
  }
}
