import { Injectable } from '@nestjs/common';
import { conflict, Database, isId, notFound, rows, SqlParams, type Tx } from '@ruche/platform';
import type { AccountStatus } from './user.entity.js';
import { IdentityService } from './identity.service.js';

/** An account as a provisioning client (SCIM) sees it. */
export interface ProvisionedAccount {
  id: string;
  email: string;
  displayName: string;
  externalId: string | null;
  status: AccountStatus;
  /** Deactivated (by the identity provider or an admin); a suspension is a separate fact. */
  deactivated: boolean;
  createdAt: Date;
}

/** How a provisioning client finds accounts: one exact match, or all. */
export type AccountMatch = { by: 'email' | 'externalId' | 'id'; value: string } | null;

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  external_id: string | null;
  status: AccountStatus;
  deactivated_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, email, display_name, external_id, status, deactivated_at, created_at';

const toAccount = (r: AccountRow): ProvisionedAccount => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  externalId: r.external_id,
  status: r.status,
  deactivated: r.deactivated_at !== null,
  createdAt: r.created_at,
});

/**
 * Accounts for an identity provider's provisioning (libs/scim): find, create, lock and update the
 * fields it owns (email, name, external id). Deactivation goes through AccountStatesService, so it
 * ends sessions like an admin's. Erased accounts are not there for it.
 */
@Injectable()
export class ProvisioningService {
  constructor(
    private readonly db: Database,
    private readonly identity: IdentityService,
  ) {}

  /** One page (offset, limit) of the accounts matching, oldest first, with the total. */
  async find(match: AccountMatch, offset: number, limit: number): Promise<{ total: number; items: ProvisionedAccount[] }> {
    const params = new SqlParams();
    const where = [`status <> 'erased'`];
    if (match?.by === 'email') where.push(`email = lower(${params.add(match.value)})`);
    if (match?.by === 'externalId') where.push(`external_id = ${params.add(match.value)}`);
    if (match?.by === 'id') {
      if (!isId(match.value)) return { total: 0, items: [] };
      where.push(`id = ${params.add(match.value.toLowerCase())}::uuid`);
    }
    const found = await rows<AccountRow & { total: string }>(
      this.db.manager,
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM users
        WHERE ${where.join(' AND ')}
        ORDER BY created_at, id
        OFFSET ${params.add(offset)} LIMIT ${params.add(limit)}`,
      params.values,
    );
    let total = Number(found[0]?.total ?? 0);
    // An empty page (past the end, or count=0) still says how many there are.
    if (found.length === 0 && (offset > 0 || limit === 0)) {
      const [count] = await rows<{ n: string }>(
        this.db.manager,
        `SELECT count(*) AS n FROM users WHERE ${where.join(' AND ')}`,
        params.values.slice(0, -2),
      );
      total = Number(count?.n ?? 0);
    }
    return { total, items: found.map(toAccount) };
  }

  async get(id: string): Promise<ProvisionedAccount | null> {
    if (!isId(id)) return null;
    const [found] = await rows<AccountRow>(this.db.manager, `SELECT ${COLUMNS} FROM users WHERE id = $1 AND status <> 'erased'`, [
      id.toLowerCase(),
    ]);
    return found ? toAccount(found) : null;
  }

  /** The accounts (any state but erased) with these emails (as stored: lower case) or these ids, in one query. */
  async many(by: 'email' | 'id', values: readonly string[]): Promise<ProvisionedAccount[]> {
    const unique = [...new Set(by === 'id' ? values.filter(isId).map((v) => v.toLowerCase()) : values)];
    if (unique.length === 0) return [];
    const found = await rows<AccountRow>(
      this.db.manager,
      by === 'id'
        ? `SELECT ${COLUMNS} FROM users WHERE id = ANY ($1::uuid[]) AND status <> 'erased'`
        : `SELECT ${COLUMNS} FROM users WHERE email = ANY ($1::text[]) AND status <> 'erased'`,
      [unique],
    );
    return found.map(toAccount);
  }

  /** The account, its row locked until the caller's transaction ends (concurrent updates queue). */
  async lock(tx: Tx, id: string): Promise<ProvisionedAccount> {
    const [found] = isId(id)
      ? await rows<AccountRow>(tx.manager, `SELECT ${COLUMNS} FROM users WHERE id = $1 AND status <> 'erased' FOR UPDATE`, [
          id.toLowerCase(),
        ])
      : [];
    if (!found) throw notFound('User');
    return toAccount(found);
  }

  /**
   * A new account without a password (it signs in through single sign-on), admitted whatever the
   * sign-up mode: the identity provider is the company's directory.
   */
  async create(
    tx: Tx,
    input: { email: string; displayName: string; externalId: string | null; profile?: { title?: string; department?: string } },
  ): Promise<ProvisionedAccount> {
    if (input.externalId !== null) await this.assertExternalIdFree(tx, input.externalId, null);
    const { user } = await this.identity.createAccount(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash: null,
      profile: input.profile,
    });
    if (input.externalId !== null)
      await tx.manager.query('UPDATE users SET external_id = $2 WHERE id = $1', [user.id, input.externalId]);
    return this.lock(tx, user.id);
  }

  /** Changes what the identity provider owns; a name change reaches every view (people read users.display_name). */
  async update(
    tx: Tx,
    id: string,
    change: { email: string; displayName: string; externalId: string | null },
  ): Promise<ProvisionedAccount> {
    const [taken] = await rows<{ id: string }>(tx.manager, 'SELECT id FROM users WHERE email = $1 AND id <> $2', [
      change.email,
      id,
    ]);
    if (taken) throw conflict('Another account has this email', 'email_taken');
    if (change.externalId !== null) await this.assertExternalIdFree(tx, change.externalId, id);
    await tx.manager.query('UPDATE users SET email = $2, display_name = $3, external_id = $4 WHERE id = $1', [
      id,
      change.email,
      change.displayName,
      change.externalId,
    ]);
    return this.lock(tx, id);
  }

  /** The company's first admin (the oldest active admin account): who owns what the directory creates, unless it says. */
  async firstAdminId(): Promise<string | null> {
    const [admin] = await rows<{ id: string }>(
      this.db.manager,
      `SELECT id FROM users WHERE 'admin' = ANY (roles) AND status = 'active' ORDER BY created_at, id LIMIT 1`,
    );
    return admin?.id ?? null;
  }

  /** Which of these ids are accounts (any state but erased). */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const found = await rows<{ id: string }>(this.db.manager, `SELECT id FROM users WHERE id = ANY ($1::uuid[]) AND status <> 'erased'`, [
      [...ids],
    ]);
    return new Set(found.map((r) => r.id));
  }

  private async assertExternalIdFree(tx: Tx, externalId: string, except: string | null): Promise<void> {
    const [taken] = await rows<{ id: string }>(
      tx.manager,
      'SELECT id FROM users WHERE external_id = $1 AND id IS DISTINCT FROM $2::uuid',
      [externalId, except],
    );
    if (taken) throw conflict('Another account has this externalId');
  }
}
