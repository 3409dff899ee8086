import { vi } from 'vitest';
import type * as files from '../api/files';
import type { UploadedFile } from '../api/types';

/**
 * The api's files module for `vi.mock('../api/files', ...)`, its upload (XMLHttpRequest, for
 * progress) answered as the api would: half-way progress, then what `answer` gives for the file.
 */
export async function withFakeUpload(original: () => Promise<typeof files>, answer: (file: File) => Promise<UploadedFile>) {
  return {
    ...(await original()),
    uploadFile: vi.fn(async (file: File, onProgress?: (fraction: number) => void) => {
      onProgress?.(0.5);
      return answer(file);
    }),
  };
}
