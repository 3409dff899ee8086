import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { appPathOf, Excerpts, MailRecipients, notificationHeadline, replyThreadOf } from '@ruche/email';
import { NotificationSettingsService, NotificationsService } from '@ruche/notifications';
import { EventBus, type PublishedEvent } from '@ruche/platform';
import { type PushMessage, PushSender } from './push-sender.js';
import { PushSettingsService } from './push-settings.service.js';
import { isQuiet } from './quiet-hours.js';

/** Kinds that wait on the person now: pushed with high urgency (delivered even to a dozing phone). */
const URGENT = new Set(['mention', 'question.routed', 'answer', 'announcement']);

/**
 * The notification kinds each person turned on for push, sent to every browser they subscribed.
 * Listens to `notification.created` on the job engine (off the request path). For each one, as
 * email does: the notification as its recipient may see it now (gone, read, or about content they
 * can no longer see → nothing), a browser subscribed, their choice for the kind, an active account, and their quiet hours (in their time zone: nothing is
 * pushed then; the notification waits in the app). Each delivery's outcome is recorded: a browser
 * the push service no longer knows is removed. A failure is not retried (a late push is worse
 * than none: the app shows it anyway).
 *
 * Listening costs a job per notification, so this instance listens only once someone has a
 * browser subscribed: checked at start and every minute (another instance may have taken the first
 * subscription), and at once when this instance takes one.
 */
@Injectable()
export class NotificationPush implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('push');
  private listening = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly sender: PushSender,
    private readonly settings: PushSettingsService,
    private readonly notifications: NotificationsService,
    private readonly preferences: NotificationSettingsService,
    private readonly recipients: MailRecipients,
    private readonly excerpts: Excerpts,
  ) {}

  onModuleInit(): void {
    void this.listenWhenNeeded();
    this.timer = setInterval(() => void this.listenWhenNeeded(), 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Starts listening (once) to `notification.created`: a browser has been subscribed. */
  listen(): void {
    if (this.listening) return;
    this.listening = true;
    clearInterval(this.timer);
    this.bus.subscribe('notification.created', (e) => this.handle(e).then(() => undefined), 'push.notification');
  }

  private async listenWhenNeeded(): Promise<void> {
    if (this.listening) return;
    try {
      if (await this.settings.anySubscription()) this.listen();
    } catch (error) {
      this.logger.warn({ msg: 'push subscriptions not readable yet', error: (error as Error).message });
    }
  }

  /** Resolves with what became of it (tests). */
  async handle(event: PublishedEvent<'notification.created'>, now = new Date()): Promise<string> {
    // Most people subscribe no browser: one indexed read of the recipient (the event's audience,
    // `user:<id>`) settles it before anything else is asked.
    const addressee = event.audience?.find((room) => room.startsWith('user:'))?.slice('user:'.length);
    if (addressee && (await this.settings.subscriptionsOf(addressee)).length === 0) return 'no subscription';
    const found = await this.notifications.forEmail(event.payload.notification.id);
    if (!found) return 'not visible';
    const { recipientId, notification } = found;
    const subscriptions = await this.settings.subscriptionsOf(recipientId);
    if (subscriptions.length === 0) return 'no subscription';
    if (!(await this.preferences.wantsPush(recipientId, notification.kind))) return 'not wanted';
    const recipient = await this.recipients.get(recipientId);
    if (!recipient) return 'no recipient';
    if (isQuiet(await this.settings.quietHours(recipientId), now, recipient.timeZone)) return 'quiet hours';
    const thread = replyThreadOf(notification.subject, notification.context);
    const about = thread ? await this.excerpts.of(recipient, thread) : null;
    const message: PushMessage = {
      title: notificationHeadline({
        locale: recipient.locale,
        kind: notification.kind,
        actorName: notification.actor?.displayName ?? null,
        actorCount: notification.actorCount ?? 1,
        context: notification.context,
      }),
      body: about ? (about.excerpt ?? about.title) : '',
      url: appPathOf(notification.subject, notification.context),
      tag: notification.id,
    };
    const outcomes = await Promise.all(
      subscriptions.map(async (subscription) => {
        const outcome = await this.sender.send(subscription, message, {
          urgent: URGENT.has(notification.kind),
          topic: notification.id.replace(/-/g, ''),
        });
        await this.settings.recordOutcome(subscription.id, outcome);
        return outcome;
      }),
    );
    return outcomes.join(',');
  }

  /** "Send me a test notification": every browser of the caller's, whatever their quiet hours. */
  async test(userId: string): Promise<{ sent: number; gone: number; failed: number }> {
    const recipient = await this.recipients.get(userId);
    const subscriptions = await this.settings.subscriptionsOf(userId);
    const counts = { sent: 0, gone: 0, failed: 0 };
    const fr = recipient?.locale === 'fr';
    const message: PushMessage = {
      title: fr ? 'Les notifications de Ruche arrivent ici' : 'Ruche notifications arrive here',
      body: fr ? 'Vous recevrez ici ce que vous avez choisi.' : 'What you chose will be pushed here.',
      url: '/notifications',
      tag: 'push-test',
    };
    for (const subscription of subscriptions) {
      const outcome = await this.sender.send(subscription, message, { urgent: false });
      await this.settings.recordOutcome(subscription.id, outcome);
      counts[outcome] += 1;
    }
    return counts;
  }
}
