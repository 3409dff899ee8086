import { Injectable } from '@nestjs/common';
import { GroupsService } from '@ruche/groups';
import { type AuthUser, hasPermission, Permission } from '@ruche/platform';

/**
 * Who may review what: site moderators (Permission.ModerateContent) everything they can read; a
 * group's owners and admins the content of their group. A private group's content stays with its
 * members, moderators included (the house rule: it reaches a non-member by no path), so its cases
 * go to its own owners and admins. Asked of the groups module, which owns group roles and privacy.
 */
@Injectable()
export class ModerationAccess {
  constructor(private readonly groups: GroupsService) {}

  isModerator(user: Pick<AuthUser, 'roles'>): boolean {
    return hasPermission(user.roles, Permission.ModerateContent);
  }

  /** May `user` decide on content in `groupId` (null: company-wide content, moderators only)? */
  async canReview(user: AuthUser, groupId: string | null): Promise<boolean> {
    if (this.isModerator(user)) return true;
    return groupId !== null && (await this.groups.isGroupModerator(user.id, groupId));
  }

  /** Of `groupIds`, those `userId` manages (owner or admin). */
  async managedAmong(userId: string, groupIds: readonly string[]): Promise<string[]> {
    const unique = [...new Set(groupIds)];
    const verdicts = await Promise.all(unique.map((id) => this.groups.isGroupModerator(userId, id)));
    return unique.filter((_id, i) => verdicts[i]);
  }

  /**
   * Whether `userId` manages any group at all (queue access). Checks their groups one by one and
   * stops at the first: most people belong to a handful.
   */
  async managesAnyGroup(userId: string, except: readonly string[] = []): Promise<boolean> {
    const skip = new Set(except);
    for (const groupId of await this.groups.memberGroupIds(userId)) {
      if (skip.has(groupId)) continue;
      if (await this.groups.isGroupModerator(userId, groupId)) return true;
    }
    return false;
  }

  /** Of `groupIds`, those whose content `userId` may read (public, or private and a member). */
  async readableAmong(userId: string, groupIds: readonly string[]): Promise<Set<string>> {
    return groupIds.length ? this.groups.readableGroupIds(userId, groupIds) : new Set();
  }

  memberGroupIds(userId: string): Promise<string[]> {
    return this.groups.memberGroupIds(userId);
  }
}
