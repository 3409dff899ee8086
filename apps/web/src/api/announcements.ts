import { query, request } from './client';
import type { Body, Returns, Schema } from './schema';
import type { Page } from './types';

const id = encodeURIComponent;

export type Announcement = Schema<'AnnouncementView'>;

export type DepartmentReceipt = Schema<'DepartmentReceiptView'>;

export type Receipts = Schema<'ReceiptsView'>;
export type ReceiptList = Receipts['list'];

/** Must-read announcements (#13): what is pinned for me, reading one, and an author's receipts. */
export const announcementsApi = {
  mine: (cursor: string | null) => request<Page<Announcement>>('GET', `/api/announcements${query({ limit: 20, cursor })}`),
  create: (body: Body<'/api/announcements', 'post'>) => request<Announcement>('POST', '/api/announcements', body),
  pinned: () => request<Page<Announcement>>('GET', `/api/announcements${query({ pinned: 'true', limit: 20 })}`),
  get: (announcementId: string) => request<Announcement>('GET', `/api/announcements/${id(announcementId)}`),
  ack: (announcementId: string) => request<Announcement>('POST', `/api/announcements/${id(announcementId)}/ack`),
  receipts: (announcementId: string, list: ReceiptList, cursor: string | null) =>
    request<Receipts>('GET', `/api/announcements/${id(announcementId)}/receipts${query({ list, limit: 50, cursor })}`),
  remind: (announcementId: string) =>
    request<Returns<'/api/announcements/{id}/remind', 'post'>>('POST', `/api/announcements/${id(announcementId)}/remind`),
};

export const announcementKeys = {
  pinned: ['announcements', 'pinned'] as const,
  mine: ['announcements', 'mine'] as const,
  one: (announcementId: string) => ['announcements', 'one', announcementId] as const,
  receipts: (announcementId: string, list: ReceiptList) => ['announcements', 'receipts', announcementId, list] as const,
};
