export { EmailInboundModule } from './inbound.module.js';
export { InboundSmtp } from './inbound-smtp.js';
export { SenderAuthentication } from './sender-authentication.js';
export { stripReply } from './reply-text.js';
