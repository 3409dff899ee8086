import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner, type ErasureSubject, type Tx } from '@ruche/platform';

/**
 * People's share of a person's data (#15): the profile, skills, endorsements given and received,
 * follows both ways. Erasure wipes every profile field (the row stays empty, as for a new account,
 * so joins on it keep working), removes skills, endorsements and follows both ways (nobody keeps
 * following "Former employee"), and clears them as anyone's manager. The profile's search text is
 * generated from those fields, so people search cannot find them by any of it.
 */
@Injectable()
export class PeoplePersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('people', [
    { table: 'profiles', columns: ['user_id'], section: 'profile', erase: (tx, s) => this.profile(tx, s) },
    { table: 'profiles', columns: ['manager_id'], erase: 'null' },
    { table: 'user_skills', columns: ['user_id'], section: 'skills', erase: 'delete' },
    {
      table: 'skill_endorsements',
      columns: ['user_id', 'endorser_id'],
      section: 'endorsements',
      exportAll: true,
      erase: 'delete',
    },
    { table: 'follows', columns: ['follower_id', 'followee_id'], section: 'follows', exportAll: true, erase: 'delete' },
    // An admin's CSV import (org directory): who ran it is forgotten; the import itself is the company's.
    { table: 'people_imports', columns: ['created_by'], erase: 'null' },
  ]);

  private async profile(tx: Tx, s: ErasureSubject): Promise<void> {
    await tx.manager.query(
      `UPDATE profiles SET title = '', department = '', location = '', bio = '', bio_html = NULL, locale = NULL,
              time_zone = NULL, manager_id = NULL, updated_at = now()
        WHERE user_id = $1`,
      [s.userId],
    );
  }
}
