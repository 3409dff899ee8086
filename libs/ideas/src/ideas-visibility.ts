import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityService } from '@ruche/identity';
import {
  type AuthUser,
  canonicalIdSet,
  Database,
  hasPermission,
  inlineViewerId,
  moderationViewer,
  moderationVisibleSql,
  notFound,
  Permission,
  rows,
  SubjectVisibility,
  visibleUnderModeration,
} from '@ruche/platform';
import { CAMPAIGN_COLUMNS, type CampaignRow, IDEA_COLUMNS, type IdeaRow } from './idea-sql.js';

/** Who is looking: visibility depends on the viewer's roles (drafts are for the innovation team). */
export type Viewer = Pick<AuthUser, 'id' | 'roles'>;

export interface VisibleIdea {
  idea: IdeaRow;
  campaign: CampaignRow;
}

/** Row locks a write takes on the campaign: `share` keeps its phase fixed until commit, `update` changes it. */
export type CampaignLock = 'share' | 'update';

/**
 * The one answer to "may this viewer see this campaign / idea", for every read path: REST reads
 * and writes (`visibleCampaign`, `visibleIdea`), list queries (`campaignVisibleSql`, the same rule
 * as SQL), realtime subscriptions and replay (registered for the subject types `campaign` and
 * `idea`), and the notifications module through the same registry.
 *
 * The rule: a draft campaign is visible only to the innovation team (Permission.RunCampaigns);
 * open, review and closed campaigns are visible to every employee, and so are all their ideas
 * (merged duplicates included: they point to the survivor). A missing and an invisible campaign
 * look the same: 404. Moderation: hidden and removed ideas are for moderators
 * (Permission.ModerateContent) only, held ideas (blocked terms) for their author and moderators;
 * `ideaVisibleSql` / `ideaVisibleTo` say it once for lists and single reads, and an idea out of
 * sight is 404 like a missing one.
 */
@Injectable()
export class IdeasVisibility implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly subjects: SubjectVisibility,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.subjects.register(
      'campaign',
      this.identity.asCaller((viewer, ids) => this.visibleCampaignIds(viewer, ids)),
    );
    this.subjects.register(
      'idea',
      this.identity.asCaller((viewer, ids) => this.visibleIdeaIds(viewer, ids)),
    );
  }

  /** SQL condition "the viewer may see the campaign aliased `c`" (and therefore its ideas). */
  campaignVisibleSql(viewer: Viewer, c: string): string {
    return hasPermission(viewer.roles, Permission.RunCampaigns) ? 'TRUE' : `${c}.status <> 'draft'`;
  }

  /**
   * SQL condition "the viewer may see the idea aliased `i` as far as moderation goes" (its campaign
   * being visible is `campaignVisibleSql`): hidden and removed ideas are for moderators only, held
   * ideas (blocked terms, pending review) for their author and moderators.
   */
  ideaVisibleSql(viewer: Viewer, i: string): string {
    return moderationVisibleSql(moderationViewer(viewer.id, viewer), { alias: i }, inlineViewerId);
  }

  /** The same rule as {@link ideaVisibleSql}, for a row already read. */
  ideaVisibleTo(viewer: Viewer, idea: Pick<IdeaRow, 'author_id' | 'moderation_state'>): boolean {
    const content = { authorId: idea.author_id, state: idea.moderation_state };
    return visibleUnderModeration(moderationViewer(viewer.id, viewer), content);
  }

  async visibleCampaignIds(viewer: Viewer, campaignIds: readonly string[]): Promise<Set<string>> {
    const ids = uuids(campaignIds);
    if (ids.length === 0) return new Set();
    const found = await rows<{ id: string }>(
      this.db.manager,
      `SELECT c.id FROM campaigns c WHERE c.id = ANY($1::uuid[]) AND ${this.campaignVisibleSql(viewer, 'c')}`,
      [ids],
    );
    return new Set(found.map((r) => r.id));
  }

  async visibleIdeaIds(viewer: Viewer, ideaIds: readonly string[]): Promise<Set<string>> {
    const ids = uuids(ideaIds);
    if (ids.length === 0) return new Set();
    const found = await rows<{ id: string }>(
      this.db.manager,
      `SELECT i.id FROM ideas i JOIN campaigns c ON c.id = i.campaign_id
        WHERE i.id = ANY($1::uuid[]) AND ${this.campaignVisibleSql(viewer, 'c')} AND ${this.ideaVisibleSql(viewer, 'i')}`,
      [ids],
    );
    return new Set(found.map((r) => r.id));
  }

  /**
   * Reviews the viewer may see (reviews are public to whoever sees their idea), with their idea and
   * reviewer: what recognition's kudos thank and list (#17).
   */
  async visibleReviews(viewer: Viewer, reviewIds: readonly string[]): Promise<Map<string, { ideaId: string; reviewerId: string }>> {
    const ids = uuids(reviewIds);
    if (ids.length === 0) return new Map();
    const found = await rows<{ id: string; idea_id: string; reviewer_id: string }>(
      this.db.manager,
      `SELECT r.id, r.idea_id, r.reviewer_id FROM idea_reviews r JOIN ideas i ON i.id = r.idea_id JOIN campaigns c ON c.id = i.campaign_id
        WHERE r.id = ANY($1::uuid[]) AND ${this.campaignVisibleSql(viewer, 'c')} AND ${this.ideaVisibleSql(viewer, 'i')}`,
      [ids],
    );
    return new Map(found.map((r) => [r.id, { ideaId: r.idea_id, reviewerId: r.reviewer_id }]));
  }

  /** The campaign if the viewer may see it, else 404; `lock` row-locks it until commit. */
  async visibleCampaign(
    viewer: Viewer,
    campaignId: string,
    db: EntityManager = this.db.manager,
    lock?: CampaignLock,
  ): Promise<CampaignRow> {
    const campaign = await this.findCampaign(viewer, campaignId, db, lock);
    if (!campaign) throw notFound('Campaign');
    return campaign;
  }

  /** The idea and its campaign if the viewer may see them, else 404 "Idea not found". */
  async visibleIdea(viewer: Viewer, ideaId: string, db: EntityManager = this.db.manager): Promise<VisibleIdea> {
    const [idea] = await rows<IdeaRow>(db, `SELECT ${IDEA_COLUMNS('i')} FROM ideas i WHERE i.id = $1`, [ideaId]);
    if (!idea || !this.ideaVisibleTo(viewer, idea)) throw notFound('Idea');
    const campaign = await this.findCampaign(viewer, idea.campaign_id, db);
    if (!campaign) throw notFound('Idea');
    return { idea, campaign };
  }

  /**
   * The idea and its campaign's status if the viewer may see them, else 404 "Idea not found", in
   * one statement: for a write that needs no more of the campaign than its phase (a vote, on every
   * request of a storm), without `visibleIdea`'s second statement and the campaign's idea count.
   */
  async visibleIdeaInCampaign(
    viewer: Viewer,
    ideaId: string,
    db: EntityManager = this.db.manager,
  ): Promise<{ idea: IdeaRow; campaignStatus: CampaignRow['status'] }> {
    const [found] = await rows<IdeaRow & { campaign_status: CampaignRow['status'] }>(
      db,
      `SELECT ${IDEA_COLUMNS('i')}, c.status AS campaign_status
         FROM ideas i JOIN campaigns c ON c.id = i.campaign_id AND ${this.campaignVisibleSql(viewer, 'c')}
        WHERE i.id = $1`,
      [ideaId],
    );
    if (!found || !this.ideaVisibleTo(viewer, found)) throw notFound('Idea');
    const { campaign_status: campaignStatus, ...idea } = found;
    return { idea, campaignStatus };
  }

  /**
   * Inside a write transaction: the visible idea, row-locked until commit (FOR NO KEY UPDATE), and
   * its campaign read after the lock was granted, so both are current. Writes on one idea queue on
   * its row: counters and the events carrying them move in one order.
   *
   * Phase changes and votes need no campaign lock: the advance locks every submitted idea and
   * changes its status before it commits, so a vote either commits before the advance reads the
   * idea (and is ranked) or finds the idea no longer `submitted` (409). Writes that depend on the
   * campaign's phase alone (a review during `review`) pass `campaignLock: 'share'`: the campaign is
   * share-locked first, so its phase cannot change before they commit. Lock order is always
   * campaign, then ideas (several in id order), the order the advance uses too.
   */
  async lockVisibleIdea(db: EntityManager, viewer: Viewer, ideaId: string, campaignLock?: 'share'): Promise<VisibleIdea> {
    if (campaignLock) {
      const [found] = await rows<{ campaign_id: string }>(db, 'SELECT campaign_id FROM ideas WHERE id = $1', [ideaId]);
      if (!found || !(await this.findCampaign(viewer, found.campaign_id, db, campaignLock))) throw notFound('Idea');
    }
    const [idea] = await rows<IdeaRow>(db, `SELECT ${IDEA_COLUMNS('i')} FROM ideas i WHERE i.id = $1 FOR NO KEY UPDATE`, [
      ideaId,
    ]);
    if (!idea || !this.ideaVisibleTo(viewer, idea)) throw notFound('Idea');
    const campaign = await this.findCampaign(viewer, idea.campaign_id, db);
    if (!campaign) throw notFound('Idea');
    return { idea, campaign };
  }

  private async findCampaign(
    viewer: Viewer,
    campaignId: string,
    db: EntityManager,
    lock?: CampaignLock,
  ): Promise<CampaignRow | undefined> {
    const locking = lock === 'update' ? 'FOR NO KEY UPDATE OF c' : lock === 'share' ? 'FOR SHARE OF c' : '';
    const [campaign] = await rows<CampaignRow>(
      db,
      `SELECT ${CAMPAIGN_COLUMNS('c')} FROM campaigns c WHERE c.id = $1 AND ${this.campaignVisibleSql(viewer, 'c')} ${locking}`,
      [campaignId],
    );
    return campaign;
  }
}

function uuids(ids: readonly string[]): string[] {
  return canonicalIdSet(ids);
}
