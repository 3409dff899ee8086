import { request } from './client';
import type { Returns, Schema } from './schema';

/** One open session (a sign-in on a device), as GET /api/me/sessions lists it. */
export type SignedInSession = Schema<'ActiveSessionView'>;

/** Your sessions (#15): list them, sign one out, or every other one. */
export const sessionsApi = {
  list: () => request<Returns<'/api/me/sessions', 'get'>>('GET', '/api/me/sessions'),
  revoke: (sessionId: string) => request<void>('DELETE', `/api/me/sessions/${encodeURIComponent(sessionId)}`),
  revokeOthers: () => request<Schema<'RevokedSessionsView'>>('POST', '/api/me/sessions/revoke-others'),
};
