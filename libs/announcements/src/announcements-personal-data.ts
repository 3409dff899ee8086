import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner, type ErasureSubject, type Tx } from '@ruche/platform';

/**
 * Announcements' share of a person's data (#15): announcements they wrote, the ones they received
 * and acknowledged. Erasure removes them from recipient lists; what they wrote stays under
 * "Former employee" (anonymise) or is deleted with its recipients (delete).
 */
@Injectable()
export class AnnouncementsPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('announcements', [
    { table: 'announcements', columns: ['author_id'], section: 'announcements', erase: (tx, s) => this.written(tx, s) },
    { table: 'announcement_recipients', columns: ['user_id'], section: 'announcements_received', erase: 'delete' },
    { table: 'announcement_reminders', columns: ['sent_by'], erase: 'null' },
  ]);

  private async written(tx: Tx, s: ErasureSubject): Promise<void> {
    if (s.mode === 'delete') await tx.manager.query('DELETE FROM announcements WHERE author_id = $1', [s.userId]);
  }
}
