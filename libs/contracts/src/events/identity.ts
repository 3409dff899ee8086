/** Roles are data: what each grants is platform's permission map. */
export const ROLES = ['employee', 'innovation', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The public face of a person, embedded wherever an author or actor is shown. */
export interface UserSummary {
  id: string;
  handle: string;
  displayName: string;
  /** Present (true) when the account is deactivated: their content stays, and views say whose it was. */
  deactivated?: true;
  /**
   * Present when the person uploaded a photo: `/api/users/<id>/avatar?v=<version>`, an image any
   * holder of the link may load (the version is unguessable and changes with each photo).
   */
  avatarUrl?: string;
}

/** Produced by `libs/identity`. */
export interface IdentityEvents {
  /**
   * `profile`: what single sign-on's claims said (#15), written by the people module in the
   * registering transaction.
   */
  'user.registered': { user: UserSummary; profile?: { title?: string; department?: string } };
  'user.roles_changed': { userId: string; roles: Role[]; previous: Role[] };
  /** Audience: the person. Their tokens stop working at once (every request reloads the account). */
  'user.suspended': { userId: string; reason: string | null };
  /** Audience: the person. */
  'user.reinstated': { userId: string; reason: string | null };
  /**
   * Audience: the person. By an admin or the identity provider (SCIM; no actor): every session
   * ends, sockets close, the person leaves search, routing and mentions; their content stays.
   */
  'user.deactivated': { userId: string; reason: string | null; source: AccountChangeSource };
  /** Audience: the person. Lifts a deactivation only (a suspension stays). */
  'user.reactivated': { userId: string; reason: string | null; source: AccountChangeSource };
  /** Audience: the person. These sessions ended (sign-out, revoked from the sessions page, password change). */
  'session.revoked': { userId: string; sessionIds: string[]; reason: SessionEndReason };
  /** Audience: the person. An admin turned their two-factor off (#15; audited). */
  'user.two_factor_reset': { userId: string };
  /**
   * Audience: the person. An admin set a temporary password (`temporary`: every session ended, a
   * new password is asked at next sign-in) or issued a reset link (`link`) (#15; audited).
   */
  'user.password_reset': { userId: string; method: 'temporary' | 'link' };
}

/** Who changed an account's state: an admin in Ruche, or the identity provider through SCIM. */
export type AccountChangeSource = 'admin' | 'scim';

export type SessionEndReason = 'logout' | 'revoked' | 'revoked_others' | 'password_changed' | 'reuse_detected';

/** What an account may do: see README "Account states". */
export const ACCOUNT_STATUSES = ['active', 'suspended', 'deactivated', 'erased'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
