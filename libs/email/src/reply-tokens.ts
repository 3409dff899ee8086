import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Database, rows, RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';

/** The thread a reply address answers into: a post, question or idea, or the digest itself. */
export type ReplyThread = { type: 'post' | 'question' | 'idea'; id: string } | { type: 'digest'; id: null };

export interface ResolvedReplyToken {
  userId: string;
  thread: ReplyThread;
}

const TOKEN_BYTES = 32;
/** RFC 4648 base32, lower case: 32 bytes → 52 characters, so `reply+<token>` fits a 64-octet local part. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const TOKEN_LENGTH = Math.ceil((TOKEN_BYTES * 8) / 5);
const TOKEN_PATTERN = new RegExp(`^[a-z2-7]{${TOKEN_LENGTH}}$`);
const ADDRESS_PATTERN = /^reply\+([^@\s]+)@([^@\s]+)$/i;

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The bytes of a token as written in an address (any case), or null when it is not one. */
export function tokenBytes(token: string): Buffer | null {
  const text = token.toLowerCase();
  if (!TOKEN_PATTERN.test(text)) return null;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    buffer = (buffer << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  // The last character's spare bits must be zero: one spelling per token.
  if (buffer !== 0 || out.length !== TOKEN_BYTES) return null;
  return Buffer.from(out);
}

function hashOf(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** The token of a `reply+<token>@<domain>` address (domain not checked), or null. */
export function tokenOfAddress(address: string): string | null {
  const match = ADDRESS_PATTERN.exec(address.trim().replace(/^<|>$/g, ''));
  if (!match) return null;
  const token = match[1]!.toLowerCase();
  return tokenBytes(token) ? token : null;
}

/**
 * Per-person, per-thread reply addresses for outgoing email (`reply+<token>@<SMTP_INBOUND_DOMAIN>`).
 * A token is 32 random bytes written in base32; only their SHA-256 is stored
 * (`email_reply_tokens`), with the person, the thread, an expiry and a revocation time. `resolve`
 * answers null for anything that is not a live token (malformed, unknown, expired, revoked): the
 * inbound side rejects all of these the same way. Whether the person may still write into the
 * thread is not decided here: the inbound side checks it again when the reply arrives.
 */
@Injectable()
export class ReplyTokens {
  constructor(
    private readonly db: Database,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  /** A new token for `userId` in `thread`, valid `ttlDays` (default `EMAIL_REPLY_TOKEN_TTL_DAYS`). */
  async issue(userId: string, thread: ReplyThread, ttlDays = this.config.mail.replyTokenTtlDays): Promise<string> {
    if (!(ttlDays > 0)) throw new RangeError('ttlDays must be positive');
    if ((thread.type === 'digest') !== (thread.id === null)) throw new RangeError('only a digest thread has no id');
    const bytes = randomBytes(TOKEN_BYTES);
    await this.db.query(
      `INSERT INTO email_reply_tokens (token_hash, user_id, thread_type, thread_id, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [hashOf(bytes), userId, thread.type, thread.id, Math.round(ttlDays * 86_400)],
    );
    return base32Encode(bytes);
  }

  /** `reply+<token>@<SMTP_INBOUND_DOMAIN>`. */
  address(token: string): string {
    return `reply+${token}@${this.config.mail.inboundDomain}`;
  }

  /** A new token's address (see {@link issue}). */
  async issueAddress(userId: string, thread: ReplyThread, ttlDays?: number): Promise<string> {
    return this.address(await this.issue(userId, thread, ttlDays));
  }

  /** Whom and which thread a live token stands for; null when unknown, malformed, expired or revoked. */
  async resolve(token: string): Promise<ResolvedReplyToken | null> {
    const bytes = tokenBytes(token);
    if (!bytes) return null;
    const [found] = await rows<{ user_id: string; thread_type: ReplyThread['type']; thread_id: string | null }>(
      this.db.manager,
      `SELECT user_id, thread_type, thread_id FROM email_reply_tokens
        WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [hashOf(bytes)],
    );
    if (!found) return null;
    const thread: ReplyThread =
      found.thread_type === 'digest' ? { type: 'digest', id: null } : { type: found.thread_type, id: found.thread_id! };
    return { userId: found.user_id, thread };
  }

  /** The token of a reply address whose domain is `SMTP_INBOUND_DOMAIN`, or null. */
  tokenOf(address: string): string | null {
    const token = tokenOfAddress(address);
    const domain = address.trim().replace(/>$/, '').split('@').pop()?.toLowerCase();
    return token && domain === this.config.mail.inboundDomain ? token : null;
  }

  /** Ends one token; true when it was live. */
  async revoke(token: string): Promise<boolean> {
    const bytes = tokenBytes(token);
    if (!bytes) return false;
    const done = await rows<{ token_hash: Buffer }>(
      this.db.manager,
      `UPDATE email_reply_tokens SET revoked_at = now()
        WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
        RETURNING token_hash`,
      [hashOf(bytes)],
    );
    return done.length > 0;
  }

  /** Ends every live token of a person, or only those for one thread; resolves with how many. */
  async revokeFor(userId: string, thread?: ReplyThread): Promise<number> {
    const done = await rows<{ token_hash: Buffer }>(
      this.db.manager,
      `UPDATE email_reply_tokens SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
          AND ($2::text IS NULL OR (thread_type = $2 AND thread_id IS NOT DISTINCT FROM $3::uuid))
        RETURNING token_hash`,
      [userId, thread?.type ?? null, thread?.id ?? null],
    );
    return done.length;
  }
}
