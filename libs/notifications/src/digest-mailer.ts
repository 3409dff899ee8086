import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityService } from '@ruche/identity';
import { JobEngine, rows, RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { DigestService } from './digest.service.js';
import type { DigestView } from './dto.js';
import { sendMail } from './smtp-client.js';

/** Every 15 minutes (a pg-boss schedule: one instance runs each round). */
const CHECK_CRON = '*/15 * * * *';
/** Sent at most once per this many hours per person. */
const MIN_HOURS_BETWEEN = 20;
/** People who got a notification within this many days are sent their digest. */
const RECENT_DAYS = 7;
const BATCH = 200;

/** The digest as a plain-text email; null when there is nothing to tell. */
export function digestText(digest: DigestView, appUrl: string | null): string | null {
  if (digest.empty) return null;
  const lines: string[] = ['Your day on Ruche', ''];
  if (digest.groups.length) {
    lines.push('In your groups:');
    for (const g of digest.groups) lines.push(`- ${g.group.name}: ${g.posts} new post(s), ${g.comments} comment(s)`);
    lines.push('');
  }
  if (digest.questions.length) {
    lines.push('Questions for you, still open:');
    for (const q of digest.questions) lines.push(`- ${q.title} (${q.answerCount} answer(s))`);
    lines.push('');
  }
  if (digest.ideas.length) lines.push(`${digest.ideas.length} idea(s) you take part in moved forward.`, '');
  if (digest.unreadNotifications) lines.push(`${digest.unreadNotifications} unread notification(s).`, '');
  if (appUrl) lines.push(appUrl);
  return lines.join('\n');
}

/**
 * Emails the daily digest, only when SMTP_URL is set (off by default: the digest is always in the
 * app at GET /api/digest). A pg-boss schedule runs a round every 15 minutes on one instance that
 * runs jobs (a singleton queue: one round at a time cluster-wide, no session lock, so it works
 * behind PgBouncer), and `digest_deliveries` remembers who was sent one, so nobody gets two. Recipients: people with a notification in the last 7 days not sent a
 * digest in the last 20 hours; an empty digest is not sent. A failed send is logged and retried at
 * the next check.
 */
@Injectable()
export class DigestMailer implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('digest');
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly digests: DigestService,
    private readonly identity: IdentityService,
    private readonly jobs: JobEngine,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  get enabled(): boolean {
    return !!this.config.mail.smtpUrl;
  }

  onModuleInit(): void {
    if (this.enabled) this.jobs.every('digest-mail', CHECK_CRON, () => this.runOnce());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  /** One round (also what tests call); resolves with how many digests were sent. */
  runOnce(): Promise<number> {
    if (!this.enabled || this.stopped) return Promise.resolve(0);
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<number> {
    try {
      return await this.sendDue();
    } catch (error) {
      this.logger.error({ msg: 'digest round failed', error: String(error) });
      return 0;
    }
  }

  private async sendDue(): Promise<number> {
    const due = await rows<{ user_id: string }>(
      this.dataSource.manager,
      `SELECT DISTINCT n.recipient_id AS user_id
         FROM notifications n
         LEFT JOIN digest_deliveries d ON d.user_id = n.recipient_id
        WHERE n.created_at > now() - make_interval(days => $1)
          AND (d.sent_at IS NULL OR d.sent_at < now() - make_interval(hours => $2))
        LIMIT $3`,
      [RECENT_DAYS, MIN_HOURS_BETWEEN, BATCH],
    );
    let sent = 0;
    for (const { user_id: userId } of due) {
      if (this.stopped) break;
      const now = new Date();
      const text = digestText(await this.digests.digest(userId, new Date(now.getTime() - 24 * 3600 * 1000), now), null);
      if (text) {
        const user = await this.identity.getUser(userId).catch(() => null);
        if (!user || user.status !== 'active') continue;
        try {
          await sendMail(this.config.mail.smtpUrl!, {
            from: this.config.mail.from,
            to: user.email,
            subject: 'Your day on Ruche',
            text,
          });
          sent++;
        } catch (error) {
          this.logger.warn({ msg: 'digest not sent', userId, error: String(error) });
          continue;
        }
      }
      // Empty digests count as done for the day too.
      await this.dataSource.query(
        `INSERT INTO digest_deliveries (user_id, sent_at) VALUES ($1, now())
         ON CONFLICT ON CONSTRAINT digest_deliveries_pkey DO UPDATE SET sent_at = now()`,
        [userId],
      );
    }
    return sent;
  }
}
