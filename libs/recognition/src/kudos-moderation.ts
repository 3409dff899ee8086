import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityService, type UserSummary } from '@ruche/identity';
import { ContentModeration, userRoom } from '@ruche/platform';
import { KUDOS_COLUMNS, type KudosRow } from './kudos-sql.js';
import { toKudosView } from './kudos.service.js';

/**
 * Kudos under the platform's moderation kit, like every content type: reportable (`kudos`), held
 * when their message has a blocked term, hidden or removed by moderators. A hidden kudos leaves
 * both profiles at once (every read applies moderationVisibleSql); its recipient hears of it.
 */
@Injectable()
export class KudosModeration implements OnModuleInit {
  constructor(
    private readonly kit: ContentModeration,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.kit.register<KudosRow, undefined, Map<string, UserSummary>>({
      type: 'kudos',
      table: 'kudos',
      columns: KUDOS_COLUMNS,
      excerpt: 'message',
      prepare: (kudos) => this.identity.summaries([kudos.author_id, kudos.recipient_id]),
      announce: async ({ tx, decision, row, prepared: people, ...change }) => {
        const audience = [userRoom(row.recipient_id), userRoom(row.author_id)];
        if (change.transition === 'released') {
          await tx.emit({
            type: 'kudos.created',
            payload: { kudos: toKudosView(row, people) },
            audience,
            actorId: row.author_id,
          });
          return;
        }
        await tx.emit({
          type: 'kudos.moderated',
          payload: { kudosId: row.id, recipientId: row.recipient_id, visible: change.transition === 'restored' },
          audience,
          actorId: decision.actorId,
        });
      },
    });
  }
}
