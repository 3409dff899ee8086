import { Injectable } from '@nestjs/common';
import { GroupHelpSignals, PostsService } from '@ruche/feed';
import { GroupsService } from '@ruche/groups';
import { IdentityService } from '@ruche/identity';
import { type AuthUser, Database, forbidden, notFound, rows, Transactions } from '@ruche/platform';
import type { HelperDigestView } from './dto.js';
import { type HelpCounts, type Month, parseMonth, previousMonth, rankHelpers, type RankedHelper } from './helper-digest-rules.js';
import { RecognitionSettings } from './recognition-settings.service.js';

/** A stored digest's items: ids and counts only. */
type StoredHelper = RankedHelper;

/**
 * The monthly "who helped" digest of a group, for its owners and admins (#17). Help is counted
 * per group from what the group holds (the feed's reactions received and threads helped, and kudos
 * received for the group's posts: see helper-digest-rules.ts for the weights), so a private group's
 * helpers appear only in its own digest, read by its own managers. Moderation: hidden, removed,
 * held or deleted posts and comments count nothing, nor do kudos that are out of sight or thank for
 * such a post. People who opted out of public recognition are left out (their kudos are theirs
 * alone, and a digest naming them to managers would show them), as are accounts that are not
 * active (deactivated, suspended).
 *
 * `runMonth` writes one row per group and month (`helper_digests`, primary key group × month) and,
 * in the same transaction and only when the row is new, the `helpers.digest_ready` event that
 * notifies the managers: running it twice, or on two instances at once, notifies once.
 */
@Injectable()
export class HelperDigestService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly groups: GroupsService,
    private readonly signals: GroupHelpSignals,
    private readonly posts: PostsService,
    private readonly identity: IdentityService,
    private readonly settings: RecognitionSettings,
  ) {}

  /** The ranked helpers of a group for a month, computed now. */
  async compute(groupId: string, month: Month): Promise<RankedHelper[]> {
    const counts = new Map<string, HelpCounts>();
    const entry = (userId: string) => {
      let c = counts.get(userId);
      if (!c) counts.set(userId, (c = { userId, kudos: 0, threadsHelped: 0, reactionsReceived: 0 }));
      return c;
    };
    for (const s of await this.signals.signals(groupId, month.from, month.to)) {
      Object.assign(entry(s.userId), { threadsHelped: s.threadsHelped, reactionsReceived: s.reactionsReceived });
    }
    const kudos = await this.kudosOnPosts(month);
    const inGroup = await this.signals.postsInSight(
      groupId,
      kudos.map((k) => k.target_id),
    );
    for (const k of kudos) if (inGroup.has(k.target_id)) entry(k.recipient_id).kudos++;
    return this.keepCountable(rankHelpers([...counts.values()], Number.MAX_SAFE_INTEGER));
  }

  /**
   * Writes the digest of every group where someone helped during `month`, once; returns how many
   * were written now (0 when an earlier run already wrote them).
   */
  async runMonth(month: Month): Promise<number> {
    const groupIds = new Set(await this.signals.activeGroupIds(month.from, month.to));
    const kudos = await this.kudosOnPosts(month);
    for (const facts of (await this.posts.facts(kudos.map((k) => k.target_id))).values()) {
      if (facts.groupId) groupIds.add(facts.groupId);
    }
    let written = 0;
    for (const groupId of [...groupIds].sort()) {
      const helpers = await this.compute(groupId, month);
      if (helpers.length === 0) continue;
      const managerIds = await this.groups.managerIds(groupId);
      const isNew = await this.transactions.run(async (tx) => {
        const inserted = await rows(
          tx.manager,
          `INSERT INTO helper_digests (group_id, month, items) VALUES ($1, $2::date, $3::jsonb)
           ON CONFLICT ON CONSTRAINT helper_digests_pkey DO NOTHING RETURNING group_id`,
          [groupId, month.from.toISOString().slice(0, 10), JSON.stringify(helpers)],
        );
        if (inserted.length === 0) return false;
        await tx.emit({
          type: 'helpers.digest_ready',
          payload: { groupId, month: month.key, managerIds, helperCount: helpers.length },
          audience: [],
          actorId: null,
        });
        return true;
      });
      if (isNew) written++;
    }
    return written;
  }

  /**
   * A group's digest for a month as its owners and admins read it: the stored one when the monthly
   * job wrote it, else computed now (the month under way, or one with no digest written). A private
   * group is a 404 to non-members; anyone else who does not manage it gets a 403.
   */
  async read(viewer: AuthUser, groupId: string, rawMonth: string | undefined, now = new Date()): Promise<HelperDigestView> {
    if (!(await this.groups.readableGroupIds(viewer.id, [groupId])).has(groupId)) throw notFound('Group');
    if (!(await this.groups.isGroupModerator(viewer.id, groupId)))
      throw forbidden('Only the group’s owners and admins can read its “who helped” digest');
    const month = rawMonth ? parseMonth(rawMonth, now) : previousMonth(now);
    const [stored] = await rows<{ items: StoredHelper[]; created_at: Date }>(
      this.db.manager,
      'SELECT items, created_at FROM helper_digests WHERE group_id = $1 AND month = $2::date',
      [groupId, month.from.toISOString().slice(0, 10)],
    );
    // A stored digest is re-filtered: someone who opted out or left since is not shown any more.
    const helpers = stored ? await this.keepCountable(stored.items) : await this.compute(groupId, month);
    const people = await this.identity.summaries(helpers.map((h) => h.userId));
    return {
      groupId,
      month: month.key,
      from: month.from.toISOString(),
      to: month.to.toISOString(),
      sentAt: stored ? stored.created_at.toISOString() : null,
      items: helpers
        .filter((h) => people.has(h.userId))
        .map(({ userId, score, kudos, threadsHelped, reactionsReceived, reasons }) => ({
          user: people.get(userId)!,
          score,
          kudos,
          threadsHelped,
          reactionsReceived,
          reasons,
        })),
    };
  }

  /** Active accounts that did not opt out of public recognition, top HELPERS_SHOWN kept. */
  private async keepCountable(ranked: RankedHelper[]): Promise<RankedHelper[]> {
    const ids = ranked.map((h) => h.userId);
    const [active, optedOut] = await Promise.all([this.identity.activeIds(ids), this.settings.privateAmong(ids)]);
    return rankHelpers(ranked.filter((h) => active.has(h.userId) && !optedOut.has(h.userId)));
  }

  /** Kudos in sight given during the month for posts (the only kudos target that lives in groups). */
  private kudosOnPosts(month: Month): Promise<{ recipient_id: string; target_id: string }[]> {
    return rows(
      this.db.manager,
      `SELECT recipient_id, target_id FROM kudos
        WHERE target_type = 'post' AND moderation_state = 'visible' AND created_at >= $1 AND created_at < $2`,
      [month.from, month.to],
    );
  }
}
