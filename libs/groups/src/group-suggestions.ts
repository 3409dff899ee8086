import { Injectable } from '@nestjs/common';
import { Database, rows } from '@ruche/platform';
import type { GroupCardView } from './dto.js';
import { activeBanSql, GROUP_COLUMNS, type GroupRow, MEMBER_ROLES_SQL, toCardView } from './group-sql.js';

/** A public group suggested to join, with how many of the given colleagues belong to it. */
export interface SuggestedGroup extends GroupCardView {
  colleagues: number;
}

/**
 * First run (#16): groups to join and the people met in one's groups. Only public groups are ever
 * suggested (a private group's existence is its members' business), and none the person belongs
 * to, has asked to join or is banned from.
 */
@Injectable()
export class GroupSuggestions {
  constructor(private readonly db: Database) {}

  /** People who share a group with `userId` (members, not pending requests), most groups shared first. */
  async groupMateIds(userId: string, limit: number): Promise<string[]> {
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      `SELECT o.user_id
         FROM group_memberships mine
         JOIN group_memberships o ON o.group_id = mine.group_id AND o.user_id <> mine.user_id AND o.role IN ${MEMBER_ROLES_SQL}
        WHERE mine.user_id = $1 AND mine.role IN ${MEMBER_ROLES_SQL}
        GROUP BY o.user_id
        ORDER BY count(*) DESC, o.user_id
        LIMIT $2`,
      [userId, limit],
    );
    return found.map((r) => r.user_id);
  }

  /**
   * Public groups `userId` could join, those most of `colleagueIds` (their department) belong to
   * first, then the largest, then the newest.
   */
  async groupsToJoin(userId: string, colleagueIds: readonly string[], limit: number): Promise<SuggestedGroup[]> {
    const found = await rows<GroupRow & { colleagues: number }>(
      this.db.manager,
      `SELECT ${GROUP_COLUMNS('g')},
              (SELECT count(*) FROM group_memberships c
                WHERE c.group_id = g.id AND c.user_id = ANY ($2::uuid[]) AND c.role IN ${MEMBER_ROLES_SQL})::int AS colleagues
         FROM groups g
        WHERE g.visibility = 'public'
          AND NOT EXISTS (SELECT 1 FROM group_memberships m WHERE m.group_id = g.id AND m.user_id = $1)
          AND NOT EXISTS (SELECT 1 FROM group_bans b WHERE b.group_id = g.id AND b.user_id = $1 AND ${activeBanSql('b')})
        ORDER BY colleagues DESC, g.member_count DESC, g.created_at DESC, g.id
        LIMIT $3`,
      [userId, [...colleagueIds], limit],
    );
    return found.map((r) => ({ ...toCardView(r, null), colleagues: r.colleagues }));
  }
}
