import { Injectable } from '@nestjs/common';
import { type AuthUser, conflict, forbidden, Transactions } from '@ruche/platform';
import type { IdeaDetailView, IdeaView, UpdateIdeaDto } from './dto.js';
import { campaignRoom, ideaRoom, ideaSubject, userRoom } from './idea-events.js';
import { IDEA_COLUMNS, type IdeaRow, rows } from './idea-sql.js';
import { summaryOf, toIdeaView } from './idea-views.js';
import { IdeasService } from './ideas.service.js';
import { IdeasVisibility } from './ideas-visibility.js';

/** Any employee submits ideas while the campaign is open; the author edits while it is `submitted`. */
@Injectable()
export class IdeaSubmissionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
    private readonly ideas: IdeasService,
  ) {}

  submit(author: AuthUser, campaignId: string, input: { title: string; body: string }): Promise<IdeaView> {
    return this.transactions.run(async (tx) => {
      // Share lock: the campaign cannot advance between this check and the commit.
      const campaign = await this.visibility.visibleCampaign(author, campaignId, tx.manager, 'share');
      if (campaign.status !== 'open') throw conflict(`Ideas are accepted while the campaign is open (it is ${campaign.status})`);
      const [row] = await rows<IdeaRow>(
        tx.manager,
        `INSERT INTO ideas (campaign_id, author_id, title, body) VALUES ($1, $2, $3, $4) RETURNING ${IDEA_COLUMNS('ideas')}`,
        [campaignId, author.id, input.title, input.body],
      );
      const idea = toIdeaView(row, new Map([[author.id, summaryOf(author)]]), false);
      await tx.emit({
        type: 'idea.created',
        payload: { idea },
        audience: [campaignRoom(campaignId), userRoom(author.id)],
        subject: ideaSubject(row.id),
        actorId: author.id,
      });
      return idea;
    });
  }

  async edit(user: AuthUser, ideaId: string, input: UpdateIdeaDto): Promise<IdeaDetailView> {
    await this.transactions.run(async (tx) => {
      const { idea } = await this.visibility.lockVisibleIdea(tx.manager, user, ideaId);
      if (idea.author_id !== user.id) throw forbidden('Only the author can edit this idea');
      if (idea.status !== 'submitted') throw conflict(`An idea can be edited while it is submitted (it is ${idea.status})`);
      const title = input.title ?? idea.title;
      const body = input.body ?? idea.body;
      if (title === idea.title && body === idea.body) return;
      const [row] = await rows<IdeaRow>(
        tx.manager,
        `UPDATE ideas SET title = $2, body = $3, updated_at = now() WHERE id = $1 RETURNING ${IDEA_COLUMNS('ideas')}`,
        [ideaId, title, body],
      );
      await tx.emit({
        type: 'idea.updated',
        payload: { idea: toIdeaView(row, new Map([[user.id, summaryOf(user)]]), false) },
        audience: [ideaRoom(ideaId), campaignRoom(row.campaign_id)],
        subject: ideaSubject(ideaId),
        actorId: user.id,
      });
    });
    return this.ideas.get(user, ideaId);
  }
}
