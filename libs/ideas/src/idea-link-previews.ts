import { Injectable, OnModuleInit } from '@nestjs/common';
import { cardAudience, LinkPreviews } from '@ruche/previews';
import type { ModerationState } from '@ruche/platform';
import { ideaAudience, ideaSubject } from './idea-events.js';

/**
 * Where an idea's link preview cards go once libs/previews has fetched them (`item.link_previews`,
 * sent by its shared glue): where `idea.updated` would go. Visible: its room, its campaign's room
 * and its author; held: its author alone; hidden or removed: nobody. The idea is the subject, so
 * replay re-checks that the reader may still see it (a campaign they can no longer see included).
 */
@Injectable()
export class IdeaLinkPreviews implements OnModuleInit {
  constructor(private readonly previews: LinkPreviews) {}

  onModuleInit(): void {
    this.previews.sendLiveRows<{ id: string; campaign_id: string; author_id: string; moderation_state: ModerationState }>(
      'idea',
      'SELECT id, campaign_id, author_id, moderation_state FROM ideas WHERE id = ANY($1::uuid[])',
      (idea) => ({
        id: idea.id,
        parentId: null,
        audience: cardAudience(idea.moderation_state, idea.author_id, () => ideaAudience(idea)),
        subject: ideaSubject(idea.id),
        actorId: idea.author_id,
      }),
    );
    // An idea comment's cards go where the comment itself went (`idea.comment_created`): its idea's
    // audience (ideaAudience: only those who may still see a hidden idea).
    this.previews.sendLiveRows<{
      id: string;
      idea_id: string;
      campaign_id: string;
      author_id: string;
      comment_author_id: string;
      moderation_state: ModerationState;
    }>(
      'idea_comment',
      `SELECT c.id, c.idea_id, i.campaign_id, i.author_id, c.author_id AS comment_author_id, i.moderation_state
         FROM idea_comments c JOIN ideas i ON i.id = c.idea_id
        WHERE c.id = ANY($1::uuid[])`,
      (c) => ({
        id: c.id,
        parentId: c.idea_id,
        audience: ideaAudience({
          id: c.idea_id,
          campaign_id: c.campaign_id,
          author_id: c.author_id,
          moderation_state: c.moderation_state,
        }),
        subject: ideaSubject(c.idea_id),
        actorId: c.comment_author_id,
      }),
    );
  }
}
