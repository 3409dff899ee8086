import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityService, type UserSummary } from '@ruche/identity';
import { ContentModeration } from '@ruche/platform';
import { campaignRoom, ideaRoom, ideaSubject, userRoom } from './idea-events.js';
import { IDEA_COLUMNS, type IdeaRow } from './idea-sql.js';
import { toIdeaView } from './idea-views.js';

/** What is screened: an idea's title and body together. */
export const ideaText = (idea: { title: string; body: string }) => `${idea.title}\n\n${idea.body}`;

/**
 * Ideas under the platform's moderation kit (this module never imports the moderation module):
 * reportable (`idea`, company-wide, the title as excerpt), and decisions applied with what the
 * campaign's rooms are told. Out of sight → `idea.hidden` (clients drop it); released from a hold
 * → `idea.created` (its first publication); otherwise `idea.restored`.
 */
@Injectable()
export class IdeaModeration implements OnModuleInit {
  constructor(
    private readonly kit: ContentModeration,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.kit.register<IdeaRow, undefined, Map<string, UserSummary>>({
      type: 'idea',
      table: 'ideas',
      columns: IDEA_COLUMNS,
      excerpt: 'title',
      prepare: (idea) =>
        this.identity.summaries(
          [idea.author_id, idea.decided_by, idea.implementation_owner_id].filter((id): id is string => id !== null),
        ),
      announce: async ({ tx, decision, row, prepared: people, ...change }) => {
        const [ideaId, campaignId] = [row.id, row.campaign_id];
        if (change.transition === 'hidden') {
          const audience = [ideaRoom(ideaId), campaignRoom(campaignId)];
          const payload = { ideaId, campaignId, state: change.state };
          return tx.emit({ type: 'idea.hidden', payload, audience, actorId: decision.actorId });
        }
        const payload = { idea: toIdeaView(row, people, false) };
        const subject = ideaSubject(ideaId);
        if (change.transition === 'released') {
          const audience = [campaignRoom(campaignId), userRoom(row.author_id)];
          return tx.emit({ type: 'idea.created', payload, audience, subject, actorId: row.author_id });
        }
        const audience = [ideaRoom(ideaId), campaignRoom(campaignId), userRoom(row.author_id)];
        await tx.emit({ type: 'idea.restored', payload, audience, subject, actorId: decision.actorId });
      },
    });
  }
}
