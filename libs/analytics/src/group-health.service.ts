import { Injectable } from '@nestjs/common';
import { GroupsService } from '@ruche/groups';
import {
  type AuthUser,
  Database,
  forbidden,
  hasPermission,
  notFound,
  Permission,
  rows,
  SubjectVisibility,
} from '@ruche/platform';
import {
  GROUP_POSTS_SQL,
  GROUP_WEEKS_SQL,
  GROUP_WINDOW_SQL,
  type GroupPostRow,
  type GroupWeekRow,
  type GroupWindowRow,
} from './analytics-sql.js';
import type { GroupHealthView } from './dto.js';
import { healthScore, type HealthInputs, round, share, trendOf } from './metrics.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const UNANSWERED_SHOWN = 20;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface WindowFacts {
  inputs: HealthInputs;
  window: GroupWindowRow;
  posts: GroupPostRow[];
}

/**
 * Community health of one group over the last `weeks` weeks, for its owners and admins (and the
 * people who read company analytics): activity, answered posts, reply time, members coming and
 * going, the documented 0–100 score with its trend against the window before, and the posts still
 * waiting for a reply. A private group stays 404 to non-members, whatever their role.
 */
@Injectable()
export class GroupHealthService {
  constructor(
    private readonly db: Database,
    private readonly groups: GroupsService,
    private readonly visibility: SubjectVisibility,
  ) {}

  async health(viewer: AuthUser, groupId: string, weeks: number, now = new Date()): Promise<GroupHealthView> {
    if (!(await this.groups.readableGroupIds(viewer.id, [groupId])).has(groupId)) throw notFound('Group');
    const allowed =
      hasPermission(viewer.roles, Permission.ReadAnalytics) || (await this.groups.isGroupModerator(viewer.id, groupId));
    if (!allowed) throw forbidden('Only the group’s owners and admins (and analytics readers) can see its health');

    const memberIds = await this.groups.memberIds(groupId);
    const end = now;
    const start = new Date(end.getTime() - weeks * WEEK_MS);
    const before = new Date(start.getTime() - weeks * WEEK_MS);
    const [current, previous, byWeek] = await Promise.all([
      this.window(groupId, start, end, memberIds),
      this.window(groupId, before, start, memberIds),
      rows<GroupWeekRow>(this.db.reader, GROUP_WEEKS_SQL, [groupId, start, end]),
    ]);
    const { score, parts } = healthScore(current.inputs);
    const previousScore = healthScore(previous.inputs).score;

    const waiting = current.posts.filter((p) => !p.first_reply_at);
    const visible = await this.visibility.visibleIds(
      viewer.id,
      'post',
      waiting.map((p) => p.post_id),
    );
    return {
      groupId,
      weeks,
      from: start.toISOString(),
      to: end.toISOString(),
      memberCount: current.inputs.memberCount,
      activeMembers: current.inputs.activeMembers,
      postsPerWeek: round(current.window.posts / weeks, 2),
      repliesPerWeek: round(current.window.replies / weeks, 2),
      answeredShare: share(current.inputs.answeredPosts, current.inputs.posts),
      medianReplyMinutes: current.inputs.medianReplyMinutes === null ? null : round(current.inputs.medianReplyMinutes, 1),
      newMembers: current.inputs.newMembers,
      lostMembers: current.inputs.lostMembers,
      score,
      previousScore,
      trend: trendOf(score, previousScore),
      scoreParts: parts,
      byWeek: byWeek.map((w) => ({
        weekStart: w.week_start.toISOString(),
        posts: w.posts,
        replies: w.replies,
        activeMembers: w.active,
      })),
      unansweredPosts: waiting
        .filter((p) => visible.has(p.post_id))
        .slice(0, UNANSWERED_SHOWN)
        .map((p) => ({
          postId: p.post_id,
          authorId: p.author_id,
          createdAt: p.created_at.toISOString(),
          waitingHours: round((end.getTime() - p.created_at.getTime()) / 3_600_000, 1),
        })),
    };
  }

  /** The score's inputs over [start, end); "active members" are people who are members now. */
  private async window(groupId: string, start: Date, end: Date, memberIds: string[]): Promise<WindowFacts> {
    // Access and membership were read on the primary above; these aggregates may come from a replica.
    const db = this.db.reader;
    const [[window], posts] = await Promise.all([
      rows<GroupWindowRow>(db, GROUP_WINDOW_SQL, [groupId, start, end]),
      rows<GroupPostRow>(db, GROUP_POSTS_SQL, [groupId, start, end]),
    ]);
    const members = new Set(memberIds);
    const replied = posts.filter((p) => p.first_reply_at);
    return {
      window,
      posts,
      inputs: {
        memberCount: memberIds.length,
        activeMembers: window.actors.filter((id) => members.has(id)).length,
        posts: posts.length,
        answeredPosts: replied.length,
        medianReplyMinutes: median(replied.map((p) => (p.first_reply_at!.getTime() - p.created_at.getTime()) / 60_000)),
        newMembers: window.joined,
        lostMembers: window.left,
      },
    };
  }
}
