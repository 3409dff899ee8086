import { Injectable } from '@nestjs/common';
import { IdentityService, type UserSummary } from '@ruche/identity';
import type { MentionedText } from '@ruche/platform';
import type { CommentView } from './dto.js';
import { FeedGroups } from './feed-groups.js';
import { parseMentions } from './mentions.js';
import { postSubject } from './feed-events.js';

/**
 * @mentions in comments (#14), as in posts but permission-aware on the post: in a private group only
 * its members are mentioned (linked in the comment's HTML and notified); anyone else stays plain
 * text, so a mention never reveals the thread. `@group` is not a mention in a comment.
 */
@Injectable()
export class CommentMentions {
  constructor(
    private readonly identity: IdentityService,
    private readonly groups: FeedGroups,
  ) {}

  /** Called with the post row locked, inside the writing transaction (which the lookups join). */
  async resolve(body: string, post: { group_id: string | null; group_private: boolean }): Promise<UserSummary[]> {
    const handles = parseMentions(body).filter((handle) => handle !== 'group');
    if (handles.length === 0) return [];
    const people = await this.identity.findByHandles(handles);
    return post.group_id && post.group_private ? this.groups.readersAmong(post.group_id, people) : people;
  }
}

/** A comment's `comment.mentioned` (when it is published or edited): its post as subject, so only readers of the thread hear of it. */
export const commentMentions = (comment: CommentView): MentionedText<'comment.mentioned'> => ({
  type: 'comment.mentioned',
  payload: { postId: comment.postId, commentId: comment.id },
  subject: postSubject(comment.postId),
  authorId: comment.author.id,
});
