import { Injectable } from '@nestjs/common';
import type { CacheItem, CacheProvider } from '@node-saml/node-saml';
import { Database, rows } from '@ruche/platform';
import { SAML_LOGIN_TTL_MS } from './relay-state.js';

/**
 * node-saml's request cache, in PostgreSQL (`saml_requests`), so that any instance can take the
 * provider's POST; and the ledger of assertions already used (`saml_assertions`).
 *
 * node-saml reads a request id more than once while it checks a Response (the Response's
 * InResponseTo, then the subject confirmation's) and removes it on its own schedule, not in one
 * atomic step. So reading here never consumes, `removeAsync` does nothing, and the request is
 * spent by {@link consume} once the Response has passed every check: one DELETE ... RETURNING, so
 * of two posts of one Response, racing on two instances, exactly one signs in.
 */
@Injectable()
export class SamlLedger implements CacheProvider {
  constructor(private readonly db: Database) {}

  async saveAsync(key: string, value: string): Promise<CacheItem | null> {
    // Requests nobody answered (a closed tab) go with the next login.
    await this.db.manager.query('DELETE FROM saml_requests WHERE expires_at < now()');
    await this.db.manager.query('INSERT INTO saml_requests (id, expires_at) VALUES ($1, now() + make_interval(secs => $2))', [
      key,
      SAML_LOGIN_TTL_MS / 1000,
    ]);
    return { value, createdAt: Date.now() };
  }

  /** The request's creation time (ISO), while it is unanswered and unexpired; null otherwise. */
  async getAsync(key: string): Promise<string | null> {
    if (typeof key !== 'string' || key.length === 0 || key.length > 128) return null;
    const [row] = await rows<{ created_at: Date }>(
      this.db.manager,
      'SELECT created_at FROM saml_requests WHERE id = $1 AND expires_at > now()',
      [key],
    );
    return row ? row.created_at.toISOString() : null;
  }

  /** Deliberately nothing: see the class comment ({@link consume} spends a request). */
  removeAsync(key: string | null): Promise<string | null> {
    return Promise.resolve(key);
  }

  /** Spends the request; false when it was already spent (a replay or a race) or has expired. */
  async consume(requestId: string): Promise<boolean> {
    const spent = await rows<{ id: string }>(
      this.db.manager,
      'DELETE FROM saml_requests WHERE id = $1 AND expires_at > now() RETURNING id',
      [requestId],
    );
    return spent.length === 1;
  }

  /** Records an assertion as used until it expires; false when it was used before. */
  async useAssertion(issuer: string, assertionId: string, expiresAt: Date): Promise<boolean> {
    await this.db.manager.query('DELETE FROM saml_assertions WHERE expires_at < now()');
    const recorded = await rows<{ assertion_id: string }>(
      this.db.manager,
      `INSERT INTO saml_assertions (issuer, assertion_id, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (issuer, assertion_id) DO NOTHING RETURNING assertion_id`,
      [issuer, assertionId, expiresAt],
    );
    return recorded.length === 1;
  }
}
