import { request, requestBlob } from './client';
import type { Body, Returns, Schema } from './schema';

/** One personal data export, as GET /api/me/exports/:id answers it (#15). */
export type PersonalDataExport = Schema<'ExportView'>;

type Erasure = Schema<'ErasureView'>;

/** Your personal data (#15): an archive of it, and erasing your account. */
export const privacyApi = {
  exports: () => request<Returns<'/api/me/exports', 'get'>>('GET', '/api/me/exports'),
  requestExport: () => request<PersonalDataExport>('POST', '/api/me/export'),
  download: (exportId: string) => requestBlob(`/api/me/exports/${encodeURIComponent(exportId)}/download`),
  eraseMe: (body: Body<'/api/me/erase', 'post'>) => request<Erasure>('POST', '/api/me/erase', body),
  /** An admin erases someone's account, their handle typed again. */
  eraseUser: (userId: string, confirmation: string) =>
    request<Erasure>('POST', `/api/admin/users/${encodeURIComponent(userId)}/erase`, {
      confirmation,
    }),
};
