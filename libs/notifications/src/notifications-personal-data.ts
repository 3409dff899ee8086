import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner, type ErasureSubject, type Tx } from '@ruche/platform';

/**
 * Notifications' share of a person's data (#15): their notifications, preferences and mutes. On
 * erasure those go, and so does every notification about them or by them (as actor, among a
 * grouped notification's actors, as its subject, or named in its payload, which may carry their
 * name): no one's bell says who they were.
 */
@Injectable()
export class NotificationsPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('notifications', [
    {
      table: 'notifications',
      columns: ['recipient_id', 'actor_id', 'actors'],
      section: 'notifications',
      erase: (tx, s) => this.forget(tx, s),
    },
    { table: 'notification_preferences', columns: ['user_id'], section: 'notification_preferences', erase: 'delete' },
    { table: 'notification_mutes', columns: ['user_id'], section: 'notification_mutes', erase: 'delete' },
    { table: 'digest_deliveries', columns: ['user_id'], section: 'digest_deliveries', erase: 'delete' },
  ]);

  private async forget(tx: Tx, s: ErasureSubject): Promise<void> {
    await tx.manager.query(
      `DELETE FROM notifications
        WHERE recipient_id = $1 OR actor_id = $1 OR $1 = ANY (actors) OR subject_id = $1 OR payload::text LIKE '%' || $1 || '%'`,
      [s.userId],
    );
  }
}
