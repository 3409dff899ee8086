import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  Database,
  decodeTaggedCursor,
  encodeTaggedCursor,
  invalid,
  type Page,
  type PageQuery,
  rows,
  SqlParams,
} from '@ruche/platform';

const SUPPRESSION_SOURCES = ['bounce', 'send', 'admin'] as const;
export type SuppressionSource = (typeof SUPPRESSION_SOURCES)[number];

export class SuppressionView {
  @ApiProperty()
  address: string;
  @ApiProperty({ description: 'What the receiving server (or the admin) said' })
  reason: string;
  @ApiProperty({ enum: SUPPRESSION_SOURCES, description: 'A bounce received, a permanent refusal when sending, or an admin' })
  source: SuppressionSource;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

const CURSOR_TAG = 'suppressions';
const MAX_ADDRESS = 320;
const MAX_REASON = 500;

/** One mailbox, one spelling: trimmed, angle brackets off, lower case; null when it is not an address. */
export function normaliseAddress(raw: string): string | null {
  const address = raw
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  if (address.length > MAX_ADDRESS || !/^[^@\s]+@[^@\s]+$/.test(address)) return null;
  return address;
}

/**
 * Addresses Ruche no longer sends to: a bounce (the inbound endpoint reports DSNs here) or a
 * permanent refusal at send time. Every send asks first; admins list and lift entries.
 */
@Injectable()
export class SuppressionList {
  constructor(private readonly db: Database) {}

  /** Puts the address on the list (again: the newest reason wins). A non-address is a 400. */
  async add(address: string, reason: string, source: SuppressionSource = 'bounce'): Promise<void> {
    const normal = normaliseAddress(address);
    if (!normal) throw invalid('address must be an email address');
    await this.db.query(
      `INSERT INTO email_suppressions (address, reason, source) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT email_suppressions_pkey DO UPDATE SET reason = excluded.reason, source = excluded.source`,
      [normal, reason.slice(0, MAX_REASON) || source, source],
    );
  }

  async has(address: string): Promise<boolean> {
    const normal = normaliseAddress(address);
    if (!normal) return false;
    const found = await rows(this.db.manager, 'SELECT 1 FROM email_suppressions WHERE address = $1', [normal]);
    return found.length > 0;
  }

  /** Lifts an entry; true when there was one. */
  async remove(address: string): Promise<boolean> {
    const normal = normaliseAddress(address);
    if (!normal) throw invalid('address must be an email address');
    const gone = await rows(this.db.manager, 'DELETE FROM email_suppressions WHERE address = $1 RETURNING address', [normal]);
    return gone.length > 0;
  }

  /** Newest first, keyset-paged. */
  async list(page: PageQuery): Promise<Page<SuppressionView>> {
    const after = page.cursor
      ? decodeTaggedCursor(
          page.cursor,
          CURSOR_TAG,
          (k) => k.length === 2 && typeof k[0] === 'string' && !Number.isNaN(Date.parse(k[0])) && typeof k[1] === 'string',
        )
      : null;
    const params = new SqlParams();
    const where = after
      ? `WHERE (created_at, address) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::text)`
      : '';
    const found = await rows<{ address: string; reason: string; source: SuppressionSource; created_at: Date }>(
      this.db.manager,
      `SELECT address, reason, source, created_at FROM email_suppressions ${where}
        ORDER BY created_at DESC, address DESC LIMIT ${params.add(page.limit + 1)}`,
      params.values,
    );
    const more = found.length > page.limit;
    const shown = found.slice(0, page.limit);
    const last = shown[shown.length - 1];
    return {
      items: shown.map((r) => ({
        address: r.address,
        reason: r.reason,
        source: r.source,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor: more && last ? encodeTaggedCursor(CURSOR_TAG, [last.created_at.toISOString(), last.address]) : null,
    };
  }
}
