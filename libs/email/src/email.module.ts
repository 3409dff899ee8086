import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FeedModule } from '@ruche/feed';
import { IdeasModule } from '@ruche/ideas';
import { IdentityModule } from '@ruche/identity';
import { NotificationsModule } from '@ruche/notifications';
import { PeopleModule } from '@ruche/people';
import { addTextBodyParser, formFields } from '@ruche/platform';
import { QuestionsModule } from '@ruche/questions';
import { AccountEmails } from './account-emails.js';
import { DigestEmails } from './digest-emails.js';
import { EmailController } from './email.controller.js';
import { Excerpts } from './excerpts.js';
import { Mailer } from './mailer.js';
import { NotificationEmails } from './notification-emails.js';
import { MailRecipients } from './recipients.js';
import { ReplyTokens } from './reply-tokens.js';
import { SuppressionList } from './suppression-list.js';
import { UnsubscribeLinks } from './unsubscribe-links.js';
import { EmailPersonalData } from './email-personal-data.js';

/**
 * Email out (the bridge for people still living in their inbox), only with SMTP_URL set: the daily
 * digest, the notification kinds each person turned on for email, reply addresses, one-click
 * unsubscribe, and the suppression list. A top-layer adapter: it listens to notifications' events
 * and asks the owners' exported services (notifications, people, identity, feed, questions,
 * ideas); nothing imports it except the inbound side (`./inbound`), which resolves reply tokens and
 * reports bounces. Owns email_reply_tokens, email_messages and email_suppressions.
 */
@Module({
  imports: [IdentityModule, PeopleModule, FeedModule, QuestionsModule, IdeasModule, NotificationsModule],
  controllers: [EmailController],
  providers: [
    EmailPersonalData,
    ReplyTokens,
    SuppressionList,
    UnsubscribeLinks,
    Mailer,
    MailRecipients,
    Excerpts,
    NotificationEmails,
    DigestEmails,
    AccountEmails,
  ],
  exports: [ReplyTokens, SuppressionList, Mailer, MailRecipients, Excerpts],
})
export class EmailModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  /** HTML form posts: a one-click unsubscribe (RFC 8058) is one. */
  onModuleInit(): void {
    addTextBodyParser(this.adapter, 'application/x-www-form-urlencoded', 4096, formFields);
  }
}
