import { Injectable, OnModuleInit } from '@nestjs/common';
import { GroupsService } from '@ruche/groups';
import type { UserSummary } from '@ruche/identity';
import { type AuthUser, Database, EventBus, forbidden, notFound } from '@ruche/platform';

/**
 * What the feed needs to know about groups, asked of the groups module (never its tables), and
 * the one fact the feed keeps itself: whether a post's group is private, copied onto the post so
 * the visibility filter is a per-row test. The copy can never disagree with the group: a post is
 * written with the visibility read under the group's share lock ({@link lockForPosting}), and a
 * visibility change rewrites the copies inside the transaction that changes the group.
 */
@Injectable()
export class FeedGroups implements OnModuleInit {
  constructor(
    private readonly groups: GroupsService,
    private readonly bus: EventBus,
    private readonly db: Database,
  ) {}

  onModuleInit(): void {
    this.bus.subscribeWithin('group.updated', async ({ payload }) => {
      if (!payload.changed.includes('visibility')) return;
      await this.db.query('UPDATE posts SET group_private = $2 WHERE group_id = $1 AND group_private <> $2', [
        payload.group.id,
        payload.group.visibility === 'private',
      ]);
    });
  }

  /**
   * Inside the posting transaction: 404/403 unless the author may post in the group, and whether
   * it is private, read under a share lock held until commit, so a switch to private either waits
   * for this post (and then rewrites it) or came first (and this post is written private).
   */
  lockForPosting(author: AuthUser, groupId: string): Promise<boolean> {
    return this.groups.lockForPosting(author, groupId);
  }

  /** Groups the viewer belongs to (their home feed, their view of private groups). */
  memberGroupIds(userId: string): Promise<string[]> {
    return this.groups.memberGroupIds(userId);
  }

  /** 404 unless the group exists and the viewer may read it (public, or a member of a private one). */
  async assertReadable(viewerId: string, groupId: string): Promise<void> {
    if (!(await this.groups.readableGroupIds(viewerId, [groupId])).has(groupId)) throw notFound('Group');
  }

  /** Commenting and reacting in a group: everyone who can read it, except people banned from it. */
  async assertCanInteract(userId: string, groupId: string | null): Promise<void> {
    if (groupId && (await this.groups.isBanned(userId, groupId))) throw forbidden('You are banned from this group');
  }

  /** Owner or admin of the group: may delete its posts and use @group. */
  isGroupModerator(userId: string, groupId: string | null): Promise<boolean> {
    return groupId ? this.groups.isGroupModerator(userId, groupId) : Promise.resolve(false);
  }

  /** Of the people a private group's post mentions, those who may read it: a mention never reveals the group. */
  async readersAmong(groupId: string, people: UserSummary[]): Promise<UserSummary[]> {
    if (people.length === 0) return people;
    const members = await this.groups.membersAmong(
      groupId,
      people.map((p) => p.id),
    );
    return people.filter((p) => members.has(p.id));
  }
}
