import { Injectable } from '@nestjs/common';
import { PersonalDataShare, rows, tableOwner } from '@ruche/platform';

/**
 * Push's share of a person's data (#15): the browsers they subscribed and their quiet hours. The
 * export names each browser by its push service and when it was subscribed, never the endpoint's
 * token or the encryption keys (secrets that would let anyone push to it); erasure deletes both.
 */
@Injectable()
export class PushPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner(
    'push',
    [
      { table: 'push_subscriptions', columns: ['user_id'], erase: 'delete' },
      { table: 'push_settings', columns: ['user_id'], section: 'push_settings', erase: 'delete' },
    ],
    {
      exportMore: async (manager, userId) => ({
        push_subscriptions: await rows(
          manager,
          `SELECT substring(endpoint from '^https?://([^/]+)') AS push_service, user_agent, created_at, last_success_at
             FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at`,
          [userId],
        ),
      }),
    },
  );
}
