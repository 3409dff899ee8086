import { Injectable } from '@nestjs/common';
import { IdentityService, summaryIn, summaryOf } from '@ruche/identity';
import { LinkPreviews } from '@ruche/previews';
import {
  type AuthUser,
  conflict,
  Database,
  decodeCursor,
  type Page,
  type PageQuery,
  PublishingGate,
  renderMarkdown,
  rows,
  SqlParams,
  toPage,
  Transactions,
} from '@ruche/platform';
import type { IdeaCommentView } from './dto.js';
import { ideaAudience, ideaSubject } from './idea-events.js';
import { COMMENT_COLUMNS, type IdeaCommentRow } from './idea-sql.js';
import { toCommentView } from './idea-views.js';
import { IdeasVisibility } from './ideas-visibility.js';

/**
 * The discussion under an idea: oldest first, counted on the idea in the same transaction. Open in
 * every phase (people keep discussing during review and implementation), except on a merged
 * duplicate: the discussion continues on the idea it was merged into.
 */
@Injectable()
export class IdeaCommentsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
    private readonly identity: IdentityService,
    private readonly publishing: PublishingGate,
    private readonly previews: LinkPreviews,
  ) {}

  async add(user: AuthUser, ideaId: string, body: string): Promise<IdeaCommentView> {
    // Idea comments are not moderated content (no beforePublish), but an unverified address may not post them either (#15).
    await this.publishing.assertMayPublish(user.id);
    return this.transactions.run(async (tx) => {
      const { idea } = await this.visibility.lockVisibleIdea(tx.manager, user, ideaId);
      if (idea.status === 'merged') throw conflict(`This idea was merged into ${idea.merged_into}: comment there`);
      const [row] = await rows<IdeaCommentRow>(
        tx.manager,
        `INSERT INTO idea_comments (idea_id, author_id, body, body_html) VALUES ($1, $2, $3, $4) RETURNING ${COMMENT_COLUMNS}`,
        [ideaId, user.id, body, renderMarkdown(body)],
      );
      const [{ comment_count: commentCount }] = await rows<{ comment_count: number }>(
        tx.manager,
        'UPDATE ideas SET comment_count = comment_count + 1 WHERE id = $1 RETURNING comment_count',
        [ideaId],
      );
      // Cards already cached show at once; the others are fetched after commit and sent live (item.link_previews).
      const linkPreviews = await this.previews.track(tx, user.id, { type: 'idea_comment', id: row.id }, body, { created: true });
      const comment = { ...toCommentView(row, summaryOf(user)), linkPreviews };
      await tx.emit({
        type: 'idea.comment_created',
        payload: { ideaId, campaignId: idea.campaign_id, authorId: idea.author_id, comment, commentCount },
        audience: ideaAudience(idea),
        subject: ideaSubject(ideaId),
        actorId: user.id,
      });
      return comment;
    });
  }

  async list(user: AuthUser, ideaId: string, page: PageQuery): Promise<Page<IdeaCommentView>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    await this.visibility.visibleIdea(user, ideaId);
    const params = new SqlParams();
    const [idea, take] = [params.add(ideaId), params.add(page.limit + 1)];
    const list = await rows<IdeaCommentRow>(
      this.db.manager,
      `SELECT ${COMMENT_COLUMNS}
         FROM idea_comments
        WHERE idea_id = ${idea} ${after ? `AND ${params.keyset('created_at, id', '>', after)}` : ''}
        ORDER BY created_at, id
        LIMIT ${take}`,
      params.values,
    );
    const shown = list.slice(0, page.limit);
    const [authors, cards] = await Promise.all([
      this.identity.summaries(shown.map((c) => c.author_id)),
      this.previews.previewsFor(
        'idea_comment',
        shown.map((c) => c.id),
      ),
    ]);
    return toPage(
      list,
      page.limit,
      (c) => [c.created_at, c.id],
      (c) => ({ ...toCommentView(c, summaryIn(authors, c.author_id)), linkPreviews: cards.get(c.id) ?? [] }),
    );
  }
}
