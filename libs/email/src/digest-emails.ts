import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DigestService, NotificationSettingsService, NotificationsService } from '@ruche/notifications';
import { Database, JobEngine, rows, RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { Excerpts } from './excerpts.js';
import { Mailer } from './mailer.js';
import { type MailRecipient, MailRecipients } from './recipients.js';
import { ReplyTokens } from './reply-tokens.js';
import { type DigestItem, renderDigest } from './templates.js';
import { UnsubscribeLinks } from './unsubscribe-links.js';

/** Every 15 minutes (a pg-boss schedule: one instance runs each round). */
const CHECK_CRON = '*/15 * * * *';
/** Sent at most once per this many hours per person (and once per day in their zone). */
const MIN_HOURS_BETWEEN = 20;
/** People who got a notification within this many days are sent their digest. */
const RECENT_DAYS = 7;
const BATCH = 200;
/** Posts shown per group. */
const POSTS_PER_GROUP = 3;
const DAY_MS = 24 * 3600 * 1000;

/** `YYYY-MM-DD` of `at` in `timeZone`. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * The daily digest by email, only with SMTP_URL set (the digest is always in the app at
 * GET /api/digest). A pg-boss schedule runs a round every 15 minutes on one instance; recipients
 * are people with a notification in the last 7 days who did not turn the digest's email off, were
 * not sent one today (in their time zone: `digest:<user>:<day>` in email_messages) nor in the last
 * 20 hours. The digest is written in their language, each item with a link into the app, an excerpt
 * (read as the recipient: only what they may see) and its own reply address; the digest's own
 * Reply-To is a digest token, which the inbound side answers with how to reply to an item. An empty
 * digest is not sent. A failed send is logged and tried again at the next round.
 */
@Injectable()
export class DigestEmails implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('email');
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly mailer: Mailer,
    private readonly digests: DigestService,
    private readonly notifications: NotificationsService,
    private readonly settings: NotificationSettingsService,
    private readonly recipients: MailRecipients,
    private readonly tokens: ReplyTokens,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly excerpts: Excerpts,
    private readonly jobs: JobEngine,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  onModuleInit(): void {
    if (this.mailer.enabled) this.jobs.every('email-digest', CHECK_CRON, () => this.runOnce());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  /** One round (also what tests call); resolves with how many digests were sent. */
  runOnce(now = new Date()): Promise<number> {
    if (!this.mailer.enabled || this.stopped) return Promise.resolve(0);
    this.running ??= this.round(now).finally(() => (this.running = null));
    return this.running;
  }

  private async round(now: Date): Promise<number> {
    let sent = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.notifications.recentRecipientIds(RECENT_DAYS, after, BATCH);
      for (const userId of ids) {
        if (this.stopped) return sent;
        try {
          if ((await this.sendTo(userId, now)) === 'sent') sent++;
        } catch (error) {
          this.logger.warn({ msg: 'digest not sent; next round tries again', userId, error: String(error) });
        }
      }
      if (ids.length < BATCH) return sent;
      after = ids[ids.length - 1]!;
    }
  }

  private async sendTo(userId: string, now: Date): Promise<string> {
    if (!(await this.settings.wantsEmail(userId, 'digest'))) return 'not wanted';
    const recent = await rows(
      this.db.manager,
      `SELECT 1 FROM email_messages
        WHERE recipient_id = $1 AND kind = 'digest' AND status <> 'sending' AND created_at > now() - make_interval(hours => $2)
        LIMIT 1`,
      [userId, MIN_HOURS_BETWEEN],
    );
    if (recent.length) return 'recent';
    const recipient = await this.recipients.get(userId);
    if (!recipient) return 'no recipient';
    return this.mailer.deliver(
      { dedupeKey: `digest:${userId}:${localDay(now, recipient.timeZone)}`, recipientId: userId, address: recipient.email, kind: 'digest' },
      () => this.build(recipient, now),
    );
  }

  private async build(recipient: MailRecipient, now: Date) {
    const digest = await this.digests.digest(recipient.id, new Date(now.getTime() - DAY_MS), now);
    if (digest.empty) return null;
    const app = this.config.mail.appUrl;
    const groups = [];
    for (const section of digest.groups) {
      const items: DigestItem[] = [];
      for (const postId of section.topPostIds.slice(0, POSTS_PER_GROUP)) {
        const about = await this.excerpts.of(recipient, { type: 'post', id: postId });
        if (!about) continue;
        items.push({
          title: about.title,
          excerpt: about.excerpt ?? undefined,
          url: `${app}/posts/${postId}`,
          replyTo: await this.tokens.issueAddress(recipient.id, { type: 'post', id: postId }),
        });
      }
      groups.push({ name: section.group.name, url: `${app}/groups/${section.group.id}`, posts: section.posts, comments: section.comments, items });
    }
    const questions: DigestItem[] = [];
    for (const q of digest.questions) {
      questions.push({
        title: q.title,
        note: recipient.locale === 'fr' ? `${q.answerCount} réponse(s)` : `${q.answerCount} answer(s)`,
        url: `${app}/questions/${q.questionId}`,
        replyTo: await this.tokens.issueAddress(recipient.id, { type: 'question', id: q.questionId }),
      });
    }
    const ideas: DigestItem[] = [];
    for (const i of digest.ideas) {
      const about = await this.excerpts.of(recipient, { type: 'idea', id: i.ideaId });
      if (!about) continue;
      ideas.push({
        title: about.title,
        excerpt: about.excerpt ?? undefined,
        note: i.change === 'status' ? (i.status ?? undefined) : recipient.locale === 'fr' ? 'évaluée' : 'reviewed',
        url: `${app}/ideas/${i.ideaId}`,
        replyTo: await this.tokens.issueAddress(recipient.id, { type: 'idea', id: i.ideaId }),
      });
    }
    const unsubscribeUrl = this.unsubscribe.url(recipient.id, 'digest');
    const rendered = renderDigest({
      locale: recipient.locale,
      timeZone: recipient.timeZone,
      now,
      appUrl: app,
      displayName: recipient.displayName,
      groups,
      questions,
      ideas,
      unread: digest.unreadNotifications,
      unsubscribeUrl,
    });
    const replyTo = await this.tokens.issueAddress(recipient.id, { type: 'digest', id: null });
    return { ...rendered, replyTo, unsubscribeUrl };
  }
}
