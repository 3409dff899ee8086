import { query, request } from '../api/client';
import type { Page, Role } from '../api/types';

/** One invitation, as the admin list shows it (#15). */
export interface Invitation {
  id: string;
  email: string;
  roles: Role[];
  status: 'pending' | 'redeemed' | 'revoked' | 'expired';
  createdAt: string;
  expiresAt: string;
  redeemedAt: string | null;
}

/** The sign-up setting, with the warning shown while anyone may sign up. */
export interface SignupSettings {
  mode: 'open' | 'domains' | 'invite';
  domains: string[];
  open: boolean;
  warning: string | null;
}

export const invitationsApi = {
  signup: () => request<SignupSettings>('GET', '/api/admin/signup'),
  list: (cursor?: string) => request<Page<Invitation>>('GET', `/api/admin/invitations${query({ limit: 50, cursor })}`),
  /** The link comes back once: only its hash is kept. */
  create: (email: string) => request<Invitation & { link: string }>('POST', '/api/admin/invitations', { email }),
  revoke: (invitationId: string) => request<void>('DELETE', `/api/admin/invitations/${encodeURIComponent(invitationId)}`),
};
