export * from './dto.js';
export { cleanFileName, contentDisposition } from './file-names.js';
export { DiskStorage, FILE_STORAGE, type FileStorage, S3Storage, type StoredObject } from './file-storage.js';
export { ClamdScanner, parseAnswer, type ScanVerdict } from './clamd-scanner.js';
export { FileUrls, type FileVariant } from './file-urls.js';
export * from './files.module.js';
export { FetchedImages, type FetchedImageItem } from './fetched-images.js';
export { FilesService, MAX_ATTACHMENTS } from './files.service.js';
