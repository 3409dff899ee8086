import { request } from './client';

/** One open session (a sign-in on a device), as GET /api/me/sessions lists it. */
export interface SignedInSession {
  id: string;
  device: string;
  userAgent: string | null;
  address: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

/** Your sessions (#15): list them, sign one out, or every other one. */
export const sessionsApi = {
  list: () => request<{ items: SignedInSession[]; nextCursor: null }>('GET', '/api/me/sessions'),
  revoke: (sessionId: string) => request<void>('DELETE', `/api/me/sessions/${encodeURIComponent(sessionId)}`),
  revokeOthers: () => request<{ revoked: number }>('POST', '/api/me/sessions/revoke-others'),
};
