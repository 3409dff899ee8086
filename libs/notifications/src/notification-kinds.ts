/**
 * Every kind of notification, what produces it and who receives it (the actor never does):
 *
 * | kind              | produced by                         | recipients                                              |
 * | ----------------- | ----------------------------------- | ------------------------------------------------------- |
 * | `mention`         | `post.mentioned`                    | the people newly @mentioned in a post                   |
 * | `group.mention`   | `post.group_mentioned`              | every member of the group (`@group` by an owner/admin)  |
 * | `comment`         | `comment.created`                   | the post's author and earlier commenters; grouped per post |
 * | `reaction`        | `post.reaction_changed` (added)     | the post's author; grouped per post while unread        |
 * | `follow`          | `user.followed`                     | the person followed                                     |
 * | `group.request`   | `group.join_requested`              | the group's owners and admins                           |
 * | `group.approved`  | `group.member_approved`             | the person let in                                       |
 * | `question.routed` | `question.routed`                   | the experts the question was routed to                  |
 * | `answer`          | `answer.created`                    | the asker                                               |
 * | `answer.accepted` | `question.answer_accepted`          | the person whose answer was accepted                    |
 * | `question.unanswered` | `question.unanswered`           | the asker: nobody answered after the last routing round |
 * | `kudos.received`  | `kudos.created`                     | the person thanked                                      |
 * | `badge.earned`    | `badge.awarded`                     | the person who earned it                                |
 * | `digest.helpers`  | `helpers.digest_ready`              | the group's owners and admins: its monthly "who helped" |
 * | `idea.status`     | `idea.status`                       | the idea's author, voters and commenters                |
 * | `idea.review`     | `review.created`                    | the idea's author and voters                            |
 * | `idea.implementation` | `idea.implementation_updated`   | the idea's author, voters and commenters                |
 * | `campaign.status` | `campaign.status` (open, review, closed) | the campaign's reviewers and everyone who took part |
 * | `idea.comment`    | `idea.comment_created`              | the idea's author, voters and earlier commenters        |
 * | `report.resolved` | `report.resolved`                   | the reporters, or the author of the content             |
 * | `announcement`    | `announcement.published`            | everyone it was addressed to (announcement-notifications.ts) |
 * | `announcement.reminder` | `announcement.reminded`       | those of them who have not read it yet                  |
 *
 * A withdrawn reaction (`post.reaction_changed`, delta -1) takes its actor back out of the unread
 * `reaction` row (NotificationStore.retract); a read one is history and stays.
 */
export { NOTIFICATION_KINDS, type NotificationKind } from '@ruche/contracts';
import type { NotificationKind } from '@ruche/contracts';

/**
 * Kinds also sent as an individual email unless the person turned it off (only with SMTP_URL set):
 * what is addressed to you by name and waits on you, and the monthly "who helped" digest of the
 * groups you manage (a digest is what email is still for). Everything else is off by email until turned on.
 */
export const EMAIL_BY_DEFAULT: ReadonlySet<NotificationKind> = new Set(['mention', 'question.routed', 'answer', 'digest.helpers']);

/**
 * Kinds also pushed to the devices a person subscribed unless they turned it off: what waits on
 * them by name, now (a push interrupts; the rest stays in the app until turned on).
 */
export const PUSH_BY_DEFAULT: ReadonlySet<NotificationKind> = new Set(['mention', 'question.routed', 'answer', 'announcement']);

/**
 * Kinds whose unread notifications about one thread grow one row ("Alice and 4 others reacted"):
 * those where many people act on one subject and each row alone says little — reactions and
 * comments on a post (a comment's thread is its post), answers to a question, comments on and
 * reviews of an idea. Not grouped: what is addressed to one person by name or happens once (a
 * mention, a follow, a status change, an announcement), each of which deserves its own line.
 * A row stays grouped only while unread; once read, the next one starts a new row.
 */
export const GROUPED_KINDS: ReadonlySet<NotificationKind> = new Set([
  'reaction',
  'comment',
  'answer',
  'idea.comment',
  'idea.review',
]);

/**
 * Subject types a notification can be about. Content subjects are re-checked with
 * SubjectVisibility whenever a notification is written or read; a `report` (a moderation case) is
 * only ever addressed to its own parties (the reporters, the author), so it needs no check.
 */
export const PARTY_ONLY_SUBJECTS: ReadonlySet<string> = new Set(['report']);

/** What can be muted: a post (its comments, reactions, mentions) or a whole group. */
export const MUTABLE_TYPES = ['post', 'group'] as const;
export type MutableType = (typeof MUTABLE_TYPES)[number];
