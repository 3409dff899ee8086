import { Module } from '@nestjs/common';
import { ReplyTokens } from './reply-tokens.js';

/**
 * Email out (the bridge for people still living in their inbox): reply addresses, and the mail
 * Ruche sends. A top-layer adapter: it listens to events and asks the owning modules' exported
 * services; nothing imports it except the inbound side (`./inbound`), which resolves reply tokens.
 * Owns the email_reply_tokens table.
 */
@Module({
  providers: [ReplyTokens],
  exports: [ReplyTokens],
})
export class EmailModule {}
