import { Module } from '@nestjs/common';
import { FeedModule } from '@ruche/feed';
import { GroupsModule } from '@ruche/groups';
import { IdeasModule } from '@ruche/ideas';
import { IdentityModule } from '@ruche/identity';
import { QuestionsModule } from '@ruche/questions';
import { EmailModule } from '../email.module.js';
import { UnsubscribeLinks } from '../unsubscribe-links.js';
import { InboundMailService } from './inbound-mail.service.js';
import { InboundSmtp } from './inbound-smtp.js';
import { SenderAuthentication } from './sender-authentication.js';

/**
 * Email in: the SMTP endpoint (SMTP_INBOUND_PORT; off without it) that turns replies to
 * notification emails into comments and answers, mail to a group's address into a post, and
 * bounces into suppressions. Writes through the owners' exported services (feed, questions,
 * ideas); owns email_inbound_messages.
 */
@Module({
  imports: [EmailModule, IdentityModule, GroupsModule, FeedModule, QuestionsModule, IdeasModule],
  providers: [InboundMailService, InboundSmtp, SenderAuthentication, UnsubscribeLinks],
  exports: [InboundSmtp, SenderAuthentication],
})
export class EmailInboundModule {}
