import { request, requestBlob } from './client';

/** One personal data export, as GET /api/me/exports/:id answers it (#15). */
export interface PersonalDataExport {
  id: string;
  status: 'queued' | 'running' | 'ready' | 'failed' | 'expired';
  progress: number;
  size: number | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  downloadUrl: string | null;
}

/** Your personal data (#15): an archive of it, and erasing your account. */
export const privacyApi = {
  exports: () => request<{ items: PersonalDataExport[] }>('GET', '/api/me/exports'),
  requestExport: () => request<PersonalDataExport>('POST', '/api/me/export'),
  download: (exportId: string) => requestBlob(`/api/me/exports/${encodeURIComponent(exportId)}/download`),
  eraseMe: (body: { confirmation: string; password?: string }) =>
    request<{ userId: string; pseudonym: string; mode: string }>('POST', '/api/me/erase', body),
  /** An admin erases someone's account, their handle typed again. */
  eraseUser: (userId: string, confirmation: string) =>
    request<{ userId: string; pseudonym: string; mode: string }>('POST', `/api/admin/users/${encodeURIComponent(userId)}/erase`, {
      confirmation,
    }),
};
