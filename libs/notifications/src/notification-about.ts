import { Injectable } from '@nestjs/common';
import type { NotificationAbout } from '@ruche/contracts';
import { AnnouncementsService } from '@ruche/announcements';
import { PostsService } from '@ruche/feed';
import { GroupsService } from '@ruche/groups';
import { IdeasService } from '@ruche/ideas';
import { QuestionsService } from '@ruche/questions';

/** How long an excerpt may be once clipped (a line or two in the list). */
export const EXCERPT_LENGTH = 140;

/** A subject as a notification names it. */
export interface AboutSubject {
  subject_type: string;
  subject_id: string;
}

/** Markdown to one plain line, cut at a word boundary before `max` characters with an ellipsis. */
export function clip(text: string | null | undefined, max = EXCERPT_LENGTH): string | null {
  if (!text) return null;
  const plain = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // Headings and quotes at line starts, emphasis and code marks; underscores stay (handles have them).
    .replace(/^\s{0,3}(?:#{1,6}|>)\s*/gm, '')
    .replace(/[*`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length === 0) return null;
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const key = (type: string, id: string) => `${type}:${id}`;

/**
 * What notifications are about, for a page of them at once: one call per subject type to the
 * owning module's service (never one per row), then one for the groups' names.
 *
 * Callers pass only subjects the recipient may see now (the list and the live event both check
 * SubjectVisibility first), so the owners' texts are read without their own check. A group's name
 * is still asked of GroupsService.readableGroupIds for the viewer: a private group's name is never
 * shown to someone who is no longer in it, even where the subject itself would pass; a live event,
 * written once for all its recipients, names public groups only (the list names the rest).
 */
@Injectable()
export class NotificationAbouts {
  constructor(
    private readonly posts: PostsService,
    private readonly questions: QuestionsService,
    private readonly ideas: IdeasService,
    private readonly groups: GroupsService,
    private readonly announcements: AnnouncementsService,
  ) {}

  /**
   * `type:id` → what it is about; subjects with nothing to show (people, reports, gone) map to null.
   * `viewerId` null (a live event written once for many recipients): only public groups are named.
   */
  async of(viewerId: string | null, subjects: readonly AboutSubject[]): Promise<Map<string, NotificationAbout | null>> {
    const idsByType = new Map<string, string[]>();
    for (const s of subjects) idsByType.set(s.subject_type, [...(idsByType.get(s.subject_type) ?? []), s.subject_id]);
    const ids = (type: string) => idsByType.get(type) ?? [];
    const [posts, comments, questions, answers, ideas, campaigns, announcements] = await Promise.all([
      this.posts.texts('post', ids('post')),
      this.posts.texts('comment', ids('comment')),
      this.questions.texts('question', ids('question')),
      this.questions.texts('answer', ids('answer')),
      this.ideas.texts('idea', ids('idea')),
      this.ideas.texts('campaign', ids('campaign')),
      this.announcements.texts(ids('announcement')),
    ]);

    // Where each subject is, then one look-up of the names the viewer may read.
    const groupOf = new Map<string, string>();
    for (const [id, t] of posts) if (t.groupId) groupOf.set(key('post', id), t.groupId);
    for (const [id, t] of comments) if (t.groupId) groupOf.set(key('comment', id), t.groupId);
    for (const [id, t] of announcements) if (t.groupId) groupOf.set(key('announcement', id), t.groupId);
    for (const id of ids('group')) groupOf.set(key('group', id), id);
    const groupIds = [...new Set(groupOf.values())];
    const [readable, names] = groupIds.length
      ? await Promise.all([this.readable(viewerId, groupIds), this.groups.names(groupIds)])
      : [new Set<string>(), new Map<string, string>()];
    const groupAt = (k: string): { id: string; name: string } | undefined => {
      const id = groupOf.get(k);
      const name = id && readable.has(id) ? names.get(id) : undefined;
      return id && name !== undefined ? { id, name } : undefined;
    };
    const withGroup = (k: string, about: NotificationAbout): NotificationAbout => {
      const group = groupAt(k);
      return group ? { ...about, group } : about;
    };

    const out = new Map<string, NotificationAbout | null>();
    for (const s of subjects) {
      const k = key(s.subject_type, s.subject_id);
      out.set(k, this.one(s, k, { posts, comments, questions, answers, ideas, campaigns, announcements }, groupAt, withGroup));
    }
    return out;
  }

  private async readable(viewerId: string | null, groupIds: string[]): Promise<Set<string>> {
    if (viewerId) return this.groups.readableGroupIds(viewerId, groupIds);
    const hidden = await this.groups.privateGroupIds(groupIds);
    return new Set(groupIds.filter((id) => !hidden.has(id)));
  }

  private one(
    s: AboutSubject,
    k: string,
    t: {
      posts: Awaited<ReturnType<PostsService['texts']>>;
      comments: Awaited<ReturnType<PostsService['texts']>>;
      questions: Awaited<ReturnType<QuestionsService['texts']>>;
      answers: Awaited<ReturnType<QuestionsService['texts']>>;
      ideas: Awaited<ReturnType<IdeasService['texts']>>;
      campaigns: Awaited<ReturnType<IdeasService['texts']>>;
      announcements: Awaited<ReturnType<AnnouncementsService['texts']>>;
    },
    groupAt: (k: string) => { id: string; name: string } | undefined,
    withGroup: (k: string, about: NotificationAbout) => NotificationAbout,
  ): NotificationAbout | null {
    const id = s.subject_id;
    switch (s.subject_type) {
      case 'post':
      case 'comment': {
        const text = (s.subject_type === 'post' ? t.posts : t.comments).get(id);
        return text ? withGroup(k, { title: null, excerpt: clip(text.body) }) : null;
      }
      case 'question':
      case 'answer': {
        const text = (s.subject_type === 'question' ? t.questions : t.answers).get(id);
        return text ? { title: text.title, excerpt: clip(text.body) } : null;
      }
      case 'idea': {
        const text = t.ideas.get(id);
        if (!text) return null;
        const about: NotificationAbout = { title: text.title, excerpt: clip(text.body) };
        return text.campaign ? { ...about, campaign: text.campaign } : about;
      }
      case 'campaign': {
        const text = t.campaigns.get(id);
        return text ? { title: text.title, excerpt: clip(text.body), campaign: { id, title: text.title } } : null;
      }
      case 'announcement': {
        const text = t.announcements.get(id);
        return text ? withGroup(k, { title: text.title, excerpt: clip(text.body) }) : null;
      }
      case 'group': {
        const group = groupAt(k);
        return group ? { title: group.name, excerpt: null, group } : null;
      }
      default:
        return null;
    }
  }
}
