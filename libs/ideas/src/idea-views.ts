import type { AttachmentView } from '@ruche/contracts';
import { FilesService } from '@ruche/files';
import { LinkPreviews } from '@ruche/previews';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityService, summaryIn, type UserSummary } from '@ruche/identity';
import {
  type IdeaCommentView,
  type IdeaDetailView,
  type IdeaView,
  type ImplementationView,
  type MilestoneView,
  moderationMarker,
  type ReviewView,
} from './dto.js';
import { type IdeaCommentRow, type IdeaRow, type MilestoneRow, numeric, REVIEW_COLUMNS, type ReviewRow } from './idea-sql.js';
import { Database, markdownBody, renderMarkdown, rows } from '@ruche/platform';

export function toMilestoneView(row: Pick<MilestoneRow, 'title' | 'due_on' | 'done'>): MilestoneView {
  return { title: row.title, date: row.due_on, done: row.done };
}

export function toImplementationView(
  idea: IdeaRow,
  people: ReadonlyMap<string, UserSummary>,
  milestones: readonly MilestoneView[],
): ImplementationView | null {
  if (!idea.implementation_updated_at) return null;
  return {
    owner: idea.implementation_owner_id ? summaryIn(people, idea.implementation_owner_id) : null,
    progress: idea.implementation_progress ?? 0,
    milestones: [...milestones],
    updatedAt: idea.implementation_updated_at.toISOString(),
  };
}

/** One idea's view from its row and what was loaded for its page. */
export function toIdeaView(
  idea: IdeaRow,
  people: ReadonlyMap<string, UserSummary>,
  myVote: boolean,
  milestones: readonly MilestoneView[] = [],
  attachments: AttachmentView[] = [],
): IdeaView {
  return {
    id: idea.id,
    campaignId: idea.campaign_id,
    title: idea.title,
    ...markdownBody(idea),
    author: summaryIn(people, idea.author_id),
    status: idea.status,
    voteCount: idea.vote_count,
    myVote,
    commentCount: idea.comment_count,
    reviewCount: idea.review_count,
    reviewScore: numeric(idea.review_score),
    rationale: idea.rationale,
    decidedBy: idea.decided_by ? summaryIn(people, idea.decided_by) : null,
    decidedAt: idea.decided_at?.toISOString() ?? null,
    mergedInto: idea.merged_into,
    implementation: toImplementationView(idea, people, milestones),
    createdAt: idea.created_at.toISOString(),
    updatedAt: idea.updated_at.toISOString(),
    attachments,
    ...moderationMarker(idea.moderation_state),
  };
}

export function toReviewView(row: ReviewRow, reviewer: UserSummary): ReviewView {
  return {
    id: row.id,
    ideaId: row.idea_id,
    reviewer,
    scores: row.scores,
    score: Number(row.score),
    comment: row.comment,
    commentHtml: row.comment_html ?? renderMarkdown(row.comment),
    createdAt: row.created_at.toISOString(),
  };
}

export function toCommentView(row: IdeaCommentRow, author: UserSummary): IdeaCommentView {
  return {
    id: row.id,
    ideaId: row.idea_id,
    author,
    ...markdownBody(row),
    createdAt: row.created_at.toISOString(),
  };
}

/** Everyone an idea row names (author, decider, implementation owner). */
const peopleOf = (idea: IdeaRow) =>
  [idea.author_id, idea.decided_by, idea.implementation_owner_id].filter((id): id is string => id !== null);

/**
 * Turns a page of idea rows into views with a fixed number of round trips whatever the page size:
 * the viewer's votes (1 query), milestones (1 query, only when some idea is being implemented),
 * the people named (1 `summaries` call). Counts come with the rows.
 *
 * Not for use inside a transaction: `summaries` takes a second pooled connection. Writes build
 * their view after commit, or with {@link toIdeaView} from people they already know.
 */
@Injectable()
export class IdeaViews {
  constructor(
    private readonly db: Database,
    private readonly identity: IdentityService,
    private readonly files: FilesService,
    private readonly previews: LinkPreviews,
  ) {}

  async build(viewerId: string, ideas: IdeaRow[]): Promise<IdeaView[]> {
    if (ideas.length === 0) return [];
    const db = this.db.manager;
    const ids = ideas.map((i) => i.id);
    const mine = await this.myVotes(db, viewerId, ids);
    const milestones = await this.milestones(
      db,
      ideas.filter((i) => i.implementation_updated_at).map((i) => i.id),
    );
    const people = await this.identity.summaries(ideas.flatMap(peopleOf));
    const attachments = await this.files.attachmentsFor('idea', ids, db);
    // Link preview cards (#14): part of the idea's view, so exactly as visible as the idea.
    const cards = await this.previews.previewsFor('idea', ids, db);
    return ideas.map((idea) => ({
      ...toIdeaView(idea, people, mine.has(idea.id), milestones.get(idea.id) ?? [], attachments.get(idea.id) ?? []),
      linkPreviews: cards.get(idea.id) ?? [],
    }));
  }

  /** One idea with its expert reviews, oldest first (visible to every employee who sees the idea). */
  async detail(viewerId: string, idea: IdeaRow): Promise<IdeaDetailView> {
    const db = this.db.manager;
    const reviews = await rows<ReviewRow>(
      db,
      `SELECT ${REVIEW_COLUMNS} FROM idea_reviews WHERE idea_id = $1 ORDER BY created_at, id`,
      [idea.id],
    );
    const mine = await this.myVotes(db, viewerId, [idea.id]);
    const milestones = idea.implementation_updated_at ? await this.milestones(db, [idea.id]) : new Map<string, MilestoneView[]>();
    const people = await this.identity.summaries([...peopleOf(idea), ...reviews.map((r) => r.reviewer_id)]);
    return {
      ...toIdeaView(
        idea,
        people,
        mine.has(idea.id),
        milestones.get(idea.id) ?? [],
        (await this.files.attachmentsFor('idea', [idea.id], db)).get(idea.id) ?? [],
      ),
      linkPreviews: (await this.previews.previewsFor('idea', [idea.id], db)).get(idea.id) ?? [],
      reviews: reviews.map((r) => toReviewView(r, summaryIn(people, r.reviewer_id))),
    };
  }

  /** Which of these ideas the viewer voted for (idea_votes_pkey serves it). */
  async myVotes(db: EntityManager, viewerId: string, ideaIds: string[]): Promise<Set<string>> {
    const found = await rows<{ idea_id: string }>(
      db,
      'SELECT idea_id FROM idea_votes WHERE user_id = $1 AND idea_id = ANY($2::uuid[])',
      [viewerId, ideaIds],
    );
    return new Set(found.map((r) => r.idea_id));
  }

  /** Milestones by idea, in their order. */
  async milestones(db: EntityManager, ideaIds: string[]): Promise<Map<string, MilestoneView[]>> {
    const map = new Map<string, MilestoneView[]>();
    if (ideaIds.length === 0) return map;
    const found = await rows<MilestoneRow>(
      db,
      'SELECT idea_id, position, title, due_on::text AS due_on, done FROM idea_milestones WHERE idea_id = ANY($1::uuid[]) ORDER BY idea_id, position',
      [ideaIds],
    );
    for (const row of found) {
      const list = map.get(row.idea_id) ?? [];
      list.push(toMilestoneView(row));
      map.set(row.idea_id, list);
    }
    return map;
  }
}
