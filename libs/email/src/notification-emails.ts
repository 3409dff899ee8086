import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { NotificationSettingsService, NotificationsService } from '@ruche/notifications';
import { EventBus, type PublishedEvent, RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { Excerpts } from './excerpts.js';
import { appPathOf, replyThreadOf } from './links.js';
import { Mailer } from './mailer.js';
import { MailRecipients } from './recipients.js';
import { ReplyTokens } from './reply-tokens.js';
import { renderNotification } from './templates.js';
import { UnsubscribeLinks } from './unsubscribe-links.js';

/**
 * The notification kinds each person turned on for email, sent one by one as they happen.
 * Listens to `notification.created` on the job engine (off the request path: a failed send is
 * retried with back-off, then dead-lettered); for each new notification:
 * - asks notifications for it as its recipient may see it now (`forEmail`): gone, already read, or
 *   about content they can no longer see (a private group they left) → nothing is sent;
 * - asks notifications whether the recipient wants this kind by email;
 * - sends it once (`notification:<id>`: a grouped notification that grows is not re-sent), with the
 *   reply address of its thread and a one-click unsubscribe link for the kind.
 */
@Injectable()
export class NotificationEmails implements OnModuleInit {
  private readonly logger = new Logger('email');

  constructor(
    private readonly bus: EventBus,
    private readonly mailer: Mailer,
    private readonly notifications: NotificationsService,
    private readonly settings: NotificationSettingsService,
    private readonly recipients: MailRecipients,
    private readonly tokens: ReplyTokens,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly excerpts: Excerpts,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  onModuleInit(): void {
    if (!this.mailer.enabled) return;
    this.bus.subscribe('notification.created', (e) => this.handle(e).then(() => undefined), 'email.notification');
  }

  /** Resolves with what became of the email (tests call it to deliver an event again). */
  async handle(event: PublishedEvent<'notification.created'>): Promise<string> {
    const found = await this.notifications.forEmail(event.payload.notification.id);
    if (!found) return 'not visible';
    const { recipientId, notification } = found;
    if (!(await this.settings.wantsEmail(recipientId, notification.kind))) return 'not wanted';
    const recipient = await this.recipients.get(recipientId);
    if (!recipient) return 'no recipient';
    const outcome = await this.mailer.deliver(
      { dedupeKey: `notification:${notification.id}`, recipientId, address: recipient.email, kind: notification.kind },
      async () => {
        const thread = replyThreadOf(notification.subject, notification.context);
        const about = thread ? await this.excerpts.of(recipient, thread) : null;
        const replyTo = thread ? await this.tokens.issueAddress(recipientId, thread) : null;
        const unsubscribeUrl = this.unsubscribe.url(recipientId, notification.kind);
        const rendered = renderNotification({
          locale: recipient.locale,
          kind: notification.kind,
          actorName: notification.actor?.displayName ?? null,
          actorCount: notification.actorCount ?? 1,
          context: notification.context,
          excerpt: about ? (about.excerpt ?? about.title) : null,
          url: `${this.config.mail.appUrl}${appPathOf(notification.subject, notification.context)}`,
          replyTo,
          appUrl: this.config.mail.appUrl,
          unsubscribeUrl,
        });
        return { ...rendered, replyTo, unsubscribeUrl };
      },
    );
    if (outcome !== 'sent' && outcome !== 'duplicate') this.logger.log({ msg: 'notification email', outcome, recipientId, kind: notification.kind });
    return outcome;
  }
}
