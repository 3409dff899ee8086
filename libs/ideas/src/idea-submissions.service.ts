import { Injectable } from '@nestjs/common';
import { FilesService } from '@ruche/files';
import { LinkPreviews } from '@ruche/previews';
import { summaryOf } from '@ruche/identity';
import {
  type AuthUser,
  conflict,
  ContentModeration,
  forbidden,
  renderMarkdown,
  rows,
  stateAfterEdit,
  stateOnCreate,
  Transactions,
} from '@ruche/platform';
import type { IdeaDetailView, IdeaView, UpdateIdeaDto } from './dto.js';
import { campaignRoom, ideaRoom, ideaSubject, userRoom } from './idea-events.js';
import { ideaText } from './idea-moderation.js';
import { IDEA_COLUMNS, type IdeaRow } from './idea-sql.js';
import { toIdeaView } from './idea-views.js';
import { IdeasService } from './ideas.service.js';
import { IdeasVisibility } from './ideas-visibility.js';

/**
 * Any employee submits ideas while the campaign is open; the author edits while it is `submitted`.
 * Moderation: submitting needs the company guidelines accepted; a title or body with a blocked
 * term is held for review (`moderation_state = 'held'`): only its author and moderators see it,
 * nobody else hears of it until a moderator releases it (see IdeaModeration).
 */
@Injectable()
export class IdeaSubmissionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
    private readonly ideas: IdeasService,
    private readonly moderation: ContentModeration,
    private readonly files: FilesService,
    private readonly previews: LinkPreviews,
  ) {}

  async submit(
    author: AuthUser,
    campaignId: string,
    input: { title: string; body: string; attachmentIds?: string[] },
  ): Promise<IdeaView> {
    const screening = await this.moderation.beforePublish(author.id, ideaText(input));
    return this.transactions.run(async (tx) => {
      // Share lock: the campaign cannot advance between this check and the commit.
      const campaign = await this.visibility.visibleCampaign(author, campaignId, tx.manager, 'share');
      if (campaign.status !== 'open') throw conflict(`Ideas are accepted while the campaign is open (it is ${campaign.status})`);
      const [row] = await rows<IdeaRow>(
        tx.manager,
        `INSERT INTO ideas (campaign_id, author_id, title, body, moderation_state, body_html) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING ${IDEA_COLUMNS('ideas')}`,
        [campaignId, author.id, input.title, input.body, stateOnCreate(screening), renderMarkdown(input.body)],
      );
      const attachments = await this.files.attach(tx.manager, author.id, { type: 'idea', id: row.id }, input.attachmentIds ?? []);
      // Cards already cached show at once; the others are fetched after commit and sent live (item.link_previews).
      const linkPreviews = await this.previews.track(tx, author.id, { type: 'idea', id: row.id }, input.body, { created: true });
      const idea = { ...toIdeaView(row, new Map([[author.id, summaryOf(author)]]), false, [], attachments), linkPreviews };
      if (screening.held) await this.moderation.held(tx, { type: 'idea', id: row.id, authorId: author.id }, screening.terms);
      await tx.emit({
        type: 'idea.created',
        payload: { idea },
        // Held for review: its author alone hears of it.
        audience: screening.held ? [userRoom(author.id)] : [campaignRoom(campaignId), userRoom(author.id)],
        subject: ideaSubject(row.id),
        actorId: author.id,
      });
      return idea;
    });
  }

  async edit(user: AuthUser, ideaId: string, input: UpdateIdeaDto): Promise<IdeaDetailView> {
    const current = await this.visibility.visibleIdea(user, ideaId);
    const screening = await this.moderation.screen(
      ideaText({ title: input.title ?? current.idea.title, body: input.body ?? current.idea.body }),
    );
    await this.transactions.run(async (tx) => {
      const { idea } = await this.visibility.lockVisibleIdea(tx.manager, user, ideaId);
      if (idea.author_id !== user.id) throw forbidden('Only the author can edit this idea');
      if (idea.status !== 'submitted') throw conflict(`An idea can be edited while it is submitted (it is ${idea.status})`);
      const title = input.title ?? idea.title;
      const body = input.body ?? idea.body;
      const attachments = await this.files.attachEdited(tx.manager, user.id, { type: 'idea', id: ideaId }, input.attachmentIds);
      if (title === idea.title && body === idea.body) return;
      // Screened as read before the lock; an edit racing this one is screened on its own text.
      const textScreened = title === (input.title ?? current.idea.title) && body === (input.body ?? current.idea.body);
      const held = textScreened ? screening : await this.moderation.screen(ideaText({ title, body }));
      const state = stateAfterEdit(idea.moderation_state, held);
      const [row] = await rows<IdeaRow>(
        tx.manager,
        `UPDATE ideas SET title = $2, body = $3, body_html = $5, moderation_state = $4, updated_at = now() WHERE id = $1
         RETURNING ${IDEA_COLUMNS('ideas')}`,
        [ideaId, title, body, state, renderMarkdown(body)],
      );
      // Re-done on edit: a removed link's card disappears, a new one is fetched and sent live.
      const linkPreviews = await this.previews.track(tx, user.id, { type: 'idea', id: ideaId }, body);
      const view = { ...toIdeaView(row, new Map([[user.id, summaryOf(user)]]), false, [], attachments), linkPreviews };
      if (state !== 'visible') {
        // Out of public sight: the change is for its author alone.
        if (held.held && state === 'held')
          await this.moderation.held(tx, { type: 'idea', id: ideaId, authorId: user.id }, held.terms);
        if (idea.moderation_state === 'visible') {
          // Everyone who had it drops it.
          await tx.emit({
            type: 'idea.hidden',
            payload: { ideaId, campaignId: row.campaign_id, state: 'held' },
            audience: [ideaRoom(ideaId), campaignRoom(row.campaign_id)],
            actorId: user.id,
          });
        }
        await tx.emit({
          type: 'idea.updated',
          payload: { idea: view },
          audience: [userRoom(user.id)],
          subject: ideaSubject(ideaId),
          actorId: user.id,
        });
        return;
      }
      await tx.emit({
        type: 'idea.updated',
        payload: { idea: view },
        audience: [ideaRoom(ideaId), campaignRoom(row.campaign_id)],
        subject: ideaSubject(ideaId),
        actorId: user.id,
      });
    });
    return this.ideas.get(user, ideaId);
  }
}
