import { accessToken } from '../auth/session';
import { request } from './client';
import { ApiError, NetworkError } from './errors';
import type { UploadedFile } from './types';

/**
 * Uploads one file (POST /api/files, multipart field `file`) with XMLHttpRequest, the one browser
 * API that reports upload progress: `onProgress` gets the fraction sent (0 to 1). Refusals come back
 * as the api's ApiError (file_too_large, file_type_not_allowed, file_quota_exceeded, ...).
 */
export async function uploadFile(
  file: File,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  const token = await accessToken();
  if (!token) throw new ApiError(401, { message: 'not signed in' });
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise<UploadedFile>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = { message: xhr.responseText };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadedFile);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** A file size for people: 12 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The uploader describes an image for people who cannot see it (`PATCH /api/files/:id { alt }`; empty: none). */
export function describeFile(fileId: string, alt: string): Promise<UploadedFile> {
  return request<UploadedFile>('PATCH', `/api/files/${encodeURIComponent(fileId)}`, { alt: alt.trim() || null });
}
