import { ApiProperty } from '@nestjs/swagger';

export type ExportStatus = 'queued' | 'running' | 'ready' | 'failed' | 'expired';
export const EXPORT_STATUSES: readonly ExportStatus[] = ['queued', 'running', 'ready', 'failed', 'expired'];

/** A personal_data_exports row (libs/privacy owns the table). */
export interface ExportRow {
  id: string;
  user_id: string;
  status: ExportStatus;
  progress: number;
  size: string | null;
  storage_key: string | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  expires_at: Date | null;
}

export const EXPORT_COLUMNS = 'id, user_id, status, progress, size, storage_key, error, created_at, finished_at, expires_at';

/** How long a ready archive can be downloaded. */
export const EXPORT_TTL_HOURS = 24;

export class ExportView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: EXPORT_STATUSES })
  status: ExportStatus;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent of the archive written' })
  progress: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Bytes, once ready' })
  size: number | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The download works until then (a day after it is ready)',
  })
  expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where to download it (with the bearer token), while ready' })
  downloadUrl: string | null;
}

export const toExportView = (row: ExportRow): ExportView => ({
  id: row.id,
  status: row.status,
  progress: row.progress,
  size: row.size === null ? null : Number(row.size),
  createdAt: row.created_at.toISOString(),
  finishedAt: row.finished_at?.toISOString() ?? null,
  expiresAt: row.expires_at?.toISOString() ?? null,
  downloadUrl: row.status === 'ready' ? `/api/me/exports/${row.id}/download` : null,
});
