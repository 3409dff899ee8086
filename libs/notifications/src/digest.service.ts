import { Injectable } from '@nestjs/common';
import { TimelineService } from '@ruche/feed';
import { GroupsService } from '@ruche/groups';
import { Database, invalid, rows, SubjectVisibility } from '@ruche/platform';
import { QuestionListQuery, QuestionsService } from '@ruche/questions';
import type { DigestGroupSection, DigestIdeaItem, DigestQuestionItem, DigestView } from './dto.js';
import { NotificationsService } from './notifications.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back a digest may look. */
export const DIGEST_MAX_DAYS = 31;
const QUESTIONS_SHOWN = 10;
const IDEAS_SHOWN = 20;

/**
 * The daily digest, computed on demand for its reader (never stored), each section through the
 * module that owns it and limited to what the reader may see:
 * - my groups: new posts since `since` in each group I belong to, their comments, the most discussed;
 * - questions routed to me that are still open (the questions module's own "for me" list);
 * - ideas I take part in (proposed, voted, commented) whose status changed or that were reviewed:
 *   the `idea.status` / `idea.review` notifications I was sent since then (kinds I turned off are
 *   left out here too).
 */
@Injectable()
export class DigestService {
  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineService,
    private readonly groups: GroupsService,
    private readonly questions: QuestionsService,
    private readonly visibility: SubjectVisibility,
    private readonly notifications: NotificationsService,
  ) {}

  /** `since` defaults to 24 hours ago; it must lie in the last {@link DIGEST_MAX_DAYS} days. */
  sinceOf(raw: string | undefined, now = new Date()): Date {
    if (raw === undefined) return new Date(now.getTime() - DAY_MS);
    const since = new Date(raw);
    if (Number.isNaN(since.getTime())) throw invalid('since must be an ISO-8601 date or date-time');
    if (since.getTime() > now.getTime()) throw invalid('since must not be in the future');
    if (now.getTime() - since.getTime() > DIGEST_MAX_DAYS * DAY_MS)
      throw invalid(`since must be within the last ${DIGEST_MAX_DAYS} days`);
    return since;
  }

  async digest(userId: string, since: Date, until = new Date()): Promise<DigestView> {
    const [groups, questions, ideas, unreadNotifications] = await Promise.all([
      this.groupSection(userId, since),
      this.questionSection(userId),
      this.ideaSection(userId, since),
      this.notifications.unreadCount(userId),
    ]);
    return {
      since: since.toISOString(),
      until: until.toISOString(),
      groups,
      questions,
      ideas,
      unreadNotifications,
      empty: groups.length === 0 && questions.length === 0 && ideas.length === 0,
    };
  }

  private async groupSection(userId: string, since: Date): Promise<DigestGroupSection[]> {
    const groupIds = await this.groups.memberGroupIds(userId);
    const activity = await this.timeline.groupActivity(userId, groupIds, since);
    const names = await this.groups.names(activity.map((a) => a.groupId));
    return activity.map((a) => ({
      group: { id: a.groupId, name: names.get(a.groupId) ?? '' },
      posts: a.posts,
      comments: a.comments,
      topPostIds: a.topPostIds,
    }));
  }

  private async questionSection(userId: string): Promise<DigestQuestionItem[]> {
    const query = Object.assign(new QuestionListQuery(), { for: 'me', status: 'open', limit: QUESTIONS_SHOWN });
    const page = await this.questions.list(userId, query);
    return page.items.map((q) => ({ questionId: q.id, title: q.title, answerCount: q.answerCount, createdAt: q.createdAt }));
  }

  private async ideaSection(userId: string, since: Date): Promise<DigestIdeaItem[]> {
    const found = await rows<{ subject_id: string; kind: string; status: string | null; created_at: Date }>(
      this.db.manager,
      `SELECT DISTINCT ON (subject_id) subject_id, kind, payload->>'status' AS status, created_at
         FROM notifications
        WHERE recipient_id = $1 AND kind IN ('idea.status', 'idea.review') AND created_at >= $2
        ORDER BY subject_id, created_at DESC`,
      [userId, since],
    );
    const visible = await this.visibility.visibleIds(
      userId,
      'idea',
      found.map((r) => r.subject_id),
    );
    return found
      .filter((r) => visible.has(r.subject_id))
      .sort((a, b) => b.created_at.getTime() - a.created_at.getTime())
      .slice(0, IDEAS_SHOWN)
      .map((r) => ({
        ideaId: r.subject_id,
        change: r.kind === 'idea.status' ? 'status' : 'review',
        status: r.status,
        at: r.created_at.toISOString(),
      }));
  }
}
