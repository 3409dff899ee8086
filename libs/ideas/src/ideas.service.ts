import { Injectable } from '@nestjs/common';
import { Database, decodeCursor, encodeCursor, type Page, rows, SqlParams } from '@ruche/platform';
import type { IdeaDetailView, IdeaListQuery, IdeaView } from './dto.js';
import { IDEA_COLUMNS, type IdeaRow } from './idea-sql.js';
import { IdeaViews } from './idea-views.js';
import { IdeasVisibility, type Viewer } from './ideas-visibility.js';
import { TOP_ORDER_SQL } from './ranking.js';
import { decodeTopCursor, encodeTopCursor } from './top-cursor.js';

/** How someone takes part in an idea. */
export const PARTICIPATIONS = ['author', 'voters', 'commenters'] as const;
export type Participation = (typeof PARTICIPATIONS)[number];

/**
 * Reading ideas (one with its reviews, a campaign's list by votes or by date), and what other
 * modules ask about them: who takes part, for notifications. Exported by IdeasModule.
 */
@Injectable()
export class IdeasService {
  constructor(
    private readonly db: Database,
    private readonly visibility: IdeasVisibility,
    private readonly views: IdeaViews,
  ) {}

  // ---- for other modules ---------------------------------------------------------------

  /**
   * For notifications: each idea's title, text (cut to `max` characters) and campaign, or each
   * campaign's title and description, one query per type. Callers check SubjectVisibility first.
   */
  async texts(
    type: 'idea' | 'campaign',
    ids: readonly string[],
    max = 400,
  ): Promise<Map<string, { title: string; body: string; campaign: { id: string; title: string } | null }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await rows<{ id: string; title: string; body: string; campaign_id: string | null; campaign_title: string | null }>(
      this.db.manager,
      type === 'idea'
        ? `SELECT i.id, i.title, left(i.body, $2) AS body, c.id AS campaign_id, c.title AS campaign_title
             FROM ideas i JOIN campaigns c ON c.id = i.campaign_id WHERE i.id = ANY($1::uuid[])`
        : 'SELECT id, title, left(description, $2) AS body, NULL AS campaign_id, NULL AS campaign_title FROM campaigns WHERE id = ANY($1::uuid[])',
      [unique, max],
    );
    return new Map(
      found.map((r) => [
        r.id,
        {
          title: r.title,
          body: r.body,
          campaign: r.campaign_id && r.campaign_title ? { id: r.campaign_id, title: r.campaign_title } : null,
        },
      ]),
    );
  }

  /**
   * Everyone involved in an idea, to notify about it: its author, its voters and its commenters
   * (each once, sorted), or only the kinds asked for (a review notifies the author and voters).
   * Empty for an unknown idea. Filter out the actor before notifying.
   */
  async participantIds(ideaId: string, include: readonly Participation[] = PARTICIPATIONS): Promise<string[]> {
    const parts = [
      include.includes('author') ? 'SELECT author_id AS user_id FROM ideas WHERE id = $1' : null,
      include.includes('voters') ? 'SELECT user_id FROM idea_votes WHERE idea_id = $1' : null,
      include.includes('commenters') ? 'SELECT author_id AS user_id FROM idea_comments WHERE idea_id = $1' : null,
    ].filter((part): part is string => part !== null);
    if (parts.length === 0) return [];
    const found = await rows<{ user_id: string }>(this.db.manager, `${parts.join(' UNION ')} ORDER BY user_id`, [ideaId]);
    return found.map((r) => r.user_id);
  }

  /**
   * Everyone involved in a campaign, to notify about its phases: the reviewer panel, and the
   * authors, voters and commenters of its ideas (each once, sorted).
   */
  async campaignParticipantIds(campaignId: string): Promise<string[]> {
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      `SELECT user_id FROM campaign_reviewers WHERE campaign_id = $1
       UNION SELECT author_id FROM ideas WHERE campaign_id = $1
       UNION SELECT v.user_id FROM idea_votes v JOIN ideas i ON i.id = v.idea_id WHERE i.campaign_id = $1
       UNION SELECT c.author_id FROM idea_comments c JOIN ideas i ON i.id = c.idea_id WHERE i.campaign_id = $1
       ORDER BY user_id`,
      [campaignId],
    );
    return found.map((r) => r.user_id);
  }

  // ---- reads ---------------------------------------------------------------------------

  async get(viewer: Viewer, ideaId: string): Promise<IdeaDetailView> {
    const { idea } = await this.visibility.visibleIdea(viewer, ideaId);
    return this.views.detail(viewer.id, idea);
  }

  /**
   * A campaign's ideas (merged duplicates left out). `top`: most votes first, earliest submission
   * among equals, keyset on (vote_count, created_at, id). Counts move while someone pages, so a
   * `top` page reflects the counts when it was read. `new`: newest first, keyset on (created_at, id).
   */
  async list(viewer: Viewer, campaignId: string, query: IdeaListQuery): Promise<Page<IdeaView>> {
    const topAfter = query.sort === 'top' && query.cursor ? decodeTopCursor(query.cursor) : null;
    const newBefore = query.sort === 'new' && query.cursor ? decodeCursor(query.cursor) : null;
    await this.visibility.visibleCampaign(viewer, campaignId);
    const params = new SqlParams();
    const [campaign, take] = [params.add(campaignId), params.add(query.limit + 1)];
    const where = [`i.campaign_id = ${campaign}`, `i.status <> 'merged'`, this.visibility.ideaVisibleSql(viewer, 'i')];
    if (query.status) where.push(`i.status = ${params.add(query.status)}`);
    if (topAfter) {
      const [votes, at, id] = [params.add(topAfter[0]), params.add(topAfter[1]), params.add(topAfter[2])];
      where.push(
        `(i.vote_count < ${votes} OR (i.vote_count = ${votes} AND (i.created_at, i.id) > (${at}::timestamptz, ${id}::uuid)))`,
      );
    }
    if (newBefore) where.push(params.keyset('i.created_at, i.id', '<', newBefore));
    const order = query.sort === 'top' ? TOP_ORDER_SQL('i') : 'i.created_at DESC, i.id DESC';
    const list = await rows<IdeaRow>(
      this.db.manager,
      `SELECT ${IDEA_COLUMNS('i')} FROM ideas i WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${take}`,
      params.values,
    );
    const more = list.length > query.limit;
    const page = more ? list.slice(0, query.limit) : list;
    const last = page[page.length - 1];
    return {
      items: await this.views.build(viewer.id, page),
      nextCursor:
        more && last
          ? query.sort === 'top'
            ? encodeTopCursor([last.vote_count, last.created_at, last.id])
            : encodeCursor([last.created_at, last.id])
          : null,
    };
  }
}
