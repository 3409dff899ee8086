/**
 * Every kind of notification, what produces it and who receives it (the actor never does):
 *
 * | kind              | produced by                         | recipients                                              |
 * | ----------------- | ----------------------------------- | ------------------------------------------------------- |
 * | `mention`         | `post.mentioned`                    | the people newly @mentioned in a post                   |
 * | `group.mention`   | `post.group_mentioned`              | every member of the group (`@group` by an owner/admin)  |
 * | `comment`         | `comment.created`                   | the post's author and everyone who commented before     |
 * | `reaction`        | `post.reaction_changed` (added)     | the post's author; grouped per post while unread        |
 * | `follow`          | `user.followed`                     | the person followed                                     |
 * | `group.request`   | `group.join_requested`              | the group's owners and admins                           |
 * | `group.approved`  | `group.member_approved`             | the person let in                                       |
 * | `question.routed` | `question.routed`                   | the experts the question was routed to                  |
 * | `answer`          | `answer.created`                    | the asker                                               |
 * | `answer.accepted` | `question.answer_accepted`          | the person whose answer was accepted                    |
 * | `idea.status`     | `idea.status`                       | the idea's author, voters and commenters                |
 * | `idea.review`     | `review.created`                    | the idea's author and voters                            |
 * | `idea.implementation` | `idea.implementation_updated`   | the idea's author, voters and commenters                |
 * | `campaign.status` | `campaign.status` (open, review, closed) | the campaign's reviewers and everyone who took part |
 * | `idea.comment`    | `idea.comment_created`              | the idea's author, voters and earlier commenters        |
 * | `report.resolved` | `report.resolved`                   | the reporters, or the author of the content             |
 *
 * A withdrawn reaction (`post.reaction_changed`, delta -1) takes its actor back out of the unread
 * `reaction` row (NotificationStore.retract); a read one is history and stays.
 */
export { NOTIFICATION_KINDS, type NotificationKind } from '@ruche/contracts';
import type { NotificationKind } from '@ruche/contracts';

/** Kinds whose unread notifications about one subject grow one row ("Alice and 4 others reacted"). */
export const GROUPED_KINDS: ReadonlySet<NotificationKind> = new Set(['reaction']);

/**
 * Subject types a notification can be about. Content subjects are re-checked with
 * SubjectVisibility whenever a notification is written or read; a `report` (a moderation case) is
 * only ever addressed to its own parties (the reporters, the author), so it needs no check.
 */
export const PARTY_ONLY_SUBJECTS: ReadonlySet<string> = new Set(['report']);

/** What can be muted: a post (its comments, reactions, mentions) or a whole group. */
export const MUTABLE_TYPES = ['post', 'group'] as const;
export type MutableType = (typeof MUTABLE_TYPES)[number];
