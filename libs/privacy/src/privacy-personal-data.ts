import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner, type ErasureSubject, type Tx } from '@ruche/platform';

/**
 * This module's own share: the person's exports. Erasure expires their ready archives at once (the
 * sweep deletes the bytes after commit) and forgets the other rows.
 */
@Injectable()
export class PrivacyPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('privacy', [
    { table: 'personal_data_exports', columns: ['user_id'], erase: (tx, s) => this.forget(tx, s) },
  ]);

  private async forget(tx: Tx, s: ErasureSubject): Promise<void> {
    await tx.manager.query(`DELETE FROM personal_data_exports WHERE user_id = $1 AND status <> 'ready'`, [s.userId]);
    await tx.manager.query(`UPDATE personal_data_exports SET expires_at = now() WHERE user_id = $1 AND status = 'ready'`, [
      s.userId,
    ]);
  }
}
