import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry, rows, tableOwner } from '@ruche/platform';

/**
 * Web Push's share of a person's data (#15): their browsers' subscriptions and quiet hours. Erasure
 * deletes both, so no browser of theirs is pushed to again. Subscriptions are exported without their
 * keys (`p256dh`, `auth`): the archive says which browsers, not how to push to them.
 */
@Injectable()
export class PushPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(
      tableOwner(
        'push',
        [
          { table: 'push_subscriptions', columns: ['user_id'], erase: 'delete' },
          { table: 'push_settings', columns: ['user_id'], section: 'push_settings', erase: 'delete' },
        ],
        {
          exportMore: async (manager, userId) => ({
            push_subscriptions: await rows(
              manager,
              `SELECT id, endpoint, user_agent, created_at, last_success_at FROM push_subscriptions WHERE user_id = $1`,
              [userId],
            ),
          }),
        },
      ),
    );
  }
}
