import { Injectable } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import {
  type AuthUser,
  conflict,
  Database,
  decodeCursor,
  invalid,
  type Page,
  rows,
  SqlParams,
  toPage,
  Transactions,
  type Tx,
} from '@ruche/platform';
import { CampaignDeadlines } from './campaign-deadlines.js';
import { checkClosesAt, checkCriteria, type Criterion, distinctTopics } from './campaign-rules.js';
import { CampaignViews } from './campaign-views.js';
import type { CampaignListQuery, CampaignView, CreateCampaignDto, UpdateCampaignDto } from './dto.js';
import { campaignRoom, campaignSubject } from './idea-events.js';
import { CAMPAIGN_COLUMNS, type CampaignRow } from './idea-sql.js';
import { IdeasVisibility, type Viewer } from './ideas-visibility.js';

/**
 * Campaigns as the innovation team sets them up: create (a draft), edit while still a draft, read
 * and list. Phase changes live in CampaignPhasesService.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
    private readonly views: CampaignViews,
    private readonly identity: IdentityService,
    private readonly deadlines: CampaignDeadlines,
  ) {}

  async create(user: AuthUser, input: CreateCampaignDto): Promise<CampaignView> {
    const criteria = checkCriteria(input.criteria);
    const topics = distinctTopics(input.topics ?? []);
    const reviewerIds = await this.existingReviewers(input.reviewerIds);
    const closesAt = checkClosesAt(input.closesAt);
    const id = await this.transactions.run(async (tx) => {
      const [row] = await rows<{ id: string }>(
        tx.manager,
        `INSERT INTO campaigns (title, description, topics, criteria, advance_top_n, closes_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [input.title, input.description, topics, JSON.stringify(criteria), input.advanceTopN, closesAt, user.id],
      );
      await this.replacePanel(tx, row.id, reviewerIds);
      await tx.manager.query(
        'INSERT INTO campaign_transitions (campaign_id, from_status, to_status, actor_id) VALUES ($1, NULL, $2, $3)',
        [row.id, 'draft', user.id],
      );
      await tx.emit({
        type: 'campaign.created',
        payload: { campaignId: row.id, title: input.title, status: 'draft' },
        audience: [],
        subject: campaignSubject(row.id),
        actorId: user.id,
      });
      return row.id;
    });
    return this.get(user, id);
  }

  /**
   * Only a draft can change: once open, people submit and review against these rules. The deadline
   * alone may also move while the campaign is open (rescheduling its advance).
   */
  async update(user: AuthUser, campaignId: string, input: UpdateCampaignDto): Promise<CampaignView> {
    const criteria = input.criteria ? checkCriteria(input.criteria) : undefined;
    const reviewerIds = input.reviewerIds ? await this.existingReviewers(input.reviewerIds) : undefined;
    const closesAt = input.closesAt === undefined ? undefined : checkClosesAt(input.closesAt);
    const onlyDeadline = Object.entries(input).every(([key, value]) => key === 'closesAt' || value === undefined);
    await this.transactions.run(async (tx) => {
      const campaign = await this.visibility.visibleCampaign(user, campaignId, tx.manager, 'update');
      if (campaign.status !== 'draft' && !(campaign.status === 'open' && onlyDeadline))
        throw conflict(
          campaign.status === 'open'
            ? 'Only the deadline (closesAt) of an open campaign can change'
            : `Only a draft campaign can be edited (this one is ${campaign.status})`,
        );
      const changed = changedFields(campaign, { ...input, criteria });
      if (closesAt !== undefined && closesAt?.getTime() !== campaign.closes_at?.getTime()) {
        changed.push('closesAt');
        await tx.manager.query('UPDATE campaigns SET closes_at = $2, updated_at = now() WHERE id = $1', [campaignId, closesAt]);
        if (closesAt && campaign.status === 'open') await this.deadlines.schedule(tx, campaignId, closesAt);
      }
      if (reviewerIds) {
        const [{ same }] = await rows<{ same: boolean }>(
          tx.manager,
          `SELECT coalesce(array_agg(user_id ORDER BY position), '{}') = $2::uuid[] AS same FROM campaign_reviewers WHERE campaign_id = $1`,
          [campaignId, reviewerIds],
        );
        if (!same) {
          await this.replacePanel(tx, campaignId, reviewerIds);
          changed.push('reviewerIds');
        }
      }
      if (changed.length === 0) return;
      await tx.manager.query(
        `UPDATE campaigns
            SET title = coalesce($2, title), description = coalesce($3, description), topics = coalesce($4, topics),
                criteria = coalesce($5::jsonb, criteria), advance_top_n = coalesce($6, advance_top_n), updated_at = now()
          WHERE id = $1`,
        [
          campaignId,
          input.title ?? null,
          input.description ?? null,
          input.topics ? distinctTopics(input.topics) : null,
          criteria ? JSON.stringify(criteria) : null,
          input.advanceTopN ?? null,
        ],
      );
      await tx.emit({
        type: 'campaign.updated',
        payload: { campaignId, changed },
        audience: [campaignRoom(campaignId)],
        subject: campaignSubject(campaignId),
        actorId: user.id,
      });
    });
    return this.get(user, campaignId);
  }

  async get(viewer: Viewer, campaignId: string): Promise<CampaignView> {
    const campaign = await this.visibility.visibleCampaign(viewer, campaignId);
    const [view] = await this.views.build(viewer.id, [campaign]);
    return view;
  }

  /** Newest first; drafts only for the innovation team. */
  async list(viewer: Viewer, query: CampaignListQuery): Promise<Page<CampaignView>> {
    const before = query.cursor ? decodeCursor(query.cursor) : null;
    const params = new SqlParams();
    const take = params.add(query.limit + 1);
    const where = [this.visibility.campaignVisibleSql(viewer, 'c')];
    if (query.status) where.push(`c.status = ${params.add(query.status)}`);
    if (before) where.push(params.keyset('c.created_at, c.id', '<', before));
    const list = await rows<CampaignRow>(
      this.db.manager,
      `SELECT ${CAMPAIGN_COLUMNS('c')} FROM campaigns c WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT ${take}`,
      params.values,
    );
    const views = new Map((await this.views.build(viewer.id, list.slice(0, query.limit))).map((v) => [v.id, v]));
    return toPage(
      list,
      query.limit,
      (c) => [c.created_at, c.id],
      (c) => views.get(c.id)!,
    );
  }

  /** The panel without repeats, in the order given; every reviewer must be an existing account. */
  private async existingReviewers(ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    const found = await this.identity.summaries(unique);
    const unknown = unique.filter((id) => !found.has(id));
    if (unknown.length) throw invalid(`reviewerIds: no such user ${unknown.join(', ')}`);
    return unique;
  }

  private async replacePanel(tx: Tx, campaignId: string, reviewerIds: string[]): Promise<void> {
    await tx.manager.query('DELETE FROM campaign_reviewers WHERE campaign_id = $1', [campaignId]);
    await tx.manager.query(
      `INSERT INTO campaign_reviewers (campaign_id, user_id, position)
       SELECT $1, r.user_id, r.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS r(user_id, n)`,
      [campaignId, reviewerIds],
    );
  }
}

/** The names of the fields an edit really changes (the panel is compared separately). */
function changedFields(
  campaign: CampaignRow,
  input: { title?: string; description?: string; topics?: string[]; criteria?: Criterion[]; advanceTopN?: number },
): string[] {
  const changed: string[] = [];
  if (input.title !== undefined && input.title !== campaign.title) changed.push('title');
  if (input.description !== undefined && input.description !== campaign.description) changed.push('description');
  if (input.topics !== undefined && JSON.stringify(distinctTopics(input.topics)) !== JSON.stringify(campaign.topics)) {
    changed.push('topics');
  }
  if (input.criteria !== undefined && JSON.stringify(input.criteria) !== JSON.stringify(campaign.criteria))
    changed.push('criteria');
  if (input.advanceTopN !== undefined && input.advanceTopN !== campaign.advance_top_n) changed.push('advanceTopN');
  return changed;
}
