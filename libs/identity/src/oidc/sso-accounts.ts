import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { isEmail } from 'class-validator';
import {
  DomainError,
  ErrorCode,
  forbidden,
  invalid,
  lockKey,
  type OidcConfig,
  rows,
  RUCHE_CONFIG,
  type RucheConfig,
  Transactions,
  unauthenticated,
} from '@ruche/platform';
import type { SessionView } from '../dto.js';
import { IdentityService } from '../identity.service.js';
import { emailDomain } from '../signup-policy.js';
import { UserEntity } from '../user.entity.js';
import type { VerifiedClaims } from './oidc-client.js';

/** How long the one-time code the callback hands to the web app stays valid. */
const HANDOFF_TTL_SECONDS = 60;

/** The person as the claim mapping reads them. */
export interface MappedPerson {
  email: string | null;
  emailVerified: boolean;
  displayName: string;
  department: string | undefined;
  title: string | undefined;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** A string from a provider, cleaned of control characters, trimmed and bounded; undefined when empty. */
export const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string') return undefined;
  // Control characters never reach a profile; the length bound is the profile's.
  const clean = value.replace(CONTROL, ' ').trim().slice(0, max);
  return clean || undefined;
};

/** Reads email, verification, name, department and title through `OIDC_CLAIMS`. */
export function mapClaims(oidc: OidcConfig, claims: Record<string, unknown>): MappedPerson {
  const map = oidc.claims;
  const rawEmail = text(claims[map.email], 254)?.toLowerCase();
  const email = rawEmail && isEmail(rawEmail) ? rawEmail : null;
  const said = claims[map.emailVerified];
  const emailVerified = said === true || said === 'true' || (said === undefined && oidc.trustEmail);
  const given = [text(claims.given_name, 40), text(claims.family_name, 40)].filter(Boolean).join(' ');
  const displayName = text(claims[map.name], 80) ?? (given || (email ? email.slice(0, email.indexOf('@')) : 'Colleague'));
  return {
    email,
    emailVerified,
    displayName,
    department: text(claims[map.department], 100),
    title: text(claims[map.title], 100),
  };
}

const codeHash = (code: string) => createHash('sha256').update(code, 'utf8').digest();

/**
 * A person the identity provider vouched for, whatever the protocol: OpenID Connect (issuer and
 * `sub` of a verified ID token) or SAML (the assertion's issuer and NameID, signature checked).
 */
export interface ExternalSignIn {
  issuer: string;
  subject: string;
  person: MappedPerson;
  /** The protocol's domain rule (`OIDC_ALLOWED_DOMAINS`, `SAML_ALLOWED_DOMAINS`); empty: any. */
  allowedDomains: string[];
  /** OIDC's ID token, kept for RP-initiated logout; none for SAML. */
  idToken?: string;
}

/**
 * From a verified sign-in at the identity provider (OIDC or SAML) to a Ruche account (#15), in one
 * transaction:
 *
 * 1. The email's domain must be in the protocol's allowed domains (when set): 403 `sso_domain_not_allowed`.
 * 2. A provider account already linked (issuer + subject) signs in as its Ruche account.
 * 3. Otherwise the email must be verified (`email_verified`, or `OIDC_TRUST_EMAIL`): 403
 *    `sso_email_unverified`. An existing account with that email is linked; else an account is
 *    created just in time (no password; name, department and title from the claims).
 *
 * Runs under the sign-up lock, so two first logins of one person at once make one account and one
 * link. Accounts that are not active (suspended, deactivated) are refused as at password login.
 */
@Injectable()
export class SsoAccounts {
  constructor(
    private readonly transactions: Transactions,
    private readonly identity: IdentityService,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  /** OpenID Connect: maps the verified claims through `OIDC_CLAIMS`, then {@link link}. */
  signIn(verified: VerifiedClaims): Promise<{ code: string; userId: string; created: boolean }> {
    const oidc = this.config.signIn.oidc!;
    return this.link({
      issuer: verified.issuer,
      subject: verified.subject,
      person: mapClaims(oidc, verified.claims),
      allowedDomains: oidc.allowedDomains,
      idToken: verified.idToken,
    });
  }

  /** Resolves the person and answers a one-time code for the web app (see {@link exchange}). */
  async link(verified: ExternalSignIn): Promise<{ code: string; userId: string; created: boolean }> {
    const { person } = verified;
    if (!person.email) throw invalid('The identity provider sent no usable email address', 'sso_failed');
    if (verified.allowedDomains.length > 0 && !verified.allowedDomains.includes(emailDomain(person.email)))
      throw forbidden(`Accounts at ${emailDomain(person.email)} may not sign in here`, 'sso_domain_not_allowed');
    const email = person.email;
    const code = randomBytes(32).toString('base64url');
    return this.transactions.run(async (tx) => {
      await lockKey(tx.manager, 'ruche.register');
      let created = false;
      const [link] = await rows<{ user_id: string }>(
        tx.manager,
        'UPDATE external_identities SET last_login_at = now(), email = $3 WHERE issuer = $1 AND subject = $2 RETURNING user_id',
        [verified.issuer, verified.subject, email],
      );
      let userId = link?.user_id;
      if (!userId) {
        if (!person.emailVerified)
          throw forbidden('The identity provider does not say this email address is verified', 'sso_email_unverified');
        const [existing] = await rows<{ id: string }>(tx.manager, 'SELECT id FROM users WHERE email = $1', [email]);
        if (existing) {
          userId = existing.id;
        } else {
          const profile = {
            ...(person.title ? { title: person.title } : {}),
            ...(person.department ? { department: person.department } : {}),
          };
          const { user } = await this.identity.createAccount(tx, {
            email,
            displayName: person.displayName,
            passwordHash: null,
            profile: Object.keys(profile).length ? profile : undefined,
          });
          userId = user.id;
          created = true;
        }
        await tx.manager.query('INSERT INTO external_identities (user_id, issuer, subject, email) VALUES ($1, $2, $3, $4)', [
          userId,
          verified.issuer,
          verified.subject,
          email,
        ]);
      }
      const [account] = await rows<{ status: string }>(tx.manager, 'SELECT status FROM users WHERE id = $1', [userId]);
      if (account?.status !== 'active') throw unauthenticated('This account is not active', 'account_suspended');
      // Codes nobody exchanged (a closed tab) go with the next sign-in.
      await tx.manager.query(`DELETE FROM sso_handoffs WHERE expires_at < now() - interval '1 hour'`);
      await tx.manager.query(
        `INSERT INTO sso_handoffs (code_hash, user_id, id_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
        [codeHash(code), userId, verified.idToken ?? null, HANDOFF_TTL_SECONDS],
      );
      return { code, userId, created };
    });
  }

  /**
   * The web app trades the callback's one-time code for its tokens: the code is deleted as it is
   * read (a second exchange finds nothing), must be under a minute old, and its account active.
   */
  async exchange(code: string): Promise<{ session: SessionView; idToken: string | null }> {
    return this.transactions.run(async (tx) => {
      const [handoff] = await rows<{ user_id: string; id_token: string | null }>(
        tx.manager,
        'DELETE FROM sso_handoffs WHERE code_hash = $1 AND expires_at > now() RETURNING user_id, id_token',
        [codeHash(code)],
      );
      if (!handoff)
        throw new DomainError(ErrorCode.Unauthenticated, 'This sign-in code is not valid or has expired', 'sso_code_invalid');
      const user = await tx.manager.findOne(UserEntity, { where: { id: handoff.user_id } });
      if (!user || user.status !== 'active') throw unauthenticated('This account is not active', 'account_suspended');
      return { session: await this.identity.openSession(tx, user, randomUUID()), idToken: handoff.id_token };
    });
  }
}
