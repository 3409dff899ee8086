import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner, type ErasureSubject, type Tx } from '@ruche/platform';

/**
 * Mentoring's share of a person's data (#15): their mentoring profile and offers, requests they made
 * or were paired on. Erasure deletes their profile, offers and requests; a request where they were
 * the mentor goes back to waiting for someone else if it was still open.
 */
@Injectable()
export class MentoringPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('mentoring', [
    { table: 'mentoring_profiles', columns: ['user_id'], section: 'mentoring_profile', erase: 'delete' },
    { table: 'mentoring_offers', columns: ['user_id'], section: 'mentoring_offers', erase: 'delete' },
    {
      table: 'mentoring_requests',
      columns: ['mentee_id', 'mentor_id'],
      section: 'mentoring_requests',
      exportAll: true,
      erase: (tx, s) => this.requests(tx, s),
    },
  ]);

  private async requests(tx: Tx, s: ErasureSubject): Promise<void> {
    await tx.manager.query('DELETE FROM mentoring_requests WHERE mentee_id = $1', [s.userId]);
    await tx.manager.query(
      `UPDATE mentoring_requests SET mentor_id = NULL,
              status = CASE WHEN status = 'paired' THEN 'waiting' ELSE status END,
              paired_at = CASE WHEN status = 'paired' THEN NULL ELSE paired_at END
        WHERE mentor_id = $1`,
      [s.userId],
    );
  }
}
