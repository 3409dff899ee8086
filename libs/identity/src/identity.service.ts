import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { In, type Repository } from 'typeorm';
import {
  aboutAccount,
  type AuthUser,
  conflict,
  type CursorKey,
  Database,
  DomainError,
  ErrorCode,
  lockKey,
  notFound,
  type Page,
  type RevisionRow,
  type Role,
  RUCHE_CONFIG,
  type RucheConfig,
  rows,
  SqlParams,
  SubjectVisibility,
  toPresentPage,
  Transactions,
  type Tx,
  unauthenticated,
  type VisibilityCheck,
} from '@ruche/platform';
import type { RevisionView } from '@ruche/contracts';
import type { SessionView, UserSummary, UserView } from './dto.js';
import { handleFromEmail, withSuffix } from './handle.js';
import { hashRefreshToken, judgeRefresh, newRefreshToken } from './refresh-rotation.js';
import { assertAcceptablePassword } from './password-policy.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SignupPolicy } from './signup-policy.js';
import { EmailVerificationService } from './email-verification.service.js';
import { accessClaims, endSessions, recordSession } from './sessions-sql.js';
import { UserEntity } from './user.entity.js';
import { avatarUrl, type SummaryRow, summaryColumns, summaryFromRow, summaryIn } from './user-summary.js';

/** Word similarity from which a name matches a search term: "smiht" finds "Smith" (0.5), "jon" finds "John". */
export const NAME_MATCH_THRESHOLD = 0.45;

/** argon2id (the library default, spelled out because it is the point). */
const ARGON2ID = 2;
/** Verified against when the email is unknown, so a miss costs as much time as a wrong password. */
const DUMMY_HASH = hash('not-a-real-password', { algorithm: ARGON2ID });

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    handle: user.handle,
    displayName: user.displayName,
    roles: user.roles,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    emailVerified: user.emailVerifiedAt !== null,
    mustChangePassword: user.mustChangePassword,
    ...(user.avatarFileId && user.status === 'active' ? { avatarUrl: avatarUrl(user.id, user.avatarFileId) } : {}),
  };
}

export const toSummary = (
  u: Pick<UserEntity, 'id' | 'handle' | 'displayName'> & { avatarFileId?: string | null },
): UserSummary => ({
  id: u.id,
  handle: u.handle,
  displayName: u.displayName,
  ...(u.avatarFileId ? { avatarUrl: avatarUrl(u.id, u.avatarFileId) } : {}),
});


@Injectable()
export class IdentityService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly jwt: JwtService,
    private readonly transactions: Transactions,
    private readonly visibility: SubjectVisibility,
    private readonly signup: SignupPolicy,
    private readonly verification: EmailVerificationService,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  // Repositories through the open unit of work, if any (never a second pooled connection).
  private get users(): Repository<UserEntity> {
    return this.db.manager.getRepository(UserEntity);
  }

  onModuleInit(): void {
    // Every employee may see every colleague's account, as long as it exists.
    this.visibility.register('user', async (_viewerId, ids) => {
      const rows = await this.users.find({ where: { id: In(ids) }, select: { id: true } });
      return new Set(rows.map((u) => u.id));
    });
  }

  /**
   * Self-registration with a password: refused when passwords are off (`AUTH_PASSWORD=off`), and
   * admitted by the sign-up mode (open, company domains, or an invitation redeemed in this
   * transaction; see SignupPolicy). The password must not be on the breached list.
   */
  async register(input: {
    email: string;
    password: string;
    displayName: string;
    invitationToken?: string;
  }): Promise<SessionView> {
    this.signup.assertPasswordsOn();
    assertAcceptablePassword(input.password, input.email);
    const passwordHash = await hash(input.password, { algorithm: ARGON2ID });
    // An invitation vouches for the address (#15 Decision): only plain self-registration verifies it.
    const unverified = this.verification.applies && input.invitationToken === undefined;
    const { session, issued } = await this.transactions.run(async (tx) => {
      const { user } = await this.createAccount(tx, {
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        unverified,
        admit: (first) => this.signup.admit(tx, input.email, first, input.invitationToken),
      });
      const issued = unverified ? await this.verification.issue(tx, user.id) : null;
      return { session: await this.openSession(tx, user, randomUUID()), issued };
    });
    // After commit: a rolled-back sign-up sends nothing.
    if (issued) this.verification.send(input.email, input.displayName, issued);
    return session;
  }

  /**
   * Creates an account in the caller's transaction: the email must be free, the first account
   * becomes admin, the handle is derived from the email. `admit` decides whether this sign-up may
   * happen (it throws if not) and may add roles and note who was created. `profile` (single sign-on's
   * department and title) goes with `user.registered` to the people module, in this transaction.
   */
  async createAccount(
    tx: Tx,
    input: {
      email: string;
      displayName: string;
      passwordHash: string | null;
      /** Self-registration with SMTP configured (#15): the address waits for its verification link. */
      unverified?: boolean;
      admit?: (first: boolean) => Promise<{ roles: Role[]; created?: (userId: string) => Promise<void> }>;
      profile?: { title?: string; department?: string };
    },
  ): Promise<{ user: UserEntity; first: boolean }> {
    // Serialises sign-ups so exactly one account can be the first (and become admin).
    await lockKey(tx.manager, 'ruche.register');
    const repo = tx.manager.getRepository(UserEntity);
    if (await repo.exists({ where: { email: input.email } }))
      throw conflict('An account with this email already exists', 'email_taken');
    const first = !(await repo.exists({}));
    const admitted = input.admit ? await input.admit(first) : { roles: [] };
    const user = await repo.save(
      repo.create({
        email: input.email,
        handle: await this.uniqueHandle(tx, handleFromEmail(input.email)),
        displayName: input.displayName,
        passwordHash: input.passwordHash,
        emailVerifiedAt: input.unverified ? null : new Date(),
        mustChangePassword: false,
        roles: [...new Set<Role>(['employee', ...(first ? (['admin'] as const) : []), ...admitted.roles])],
      }),
    );
    await admitted.created?.(user.id);
    await tx.emit({
      type: 'user.registered',
      payload: { user: toSummary(user), ...(input.profile ? { profile: input.profile } : {}) },
      audience: [],
      actorId: user.id,
    });
    return { user, first };
  }

  async login(email: string, password: string): Promise<SessionView> {
    return this.signIn(await this.checkPassword(email, password));
  }

  /**
   * The first step of a password login: the active account behind this email and password, or 401.
   * The caller either opens a session ({@link signIn}) or, with two-factor on, asks for a code.
   */
  async checkPassword(email: string, password: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { email } });
    const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password).catch(() => false);
    if (!user || !ok) throw unauthenticated('Wrong email or password', 'wrong_credentials');
    if (user.status === 'deactivated') throw unauthenticated('This account is deactivated');
    if (user.status !== 'active') throw unauthenticated('This account is suspended', 'account_suspended');
    return user;
  }

  /** Opens a new session for an authenticated account (its own transaction). */
  signIn(user: UserEntity): Promise<SessionView> {
    return this.transactions.run((tx) => this.openSession(tx, user, randomUUID()));
  }

  /**
   * Spends a refresh token and returns a new pair in the same family. A token that was already
   * spent revokes the family and fails; that revocation must commit, so it is not thrown inside
   * the transaction.
   */
  async refresh(token: string): Promise<SessionView> {
    const outcome = await this.transactions.run(async (tx) => {
      const stored = await tx.manager
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: hashRefreshToken(token) })
        .getOne();
      const verdict = judgeRefresh(stored, new Date());
      if (verdict.kind === 'reject') return { error: 'Refresh token is not valid' } as const;
      if (verdict.kind === 'revoke-family') {
        await endSessions(tx, stored!.userId, [stored!.familyId], 'reuse_detected', null);
        return { error: 'Refresh token was already used; all sessions of this login were signed out' } as const;
      }
      await tx.manager.update(RefreshTokenEntity, { id: stored!.id }, { spentAt: new Date() });
      const user = await tx.manager.findOne(UserEntity, { where: { id: stored!.userId } });
      if (!user || user.status !== 'active') return { error: 'This account is not active' } as const;
      return { session: await this.openSession(tx, user, stored!.familyId) } as const;
    });
    if ('error' in outcome) throw unauthenticated(outcome.error);
    return outcome.session;
  }

  async logout(token: string, userId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const stored = await tx.manager.findOne(RefreshTokenEntity, { where: { tokenHash: hashRefreshToken(token), userId } });
      if (stored) await endSessions(tx, userId, [stored.familyId], 'logout');
    });
  }

  async setRoles(actorId: string, userId: string, roles: Role[]): Promise<UserView> {
    const next = [...new Set<Role>(['employee', ...roles])];
    return this.transactions.run(async (tx) => {
      const repo = tx.manager.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User');
      if (actorId === userId && user.roles.includes('admin') && !next.includes('admin')) {
        throw new DomainError(ErrorCode.Invalid, 'You cannot remove your own admin role');
      }
      const previous = user.roles;
      user.roles = next;
      await repo.save(user);
      await tx.emit({
        type: 'user.roles_changed',
        payload: { userId, roles: next, previous },
        ...aboutAccount(userId),
        actorId,
      });
      return toUserView(user);
    });
  }

  /**
   * The account behind an id, or null when it is gone or not active (for visibility checks: the
   * caller behind an access token is SessionsService.authenticate, which also checks the session).
   */
  async authenticate(userId: string): Promise<AuthUser | null> {
    // Every authenticated request runs this: a prepared statement, planned once per connection.
    const [user] = await this.db.prepared<AuthUser>('identity.caller', {
      text: `SELECT id, handle, display_name AS "displayName", roles FROM users WHERE id = $1 AND status = 'active'`,
      values: [userId],
    });
    return user ?? null;
  }

  /**
   * A subject's visibility check (SubjectVisibility.register) that needs the viewer's account and
   * roles: `check` is asked with the active account; a gone or suspended one sees none of the ids.
   */
  asCaller(check: (caller: AuthUser, ids: string[]) => Promise<Set<string>>): VisibilityCheck {
    return async (viewerId, ids) => {
      const caller = await this.authenticate(viewerId);
      return caller ? check(caller, ids) : new Set<string>();
    };
  }

  async getUser(id: string): Promise<UserView> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw notFound('User');
    return toUserView(user);
  }

  /**
   * For the email bridge: the active account whose address on record is `email` (compared as
   * stored: trimmed, lower case), or null.
   */
  async activeIdByEmail(email: string): Promise<string | null> {
    const user = await this.users.findOne({
      where: { email: email.trim().toLowerCase(), status: 'active' },
      select: { id: true },
    });
    return user?.id ?? null;
  }

  /** Public summaries for the given ids (missing ids are simply absent). */
  async summaries(ids: readonly string[]): Promise<Map<string, UserSummary>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    // On every page of posts (the people it shows): prepared, like the caller's lookup.
    const rows = await this.db.prepared<SummaryRow>('identity.summaries', {
      text: `SELECT ${summaryColumns('u')} FROM users u WHERE u.id = ANY($1::uuid[])`,
      values: [unique],
    });
    // A deactivated author's content stays; the summary says the account is deactivated.
    return new Map(rows.map((u) => [u.id, summaryFromRow(u)]));
  }

  /**
   * A keyset page of rows that each name a person (`personOf`: a member, a follower, a banned
   * user...), each shown with that person's summary, all read at once. A row whose person is gone
   * by then (deleted) is left out; the cursor still follows the last row fetched ({@link toPresentPage}).
   */
  async peoplePage<Row, Item>(
    found: Row[],
    limit: number,
    personOf: (row: Row) => string,
    keyOf: (row: Row) => CursorKey,
    view: (row: Row, person: UserSummary) => Item,
  ): Promise<Page<Item>> {
    const people = await this.summaries(found.map(personOf));
    return toPresentPage(found, limit, keyOf, (row) => {
      const person = people.get(personOf(row));
      return person && view(row, person);
    });
  }

  /**
   * An edit history as moderators read it (comments, questions, answers): each earlier text (and
   * title, where the item has one), newest first as given, with who made the edit.
   */
  async editHistory(found: readonly RevisionRow[]): Promise<{ items: RevisionView[] }> {
    const people = await this.summaries(found.map((r) => r.edited_by));
    return {
      items: found.map((r) => ({
        ...(r.title !== undefined ? { title: r.title } : {}),
        body: r.body,
        editedAt: r.edited_at.toISOString(),
        editedBy: summaryIn(people, r.edited_by),
      })),
    };
  }

  /** Active accounts with these handles (case-insensitive), for resolving @mentions. */
  async findByHandles(handles: readonly string[]): Promise<UserSummary[]> {
    const unique = [...new Set(handles.map((h) => h.toLowerCase()))];
    if (unique.length === 0) return [];
    const rows = await this.users.find({
      where: { handle: In(unique), status: 'active' },
      select: { id: true, handle: true, displayName: true, avatarFileId: true },
    });
    return rows.map(toSummary);
  }

  /** Which of these ids are active accounts (not suspended, not gone), in one query. */
  async activeIds(ids: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    const rows = await this.users.find({ where: { id: In(unique), status: 'active' }, select: { id: true } });
    return new Set(rows.map((u) => u.id));
  }

  /**
   * Active people whose name contains something like each term, typos tolerated (pg_trgm word
   * similarity at least {@link NAME_MATCH_THRESHOLD}, accents and case folded by `ruche_fold`, served
   * by users_display_name_trgm_idx). At most `limit` people per term, best first.
   */
  async matchNames(terms: readonly string[], limit: number): Promise<{ id: string; term: string; similarity: number }[]> {
    const unique = [...new Set(terms)].filter((t) => t.length > 0);
    if (unique.length === 0) return [];
    const found = await this.users.manager.transaction(async (manager) => {
      // `<%` compares against this setting; the third argument keeps it to this transaction.
      await manager.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [String(NAME_MATCH_THRESHOLD)]);
      return manager.query<{ id: string; term: string; similarity: number }[]>(
        `SELECT t.term, m.id, m.similarity
           FROM unnest($1::text[]) AS t (term)
          CROSS JOIN LATERAL (
                SELECT u.id, word_similarity(ruche_fold(t.term), ruche_fold(u.display_name)) AS similarity
                  FROM users u
                 WHERE ruche_fold(t.term) <% ruche_fold(u.display_name) AND u.status = 'active'
                 ORDER BY similarity DESC, u.id
                 LIMIT $2) m`,
        [unique, limit],
      );
    });
    return found.map((r) => ({ id: r.id, term: r.term, similarity: Number(r.similarity) }));
  }

  /**
   * Active colleagues whose handle starts with `q` or whose name contains it, best matches first
   * (exact handle, handle prefix, then names); `within` keeps only these ids. LIKE wildcards in `q`
   * are matched literally.
   */
  async search(q: string, limit: number, within?: readonly string[]): Promise<UserSummary[]> {
    const literal = q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    const params = new SqlParams();
    const [text, take] = [params.add(literal), params.add(limit)];
    // A directory read: a streaming replica may answer (see Database.reader).
    const found: { id: string; handle: string; display_name: string; avatar_file_id: string | null }[] =
      await this.db.reader.query(
        `SELECT id, handle, display_name, avatar_file_id FROM users
        WHERE status = 'active' AND (handle LIKE ${text} || '%' OR lower(display_name) LIKE '%' || ${text} || '%')
              ${within ? `AND id = ANY (${params.add([...within])}::uuid[])` : ''}
        ORDER BY handle = ${text} DESC, handle LIKE ${text} || '%' DESC, display_name, id
        LIMIT ${take}`,
        params.values,
      );
    return found.map((u) =>
      toSummary({ id: u.id, handle: u.handle, displayName: u.display_name, avatarFileId: u.avatar_file_id }),
    );
  }

  /**
   * One page of the active people, alphabetically by name (case and accents folded, then id),
   * starting strictly after `after` (the sort key and id of the previous page's last person);
   * `within` keeps only these ids. Served by users_directory_idx. `sortKey` is what a cursor keeps.
   */
  async directory(options: {
    limit: number;
    after?: readonly [sortKey: string, id: string] | null;
    within?: readonly string[];
  }): Promise<(UserSummary & { sortKey: string })[]> {
    const params = new SqlParams();
    const take = params.add(options.limit);
    const conditions = [`status = 'active'`];
    if (options.after) {
      conditions.push(
        `(ruche_fold(display_name), id) > (${params.add(options.after[0])}::text, ${params.add(options.after[1])}::uuid)`,
      );
    }
    if (options.within) conditions.push(`id = ANY (${params.add([...options.within])}::uuid[])`);
    const found: { id: string; handle: string; display_name: string; avatar_file_id: string | null; sort_key: string }[] =
      await this.db.reader.query(
        `SELECT id, handle, display_name, avatar_file_id, ruche_fold(display_name) AS sort_key FROM users
        WHERE ${conditions.join(' AND ')}
        ORDER BY ruche_fold(display_name), id
        LIMIT ${take}`,
        params.values,
      );
    return found.map((u) => ({
      ...toSummary({ id: u.id, handle: u.handle, displayName: u.display_name, avatarFileId: u.avatar_file_id }),
      sortKey: u.sort_key,
    }));
  }

  /**
   * Sets (a file id) or clears (null) the person's photo, in the caller's transaction: libs/files
   * has checked and attached the file; identity only keeps the reference its summaries link to.
   */
  async setAvatar(tx: Tx, userId: string, fileId: string | null): Promise<void> {
    await tx.manager.query('UPDATE users SET avatar_file_id = $2 WHERE id = $1', [userId, fileId]);
  }

  /** The photo of an active person (not suspended, deactivated or erased), or null. */
  async activeAvatar(userId: string): Promise<string | null> {
    const [found] = await rows<{ avatar_file_id: string | null }>(
      this.db.manager,
      `SELECT avatar_file_id FROM users WHERE id = $1 AND status = 'active'`,
      [userId],
    );
    return found?.avatar_file_id ?? null;
  }

  /** Joins the caller's transaction, so a profile edit that fails leaves the name untouched too. */
  async updateDisplayName(tx: Tx, userId: string, displayName: string): Promise<void> {
    await tx.manager.update(UserEntity, { id: userId }, { displayName });
  }

  private async uniqueHandle(tx: Tx, base: string): Promise<string> {
    const taken: { handle: string }[] = await tx.manager.query(
      // Every candidate withSuffix() can produce starts with the first 26 characters of the base.
      'SELECT handle FROM users WHERE handle LIKE $1',
      [`${base.slice(0, 26)}%`],
    );
    const set = new Set(taken.map((t) => t.handle));
    for (let n = 1; ; n++) {
      const candidate = withSuffix(base, n);
      if (!set.has(candidate)) return candidate;
    }
  }

  /** Signs `user` in: a new session (refresh-token family) and its first token pair. Other sign-in paths (SSO) call it once they have authenticated the person. */
  async openSession(tx: Tx, user: UserEntity, familyId: string): Promise<SessionView> {
    const refreshToken = newRefreshToken();
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000);
    // The refresh-token family is the session: opened here at sign-in, seen again at each refresh.
    await recordSession(tx, user.id, familyId, expiresAt);
    await tx.manager.insert(RefreshTokenEntity, {
      userId: user.id,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt,
    });
    const accessToken = await this.jwt.signAsync(accessClaims(user, familyId), {
      expiresIn: this.config.auth.accessTokenTtlSeconds,
    });
    return { user: toUserView(user), accessToken, refreshToken, expiresIn: this.config.auth.accessTokenTtlSeconds };
  }
}
