/** Roles are data: what each grants is platform's permission map. */
export const ROLES = ['employee', 'innovation', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The public face of a person, embedded wherever an author or actor is shown. */
export interface UserSummary {
  id: string;
  handle: string;
  displayName: string;
}

/** Produced by `libs/identity`. */
export interface IdentityEvents {
  'user.registered': { user: UserSummary };
  'user.roles_changed': { userId: string; roles: Role[]; previous: Role[] };
  /** Audience: the person. Their tokens stop working at once (every request reloads the account). */
  'user.suspended': { userId: string; reason: string | null };
  /** Audience: the person. */
  'user.reinstated': { userId: string; reason: string | null };
}
