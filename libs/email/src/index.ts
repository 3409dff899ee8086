export * from './email.module.js';
export { EmailInboundModule, InboundSmtp, SenderAuthentication, stripReply } from './inbound/index.js';
export { ReplyTokens, tokenOfAddress, type ReplyThread, type ResolvedReplyToken } from './reply-tokens.js';
export { SuppressionList, normaliseAddress, type SuppressionSource, type SuppressionView } from './suppression-list.js';
export { Mailer, type OutgoingMail } from './mailer.js';
export { DigestEmails } from './digest-emails.js';
export { NotificationEmails } from './notification-emails.js';
export { UnsubscribeLinks } from './unsubscribe-links.js';
// What a notification says outside the app, shared with the other channels (push).
export { Excerpts } from './excerpts.js';
export { appPathOf, replyThreadOf } from './links.js';
export { MailRecipients, type MailRecipient } from './recipients.js';
export { notificationHeadline, type MailLocale } from './templates.js';
