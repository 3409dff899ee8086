import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuthUser, conflict, Database, invalid, notFound, rows, Transactions } from '@ruche/platform';
import type { MergeView, SimilarIdeaView } from './dto.js';
import { campaignRoom, ideaRoom, ideaSubject, userRoom } from './idea-events.js';
import type { IdeaStatus } from './campaign-rules.js';
import { IDEA_COLUMNS, type IdeaRow } from './idea-sql.js';
import { IdeasService } from './ideas.service.js';
import { IdeasVisibility, type Viewer } from './ideas-visibility.js';

/** Below this many characters a title matches almost anything: no suggestions yet. */
export const SIMILAR_MIN_LENGTH = 3;
/**
 * pg_trgm word similarity from which a title is suggested. Measured on typical titles: a rephrased
 * idea ("four day week" for "Four-day work week pilot") scores 0.6..0.8, a half-typed one ("car
 * pool") about 0.45, unrelated titles stay under 0.25.
 */
export const SIMILAR_THRESHOLD = 0.4;

/**
 * Fewer duplicates, more votes: similar titles suggested while someone types, and the innovation
 * team merging a duplicate into another idea.
 */
@Injectable()
export class SimilarityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
    private readonly ideas: IdeasService,
  ) {}

  /**
   * The campaign's ideas whose titles contain something like the typed title (trigram word
   * similarity, `<%`, served by ideas_title_trgm_idx), best match first, then most votes.
   */
  async similar(viewer: Viewer, campaignId: string, title: string, limit: number): Promise<{ items: SimilarIdeaView[] }> {
    await this.visibility.visibleCampaign(viewer, campaignId);
    if (title.length < SIMILAR_MIN_LENGTH) return { items: [] };
    const found = await this.dataSource.transaction(async (manager) => {
      // `<%` compares against this setting; SET LOCAL semantics (third argument) keep it to this transaction.
      await manager.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [String(SIMILAR_THRESHOLD)]);
      return rows<{ id: string; title: string; status: IdeaStatus; vote_count: number; similarity: number }>(
        manager,
        `SELECT i.id, i.title, i.status, i.vote_count, word_similarity($2, i.title) AS similarity
           FROM ideas i
          WHERE i.campaign_id = $1 AND i.status <> 'merged' AND ${this.visibility.ideaVisibleSql(viewer, 'i')} AND $2 <% i.title
          ORDER BY similarity DESC, i.vote_count DESC, i.created_at, i.id
          LIMIT $3`,
        [campaignId, title, limit],
      );
    });
    return {
      items: found.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        voteCount: r.vote_count,
        similarity: Math.round(Number(r.similarity) * 100) / 100,
      })),
    };
  }

  /**
   * Merges the duplicate into the survivor, in one transaction: the duplicate's votes move over
   * (INSERT ... SELECT ... ON CONFLICT DO NOTHING, so whoever voted for both counts once; the
   * survivor's author's own vote does not move, authors never vote for their own idea), the
   * survivor's count is recounted from its rows, and the duplicate becomes `merged`, pointing to
   * the survivor, with no votes left. Both must be `submitted` ideas of the same open campaign.
   * Locks: the campaign (share), then both ideas in id order, so it cannot deadlock with votes.
   */
  async merge(user: AuthUser, duplicate: string, into: string): Promise<MergeView> {
    const [duplicateId, intoId] = [duplicate.toLowerCase(), into.toLowerCase()];
    if (duplicateId === intoId) throw invalid('An idea cannot be merged into itself');
    await this.transactions.run(async (tx) => {
      const both = await rows<{ id: string; campaign_id: string }>(
        tx.manager,
        'SELECT id, campaign_id FROM ideas WHERE id = ANY($1::uuid[])',
        [[duplicateId, intoId]],
      );
      const campaignOf = new Map(both.map((r) => [r.id, r.campaign_id]));
      if (!campaignOf.has(duplicateId) || !campaignOf.has(intoId)) throw notFound('Idea');
      if (campaignOf.get(duplicateId) !== campaignOf.get(intoId)) throw invalid('Only ideas of the same campaign can be merged');
      const campaign = await this.visibility.visibleCampaign(user, campaignOf.get(duplicateId)!, tx.manager, 'share');
      if (campaign.status !== 'open') throw conflict(`Ideas are merged while the campaign is open (it is ${campaign.status})`);
      const locked = await rows<IdeaRow>(
        tx.manager,
        `SELECT ${IDEA_COLUMNS('i')} FROM ideas i WHERE i.id = ANY($1::uuid[]) ORDER BY i.id FOR NO KEY UPDATE`,
        [[duplicateId, intoId]],
      );
      const duplicate = locked.find((i) => i.id === duplicateId)!;
      const into = locked.find((i) => i.id === intoId)!;
      for (const idea of [duplicate, into]) {
        if (idea.status !== 'submitted') throw conflict(`Only submitted ideas can be merged (${idea.id} is ${idea.status})`);
      }
      await tx.manager.query(
        `INSERT INTO idea_votes (idea_id, user_id, created_at)
         SELECT $2, user_id, created_at FROM idea_votes WHERE idea_id = $1 AND user_id <> $3
         ON CONFLICT DO NOTHING`,
        [duplicateId, intoId, into.author_id],
      );
      await tx.manager.query('DELETE FROM idea_votes WHERE idea_id = $1', [duplicateId]);
      const [{ vote_count: voteCount }] = await rows<{ vote_count: number }>(
        tx.manager,
        `UPDATE ideas SET vote_count = (SELECT count(*) FROM idea_votes WHERE idea_id = $1), updated_at = now()
          WHERE id = $1 RETURNING vote_count`,
        [intoId],
      );
      await tx.manager.query(
        `UPDATE ideas SET status = 'merged', merged_into = $2, merged_by = $3, merged_at = now(), vote_count = 0, updated_at = now()
          WHERE id = $1`,
        [duplicateId, intoId, user.id],
      );
      await tx.emit({
        type: 'idea.merged',
        payload: {
          ideaId: duplicateId,
          mergedInto: intoId,
          campaignId: campaign.id,
          authorId: duplicate.author_id,
          survivorAuthorId: into.author_id,
          voteCount,
        },
        audience: [
          ideaRoom(duplicateId),
          ideaRoom(intoId),
          campaignRoom(campaign.id),
          userRoom(duplicate.author_id),
          userRoom(into.author_id),
        ],
        subject: ideaSubject(duplicateId),
        actorId: user.id,
      });
      if (voteCount !== into.vote_count) {
        await tx.emit({
          type: 'idea.voted',
          payload: { ideaId: intoId, campaignId: campaign.id, voteCount },
          audience: [ideaRoom(intoId), campaignRoom(campaign.id)],
          subject: ideaSubject(intoId),
          actorId: user.id,
        });
      }
    });
    return { merged: await this.ideas.get(user, duplicateId), into: await this.ideas.get(user, intoId) };
  }
}
