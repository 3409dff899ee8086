import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner, type ErasureSubject, type Tx } from '@ruche/platform';

/**
 * Groups' share of a person's data (#15): memberships and join requests, bans. Erasure ends their
 * memberships (member counts kept exact, as leaving does) and bans against them; who created a
 * group, decided a request or banned someone is the group's record, now naming nobody.
 */
@Injectable()
export class GroupsPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('groups', [
    { table: 'group_memberships', columns: ['user_id'], section: 'memberships', erase: (tx, s) => this.leave(tx, s) },
    { table: 'group_memberships', columns: ['decided_by'], erase: 'null' },
    { table: 'group_bans', columns: ['user_id'], section: 'bans', erase: 'delete' },
    { table: 'group_bans', columns: ['banned_by', 'lifted_by'], erase: 'null' },
    { table: 'groups', columns: ['created_by'], section: 'groups_created', erase: 'null' },
  ]);

  private async leave(tx: Tx, s: ErasureSubject): Promise<void> {
    await tx.manager.query(
      `WITH gone AS (DELETE FROM group_memberships WHERE user_id = $1 RETURNING group_id, role)
       UPDATE groups g SET member_count = greatest(g.member_count - 1, 0)
         FROM gone WHERE g.id = gone.group_id AND gone.role <> 'pending'`,
      [s.userId],
    );
  }
}
