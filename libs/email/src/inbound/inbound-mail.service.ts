import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { COMMENT_MAX_LENGTH, CommentsService, FeedVisibility, POST_MAX_LENGTH, PostsService } from '@ruche/feed';
import { GroupsService } from '@ruche/groups';
import { IDEA_LIMITS, IdeaCommentsService, IdeasVisibility } from '@ruche/ideas';
import { IdentityService } from '@ruche/identity';
import { AnswersService, QUESTION_LIMITS, QuestionsVisibility } from '@ruche/questions';
import { type AuthUser, DomainError, ErrorCode, rows, RUCHE_CONFIG, type RucheConfig, Transactions } from '@ruche/platform';
import { Mailer } from '../mailer.js';
import { type ReplyThread, ReplyTokens } from '../reply-tokens.js';
import { SuppressionList } from '../suppression-list.js';
import { UnsubscribeLinks } from '../unsubscribe-links.js';
import { isAutoReply } from './auto-reply.js';
import { deliveryFailures } from './delivery-status.js';
import { stripReply } from './reply-text.js';
import { type ConnectionFacts, SenderAuthentication } from './sender-authentication.js';
import { rejection, SmtpRejection } from './smtp-rejection.js';

/** What a recipient address stands for, decided at RCPT TO. */
export type InboundTarget =
  | { kind: 'reply'; address: string; user: AuthUser; thread: ReplyThread }
  | { kind: 'group'; address: string; groupId: string }
  | { kind: 'bounce'; address: string };

type Kind = 'reply' | 'group' | 'other';

/** What became of an accepted message: the SMTP server's 250 text. */
export interface InboundOutcome {
  outcome: 'accepted' | 'ignored';
  note: string;
}

type Written = 'comment' | 'answer' | 'idea_comment' | 'post';

/** Characters that cannot be stored or shown (NUL, other C0 controls but tab and newline, lone surrogates). */
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Email in: what each message to a Ruche address becomes.
 *
 * - `reply+<token>@<domain>` (a reply to a notification or digest email): a comment on the post,
 *   an answer to the question or a comment on the idea, written as the token's person through the
 *   owners' exported services, which check the thread's visibility and the person's rights again
 *   inside the writing transaction (left the private group, banned, suspended: refused). A digest's
 *   own address gets an automatic answer explaining how to reply to an item, and writes nothing.
 * - `<group-handle>@<domain>` from a member's address on record: a post in that group.
 * - the bounce address (`bounces@<domain>`, or SMTP_FROM's when it is in the inbound domain): a
 *   delivery status notification puts the failed addresses on the suppression list.
 *
 * Refusals are SMTP answers ({@link SmtpRejection}) given at RCPT TO (unknown or expired token,
 * unknown group, a person who may no longer post there) or after DATA (From not the address on
 * record, DMARC failure, nothing left to post); each is logged and writes nothing but its
 * `email.received` event. Auto-replies are accepted and ignored (a refusal would make the
 * responder's server bounce back to us). The same Message-ID to the same address writes once:
 * `email_inbound_messages` has a row per (Message-ID, address), inserted in the transaction that
 * writes the comment, answer or post.
 */
@Injectable()
export class InboundMailService {
  private readonly logger = new Logger('email-in');

  constructor(
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
    private readonly transactions: Transactions,
    private readonly tokens: ReplyTokens,
    private readonly suppressions: SuppressionList,
    private readonly mailer: Mailer,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly identity: IdentityService,
    private readonly groups: GroupsService,
    private readonly feedVisibility: FeedVisibility,
    private readonly comments: CommentsService,
    private readonly posts: PostsService,
    private readonly questionsVisibility: QuestionsVisibility,
    private readonly answers: AnswersService,
    private readonly ideasVisibility: IdeasVisibility,
    private readonly ideaComments: IdeaCommentsService,
    private readonly senders: SenderAuthentication,
  ) {}

  /** The local parts that receive bounces: `bounces`, and SMTP_FROM's when it is in the inbound domain. */
  private bounceLocals(): Set<string> {
    const locals = new Set(['bounces']);
    const from = /<?([^<>\s@]+)@([^<>\s@]+)>?\s*$/.exec(this.config.mail.from);
    if (from && from[2]!.toLowerCase() === this.config.mail.inboundDomain) locals.add(from[1]!.toLowerCase());
    return locals;
  }

  /** RCPT TO: what the address stands for, or a rejection (logged, and counted as a refused message). */
  async recipient(address: string, facts: ConnectionFacts): Promise<InboundTarget> {
    const at = address.lastIndexOf('@');
    const local = address.slice(0, at).toLowerCase();
    const domain = address.slice(at + 1).toLowerCase();
    const kind: Kind = local.startsWith('reply+') ? 'reply' : 'other';
    try {
      if (at <= 0 || domain !== this.config.mail.inboundDomain) throw rejection.notOurs();
      if (kind === 'reply') return await this.replyTarget(address);
      if (this.bounceLocals().has(local)) return { kind: 'bounce', address };
      const groupId = await this.groups.idByHandle(local);
      if (!groupId) throw rejection.unknownRecipient();
      return { kind: 'group', address, groupId };
    } catch (error) {
      if (error instanceof SmtpRejection) await this.refused(error, kind === 'reply' ? 'reply' : 'other', null, address, facts);
      throw error;
    }
  }

  private async replyTarget(address: string): Promise<InboundTarget> {
    const token = this.tokens.tokenOf(address);
    const resolved = token ? await this.tokens.resolve(token) : null;
    if (!resolved) throw rejection.unknownToken();
    const user = await this.identity.authenticate(resolved.userId);
    if (!user) throw withSender(rejection.inactiveAccount(), resolved.userId);
    try {
      await this.assertMayReply(user, resolved.thread);
    } catch (error) {
      if (error instanceof DomainError) throw withSender(rejection.noLongerAllowed(), user.id);
      throw error;
    }
    return { kind: 'reply', address, user, thread: resolved.thread };
  }

  /** The thread is still visible to the person (the writing services check again, and more). */
  private async assertMayReply(user: AuthUser, thread: ReplyThread): Promise<void> {
    switch (thread.type) {
      case 'post':
        await this.feedVisibility.visiblePost(user, thread.id);
        return;
      case 'question':
        await this.questionsVisibility.question(user, thread.id);
        return;
      case 'idea':
        await this.ideasVisibility.visibleIdea(user, thread.id);
        return;
      case 'digest':
        return;
    }
  }

  /** DATA: the message, parsed and acted on. Throws a {@link SmtpRejection} to refuse it. */
  async receive(raw: Buffer, target: InboundTarget, facts: ConnectionFacts): Promise<InboundOutcome> {
    const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 2 * 1024 * 1024 });
    if (target.kind === 'bounce') return this.bounce(mail, target);
    const kind: Kind = target.kind;
    let senderId: string | null = target.kind === 'reply' ? target.user.id : null;
    try {
      const auto = isAutoReply((name) => headerText(mail, name), mail.subject);
      if (auto) {
        this.logger.log({
          msg: 'inbound mail ignored: auto-reply',
          signal: auto,
          kind,
          senderId,
          recipient: redact(target.address),
        });
        await this.record(kind, senderId, 'ignored');
        return { outcome: 'ignored', note: 'auto-reply ignored' };
      }
      const from = singleFrom(mail.from);
      let author: AuthUser;
      if (target.kind === 'reply') {
        const onRecord = (await this.identity.getUser(target.user.id)).email;
        if (from !== onRecord.toLowerCase()) throw rejection.senderMismatch();
        author = target.user;
      } else {
        const id = from ? await this.identity.activeIdByEmail(from) : null;
        const user = id ? await this.identity.authenticate(id) : null;
        if (!user) throw rejection.unknownSender();
        senderId = user.id;
        if ((await this.groups.membersAmong(target.groupId, [user.id])).size === 0) throw rejection.notMember();
        author = user;
      }
      const verdict = await this.senders.check(raw, facts, this.config.mail.inboundDomain);
      if (verdict.dmarc === 'fail') throw rejection.dmarc();
      if (target.kind === 'reply' && target.thread.type === 'digest')
        return await this.answerDigestReply(mail, target.user, from!);
      const body = this.bodyOf(mail, target);
      const messageId = messageIdOf(mail, raw);
      const written = await this.write(messageId, target, author, body);
      if (!written) {
        this.logger.log({ msg: 'inbound mail ignored: already received', kind, senderId, messageId });
        await this.record(kind, senderId, 'ignored');
        return { outcome: 'ignored', note: 'already received' };
      }
      this.logger.log({ msg: 'inbound mail accepted', kind, senderId, wrote: written, recipient: redact(target.address) });
      return {
        outcome: 'accepted',
        note: `posted as ${written === 'post' ? 'a post' : written === 'answer' ? 'an answer' : 'a comment'}`,
      };
    } catch (error) {
      const refusal = error instanceof SmtpRejection ? error : this.fromDomainError(error);
      if (!refusal) throw error;
      await this.refused(refusal, kind, senderId, target.address, facts);
      throw refusal;
    }
  }

  /** What the person wrote, without quotes and signature, with the attachments listed as dropped. */
  private bodyOf(mail: ParsedMail, target: Exclude<InboundTarget, { kind: 'bounce' }>): string {
    const text = stripReply(mail.text ?? '').replace(UNSTORABLE, '');
    const dropped = (mail.attachments ?? []).filter((a) => a.contentDisposition !== 'inline' || a.filename);
    const note = dropped.length
      ? `\n\n[${dropped.length === 1 ? 'Attachment' : 'Attachments'} not kept (files sent by email are not stored yet): ${dropped
          .map((a) => `${(a.filename ?? 'unnamed').replace(UNSTORABLE, '').slice(0, 120)} (${formatSize(a.size)})`)
          .join(', ')}]`
      : '';
    if (!text && !note) throw rejection.empty();
    const body = (text + note).trim();
    const max =
      target.kind === 'group'
        ? POST_MAX_LENGTH
        : target.thread.type === 'question'
          ? QUESTION_LIMITS.answer
          : target.thread.type === 'idea'
            ? IDEA_LIMITS.comment
            : COMMENT_MAX_LENGTH;
    if (body.length > max) throw rejection.tooLong(max);
    return body;
  }

  /**
   * One transaction: the (Message-ID, address) row, the comment, answer or post (the owner's
   * service joins this transaction and re-checks visibility, membership and bans under its locks),
   * and `email.received`. Null when that message was already received at that address.
   */
  private async write(
    messageId: string,
    target: Exclude<InboundTarget, { kind: 'bounce' }>,
    author: AuthUser,
    body: string,
  ): Promise<Written | null> {
    return this.transactions.run(async (tx) => {
      const claimed = await rows<{ message_id: string }>(
        tx.manager,
        `INSERT INTO email_inbound_messages (message_id, recipient, sender_id, outcome)
         VALUES ($1, $2, $3, 'post') ON CONFLICT ON CONSTRAINT email_inbound_messages_pkey DO NOTHING
         RETURNING message_id`,
        [messageId, target.address.toLowerCase(), author.id],
      );
      if (claimed.length === 0) return null;
      let written: Written;
      let subject: { type: string; id: string };
      if (target.kind === 'group') {
        const post = await this.posts.create(author, { body, groupId: target.groupId });
        [written, subject] = ['post', { type: 'post', id: post.id }];
      } else {
        const thread = target.thread;
        switch (thread.type) {
          case 'post': {
            const comment = await this.comments.add(author, thread.id, body);
            [written, subject] = ['comment', { type: 'comment', id: comment.id }];
            break;
          }
          case 'question': {
            const answer = await this.answers.answer(author, thread.id, body);
            [written, subject] = ['answer', { type: 'answer', id: answer.id }];
            break;
          }
          case 'idea': {
            const comment = await this.ideaComments.add(author, thread.id, body);
            [written, subject] = ['idea_comment', { type: 'idea_comment', id: comment.id }];
            break;
          }
          case 'digest':
            throw new Error('a digest reply writes nothing');
        }
      }
      await tx.manager.query(
        `UPDATE email_inbound_messages SET outcome = $3, subject_type = $4, subject_id = $5 WHERE message_id = $1 AND recipient = $2`,
        [messageId, target.address.toLowerCase(), written, subject.type, subject.id],
      );
      await tx.emit({
        type: 'email.received',
        payload: { senderId: author.id, kind: target.kind, outcome: 'accepted' },
        audience: [],
        actorId: author.id,
      });
      return written;
    });
  }

  /** A reply to the digest's own address: an automatic answer (when email out is on), nothing written. */
  private async answerDigestReply(mail: ParsedMail, user: AuthUser, address: string): Promise<InboundOutcome> {
    const messageId = messageIdOf(mail, Buffer.from(mail.text ?? ''));
    const subject = `Re: ${(mail.subject ?? 'your digest').slice(0, 150)}`;
    const text = [
      `Hello ${user.displayName},`,
      '',
      'Your reply to the digest was not posted: the digest gathers many conversations, so Ruche cannot tell which one you meant.',
      'To answer one of them by email, reply to that item’s own notification email, or use the reply link under the item in the digest.',
      `You can also open it in Ruche: ${this.config.mail.appUrl}`,
      '',
      '—',
      '',
      `Bonjour ${user.displayName},`,
      '',
      'Votre réponse au résumé n’a pas été publiée : le résumé regroupe plusieurs conversations et Ruche ne peut pas savoir laquelle vous visiez.',
      'Pour répondre par email à l’une d’elles, répondez à l’email de notification de cet élément, ou utilisez le lien de réponse sous l’élément dans le résumé.',
    ].join('\n');
    const outcome = await this.mailer
      .deliver({ dedupeKey: `digest-reply:${messageId}`, recipientId: user.id, address, kind: 'digest-reply' }, () =>
        Promise.resolve({
          subject,
          text,
          html: `<pre style="font-family: inherit; white-space: pre-wrap">${escapeHtml(text)}</pre>`,
          replyTo: null,
          unsubscribeUrl: this.unsubscribe.url(user.id, 'digest'),
        }),
      )
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'digest reply: automatic answer not sent', error: (error as Error).message });
        return 'failed' as const;
      });
    this.logger.log({ msg: 'inbound mail ignored: reply to a digest', senderId: user.id, answer: outcome });
    await this.record('reply', user.id, 'ignored');
    return { outcome: 'ignored', note: 'replies to the digest are not posted; an explanation was sent' };
  }

  /** A delivery status notification: each recipient that failed for good joins the suppression list. */
  private async bounce(mail: ParsedMail, target: InboundTarget): Promise<InboundOutcome> {
    // mailparser folds a `message/delivery-status` part into the text; a global one stays an attachment.
    const report = (mail.attachments ?? []).find((a) => /^message\/(global-)?delivery-status$/i.test(a.contentType));
    const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
    const isReport =
      type?.value?.toLowerCase() === 'multipart/report' && /delivery-status/i.test(type.params?.['report-type'] ?? '');
    const source = report ? report.content.toString('utf8') : isReport ? (mail.text ?? '') : '';
    const failures = deliveryFailures(source);
    for (const failure of failures) await this.suppressions.add(failure.address, failure.reason, 'bounce');
    this.logger.log({ msg: 'inbound bounce', suppressed: failures.length, recipient: target.address });
    await this.record('other', null, failures.length ? 'accepted' : 'ignored');
    return failures.length
      ? { outcome: 'accepted', note: `${failures.length} address(es) suppressed` }
      : { outcome: 'ignored', note: 'no permanent failure reported' };
  }

  /** A refusal from an owner's service, inside the writing transaction (rolled back). */
  private fromDomainError(error: unknown): SmtpRejection | null {
    if (!(error instanceof DomainError)) return null;
    switch (error.code) {
      case ErrorCode.NotFound:
        return rejection.noLongerAllowed();
      case ErrorCode.Forbidden:
      case ErrorCode.Conflict:
      case ErrorCode.Unauthenticated:
        return new SmtpRejection(550, `5.7.1 ${error.message}`, `refused_${error.code}`);
      case ErrorCode.Invalid:
        return new SmtpRejection(550, `5.6.0 ${error.message}`, 'invalid');
      case ErrorCode.RateLimited:
        return rejection.senderFlood();
    }
  }

  private async refused(
    refusal: SmtpRejection,
    kind: Kind,
    senderId: string | null,
    address: string,
    facts: ConnectionFacts,
  ): Promise<void> {
    const sender = (refusal as SmtpRejection & { senderId?: string }).senderId ?? senderId;
    this.logger.warn({
      msg: 'inbound mail rejected',
      reason: refusal.reason,
      code: refusal.responseCode,
      kind,
      senderId: sender,
      recipient: redact(address),
      mailFrom: facts.mailFrom,
      ip: facts.ip,
    });
    // Temporary refusals (floods, outages) are not a message Ruche judged: not counted.
    if (refusal.responseCode >= 500) await this.record(kind, sender, 'rejected');
  }

  /** `email.received` for a message that wrote nothing (its own small transaction). */
  async record(kind: Kind, senderId: string | null, outcome: 'accepted' | 'rejected' | 'ignored'): Promise<void> {
    await this.transactions.run((tx) =>
      tx.emit({ type: 'email.received', payload: { senderId, kind, outcome }, audience: [], actorId: senderId }),
    );
  }
}

function withSender(refusal: SmtpRejection, senderId: string): SmtpRejection {
  return Object.assign(refusal, { senderId });
}

/** A header's text value (lower-case name), for the auto-reply check. */
function headerText(mail: ParsedMail, name: string): string | undefined {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in value && typeof value.value === 'string') return value.value;
  return String(value as unknown as string);
}

/** The one From address, lower case; null when there is none or more than one. */
function singleFrom(from: AddressObject | undefined): string | null {
  const addresses = from?.value.filter((a) => a.address) ?? [];
  return addresses.length === 1 ? addresses[0]!.address!.trim().toLowerCase() : null;
}

/** The Message-ID, or (none given) a digest of the message, so a redelivery is still recognised. */
function messageIdOf(mail: ParsedMail, raw: Buffer): string {
  const given = mail.messageId?.trim().replace(/^<|>$/g, '');
  if (given) return given.slice(0, 998);
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

/** A reply address without its token (a secret that would let anyone post as its person). */
function redact(address: string): string {
  return address.replace(/^reply\+[^@]*/i, 'reply+…');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
