import { Injectable } from '@nestjs/common';
import { notFound } from '@ruche/platform';

/**
 * The seam where the groups module plugs into the feed. Until it exists no group exists, so
 * posting into one is 404 "Group not found". When groups land, this class asks GroupsService
 * (non-member: 404 for a private group, 403 for a public one; banned: 403), FeedVisibility's
 * filter learns about private groups, and the home feed query gains a branch for the viewer's
 * groups. Nothing else in the feed needs to change.
 */
@Injectable()
export class FeedGroups {
  async assertCanPost(_userId: string, _groupId: string): Promise<void> {
    throw notFound('Group');
  }
}
