import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FeedModule } from '@ruche/feed';
import { IdeasModule } from '@ruche/ideas';
import { IdentityModule } from '@ruche/identity';
import { NotificationsModule } from '@ruche/notifications';
import { PeopleModule } from '@ruche/people';
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

/** Fastify's parser for HTML form posts, which a one-click unsubscribe (RFC 8058) is. */
interface FormParsingServer {
  hasContentTypeParser(type: string): boolean;
  addContentTypeParser(
    type: string,
    options: { parseAs: 'string'; bodyLimit: number },
    parse: (request: unknown, body: string, done: (error: Error | null, value?: unknown) => void) => void,
  ): void;
}

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

  onModuleInit(): void {
    const server = this.adapter.httpAdapter?.getInstance() as FormParsingServer | undefined;
    const type = 'application/x-www-form-urlencoded';
    if (!server || server.hasContentTypeParser(type)) return;
    server.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body))),
    );
  }
}
