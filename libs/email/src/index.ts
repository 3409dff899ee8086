export * from './email.module.js';
export { ReplyTokens, tokenOfAddress, type ReplyThread, type ResolvedReplyToken } from './reply-tokens.js';
