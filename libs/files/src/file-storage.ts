import type { S3Client } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { S3Config } from '@ruche/platform';
import type { FileVariant } from './file-urls.js';

/** One stored object, read back. */
export interface StoredObject {
  body: Readable;
  size: number;
}

/** Where a variant of a file is stored: the original under the file's key, its renditions beside it. */
export const variantKey = (key: string, variant: FileVariant): string =>
  variant === 'original' ? key : `${key}.${variant === 'thumbnail' ? 'thumb' : 'web'}`;

/** Every key a file is stored under: its original's, and its two renditions' when it has them (images). */
export const storedKeys = (key: string, renditions: boolean): string[] =>
  renditions ? [key, variantKey(key, 'thumbnail'), variantKey(key, 'web')] : [key];

/**
 * Where file bytes live. Keys are Ruche's own (`<file id>`, `<file id>.thumb`, ...): never a
 * name a person chose. Every method is safe to repeat.
 */
export interface FileStorage {
  /** Stores the local file at `source` (a finished temporary file) under `key`. */
  put(key: string, source: string, size: number, contentType: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; nothing there is fine. */
  delete(key: string): Promise<void>;
  /** What an operator reads in the logs: `disk:/path` or `s3:bucket/prefix`. */
  readonly description: string;
}

/** Keys are ids with a fixed suffix: anything else is a bug, refused before it reaches a path. */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.[a-z]+)?$/;

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
  return key;
}

/**
 * The local disk, under `RUCHE_DATA_DIR/files/<2 hex>/<key>`: for one instance (or several sharing
 * one volume). `put` copies into a temporary name beside the target and renames it, so a reader
 * never sees half a file.
 */
export class DiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  get description(): string {
    return `disk:${this.root}`;
  }

  private path(key: string): string {
    return join(this.root, checkedKey(key).slice(0, 2), key);
  }

  async put(key: string, source: string): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    await copyFile(source, partial);
    await rename(partial, target);
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.path(key);
    try {
      const { size } = await stat(path);
      return { body: createReadStream(path), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

/**
 * Any S3-compatible store (`S3_*`): what several instances need, since each one's disk holds only
 * its own uploads. Every request is bounded by `S3_TIMEOUT_MS`.
 */
export class S3Storage implements FileStorage {
  // The AWS SDK is loaded only where S3 is configured (it adds ~37 MB to a process's RSS).
  private readonly sdk = import('@aws-sdk/client-s3');
  private readonly client: Promise<S3Client>;

  constructor(private readonly config: S3Config) {
    this.client = this.sdk.then(
      ({ S3Client }) =>
        new S3Client({
          region: config.region,
          endpoint: config.endpoint,
          forcePathStyle: config.forcePathStyle,
          credentials:
            config.accessKeyId && config.secretAccessKey
              ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
              : undefined,
          requestHandler: { connectionTimeout: Math.min(config.timeoutMs, 10_000), requestTimeout: config.timeoutMs },
          maxAttempts: 3,
          // Checksums only where S3 requires them: the SDK's default (aws-chunked bodies with trailing
          // CRC32 checksums) is not understood by many S3-compatible servers, which store the framing.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }),
    );
  }

  get description(): string {
    return `s3:${this.config.bucket}/${this.config.prefix}`;
  }

  private key(key: string): string {
    return this.config.prefix ? `${this.config.prefix}/${checkedKey(key)}` : checkedKey(key);
  }

  async put(key: string, source: string, size: number, contentType: string): Promise<void> {
    const { PutObjectCommand } = await this.sdk;
    await (await this.client).send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.key(key),
        Body: createReadStream(source),
        ContentLength: size,
        ContentType: contentType,
      }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    const { GetObjectCommand, NoSuchKey, S3ServiceException } = await this.sdk;
    try {
      const object = await (await this.client).send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
      return { body: object.Body as Readable, size: Number(object.ContentLength ?? 0) };
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404))
        return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const { DeleteObjectCommand } = await this.sdk;
    await (await this.client).send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
  }

  close(): void {
    void this.client.then((client) => client.destroy()).catch(() => undefined);
  }
}

/** Injection token for the configured {@link FileStorage}. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');
