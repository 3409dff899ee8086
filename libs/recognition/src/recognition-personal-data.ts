import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner, type ErasureSubject, type Tx } from '@ruche/platform';

/**
 * Recognition's share of a person's data (#15): kudos given and received, badges, the facts badges
 * are earned from, settings. Erasure removes their badges, facts and settings, and kudos they
 * received (praise of a person who is gone names nobody); kudos they gave stay under
 * "Former employee" (anonymise) or go (delete).
 */
@Injectable()
export class RecognitionPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('recognition', [
    {
      table: 'kudos',
      columns: ['author_id', 'recipient_id'],
      section: 'kudos',
      exportAll: true,
      erase: (tx, s) => this.kudos(tx, s),
    },
    { table: 'badges', columns: ['user_id'], section: 'badges', erase: 'delete' },
    { table: 'recognition_facts', columns: ['user_id'], erase: 'delete' },
    { table: 'recognition_settings', columns: ['user_id'], section: 'recognition_settings', erase: 'delete' },
  ]);

  private async kudos(tx: Tx, s: ErasureSubject): Promise<void> {
    await tx.manager.query(
      s.mode === 'delete'
        ? 'DELETE FROM kudos WHERE author_id = $1 OR recipient_id = $1'
        : 'DELETE FROM kudos WHERE recipient_id = $1',
      [s.userId],
    );
  }
}
