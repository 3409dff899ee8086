import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  AccountMailPort,
  conflict,
  Database,
  decodeCursor,
  notFound,
  type Page,
  type Role,
  rows,
  RUCHE_CONFIG,
  type RucheConfig,
  SqlParams,
  toPage,
  Transactions,
} from '@ruche/platform';
import { invitationTokenHash } from './signup-policy.js';
import type { CreatedInvitationView, InvitationStatus, InvitationView } from './views.js';

interface InvitationRow {
  id: string;
  email: string;
  roles: Role[];
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  redeemed_at: Date | null;
}

const statusOf = (row: InvitationRow, now = Date.now()): InvitationStatus =>
  row.redeemed_at ? 'redeemed' : row.revoked_at ? 'revoked' : row.expires_at.getTime() <= now ? 'expired' : 'pending';

const toView = (row: InvitationRow): InvitationView => ({
  id: row.id,
  email: row.email,
  roles: row.roles,
  status: statusOf(row),
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  redeemedAt: row.redeemed_at?.toISOString() ?? null,
});

const COLUMNS = 'id, email, roles, created_at, expires_at, revoked_at, redeemed_at';

/**
 * Admins invite people by email (#15): a link with a random token (32 bytes, only its SHA-256
 * stored) valid `RUCHE_INVITATION_TTL_DAYS`, redeemed once by registering with it (SignupPolicy).
 * A new invitation to an address with one pending replaces it. With SMTP configured the link is
 * also emailed (after commit, through platform's AccountMailPort); the answer carries it either way.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly mail: AccountMailPort,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  async create(actorId: string, email: string, roles: Role[] = []): Promise<CreatedInvitationView> {
    const token = randomBytes(32).toString('base64url');
    const row = await this.transactions.run(async (tx) => {
      const [taken] = await rows<{ id: string }>(tx.manager, 'SELECT id FROM users WHERE email = $1', [email]);
      if (taken) throw conflict('An account with this email already exists', 'email_taken');
      await tx.manager.query(
        'UPDATE invitations SET revoked_at = now() WHERE email = $1 AND revoked_at IS NULL AND redeemed_at IS NULL',
        [email],
      );
      const [created] = await rows<InvitationRow>(
        tx.manager,
        `INSERT INTO invitations (email, roles, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))
         RETURNING ${COLUMNS}`,
        [
          email,
          [...new Set<Role>(['employee', ...roles])],
          invitationTokenHash(token),
          actorId,
          this.config.signIn.invitationTtlDays,
        ],
      );
      return created;
    });
    const link = `${this.config.mail.appUrl}/register?invitation=${encodeURIComponent(token)}&email=${encodeURIComponent(email)}`;
    this.mail.sendLater({ kind: 'invitation', to: email, displayName: null, link, expiresAt: row.expires_at });
    return { ...toView(row), link, emailed: this.mail.available };
  }

  /** Every invitation, newest first (pending, redeemed, revoked and expired alike). */
  async list(limit: number, cursor?: string): Promise<Page<InvitationView>> {
    const params = new SqlParams();
    const after = cursor ? decodeCursor(cursor) : null;
    const where = after ? `WHERE (created_at, id) < (${params.add(after[0])}, ${params.add(after[1])}::uuid)` : '';
    const found = await rows<InvitationRow>(
      this.db.manager,
      `SELECT ${COLUMNS} FROM invitations ${where} ORDER BY created_at DESC, id DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return toPage(found, limit, (r) => [r.created_at, r.id], toView);
  }

  /** Revokes a pending invitation; an invitation already used cannot be (409). Revoking twice is a no-op. */
  async revoke(id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const [row] = await rows<InvitationRow>(tx.manager, `SELECT ${COLUMNS} FROM invitations WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw notFound('Invitation');
      if (row.redeemed_at) throw conflict('This invitation was already used');
      if (!row.revoked_at) await tx.manager.query('UPDATE invitations SET revoked_at = now() WHERE id = $1', [id]);
    });
  }
}
