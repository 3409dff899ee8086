import { Injectable } from '@nestjs/common';
import { IdentityService, summaryIn, type UserSummary } from '@ruche/identity';
import type { CampaignStatus } from './campaign-rules.js';
import type { CampaignView, TransitionView } from './dto.js';
import { type CampaignRow } from './idea-sql.js';
import { Database, rows } from '@ruche/platform';

interface TransitionRow {
  campaign_id: string;
  to_status: CampaignStatus;
  actor_id: string | null;
  created_at: Date;
}

/**
 * Campaign rows into views with a fixed number of round trips: the panels (1 query), the phase
 * histories (1 query), the people named (1 `summaries` call). Not for use inside a transaction.
 */
@Injectable()
export class CampaignViews {
  constructor(
    private readonly db: Database,
    private readonly identity: IdentityService,
  ) {}

  async build(viewerId: string, campaigns: CampaignRow[]): Promise<CampaignView[]> {
    if (campaigns.length === 0) return [];
    const db = this.db.manager;
    const ids = campaigns.map((c) => c.id);
    const panel = await rows<{ campaign_id: string; user_id: string }>(
      db,
      'SELECT campaign_id, user_id FROM campaign_reviewers WHERE campaign_id = ANY($1::uuid[]) ORDER BY campaign_id, position',
      [ids],
    );
    const transitions = await rows<TransitionRow>(
      db,
      `SELECT campaign_id, to_status, actor_id, created_at
         FROM campaign_transitions WHERE campaign_id = ANY($1::uuid[]) ORDER BY campaign_id, created_at, id`,
      [ids],
    );
    const people = await this.identity.summaries([
      ...campaigns.map((c) => c.created_by).filter((id): id is string => id !== null),
      ...panel.map((r) => r.user_id),
      ...transitions.map((r) => r.actor_id).filter((id): id is string => id !== null),
    ]);
    const person = (id: string): UserSummary => summaryIn(people, id);
    return campaigns.map((c) => {
      const reviewerIds = panel.filter((r) => r.campaign_id === c.id).map((r) => r.user_id);
      const history: TransitionView[] = transitions
        .filter((t) => t.campaign_id === c.id)
        .map((t) => ({ status: t.to_status, by: t.actor_id ? person(t.actor_id) : null, at: t.created_at.toISOString() }));
      return {
        id: c.id,
        title: c.title,
        description: c.description,
        topics: c.topics,
        criteria: c.criteria.map(({ name, weight, low, high }) => ({
          name,
          weight,
          ...(low ? { low } : {}),
          ...(high ? { high } : {}),
        })),
        reviewerIds,
        reviewers: reviewerIds.map(person),
        advanceTopN: c.advance_top_n,
        status: c.status,
        closesAt: c.closes_at ? c.closes_at.toISOString() : null,
        ideaCount: c.idea_count,
        isReviewer: reviewerIds.includes(viewerId),
        createdBy: c.created_by ? person(c.created_by) : null,
        history,
        createdAt: c.created_at.toISOString(),
        updatedAt: c.updated_at.toISOString(),
      };
    });
  }
}
