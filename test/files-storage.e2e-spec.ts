import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { DiskStorage, type FileStorage, S3Storage } from '@ruche/files';
import { getBinary, png, uploadFile } from './factories/file.factory.js';
import { createPost } from './factories/post.factory.js';
import { registerUsers } from './factories/user.factory.js';
import { startTestApp } from './support/test-app.js';

const BUCKET = 'ruche-files';

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * One contract for every storage: the local disk, and an S3-compatible server (s3rver, in this
 * process, on loopback) through @aws-sdk/client-s3. Then the whole api on S3.
 */
describe('files: storage', () => {
  let s3: S3rver;
  let endpoint: string;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ruche-storage-'));
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: join(work, 's3'),
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { port } = await s3.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await s3.close();
    rmSync(work, { recursive: true, force: true });
  });

  const s3Config = (prefix: string) => ({
    bucket: BUCKET,
    endpoint,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix,
    timeoutMs: 10_000,
  });

  const storages: [string, () => FileStorage][] = [
    ['disk', () => new DiskStorage(join(work, 'disk'))],
    ['s3', () => new S3Storage(s3Config('contract'))],
  ];

  describe.each(storages)('%s', (_name, make) => {
    let storage: FileStorage;
    let source: string;
    const content = Buffer.from('the bytes, exactly\n\u0000\u00ff'.repeat(1000), 'latin1');
    beforeAll(() => {
      storage = make();
      source = join(work, `source-${randomUUID()}`);
      writeFileSync(source, content);
    });

    it('gives back what was put, byte for byte, with its size', async () => {
      const key = randomUUID();
      await storage.put(key, source, content.length, 'application/octet-stream');
      const object = await storage.get(key);
      expect(object?.size).toBe(content.length);
      expect(Buffer.compare(await readAll(object!.body), content)).toBe(0);
    });

    it('answers null for a missing key, and deleting twice is fine', async () => {
      const key = `${randomUUID()}.thumb`;
      expect(await storage.get(key)).toBeNull();
      await storage.put(key, source, content.length, 'image/webp');
      await storage.delete(key);
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
    });

    it('replaces an object put again under its key', async () => {
      const key = randomUUID();
      await storage.put(key, source, content.length, 'text/plain');
      const other = join(work, `other-${randomUUID()}`);
      writeFileSync(other, 'short');
      await storage.put(key, other, 5, 'text/plain');
      expect((await readAll((await storage.get(key))!.body)).toString()).toBe('short');
    });

    it('refuses a key that is not a Ruche key (never a path)', async () => {
      await expect(storage.put('../../etc/passwd', source, content.length, 'text/plain')).rejects.toThrow(/not a storage key/);
      await expect(storage.get('a/b')).rejects.toThrow(/not a storage key/);
    });
  });

  it('the api stores uploads, renditions and attachments in S3 when S3_BUCKET is set, and deletes them with their post', async () => {
    const t = await startTestApp({
      RUCHE_DATA_DIR: join(work, 'app'),
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: '1',
      S3_PREFIX: 'app',
    });
    try {
      const [alice] = await registerUsers(t, ['Alice']);
      const image = await uploadFile(t, alice, await png(64, 64), 'square.png');
      const direct = new S3Storage(s3Config('app'));
      expect((await direct.get(image.id))?.size).toBe(image.size);
      expect(await direct.get(`${image.id}.thumb`)).not.toBeNull();

      const res = await t.http
        .post('/api/posts')
        .set('Authorization', alice.auth)
        .send({ body: 'From S3', attachmentIds: [image.id] });
      expect(res.status).toBe(201);
      const download = await getBinary(t, res.body.attachments[0].url);
      expect(download.status).toBe(200);
      expect((download.body as Buffer).length).toBe(image.size);

      expect((await t.http.delete(`/api/posts/${res.body.id}`).set('Authorization', alice.auth)).status).toBe(204);
      await t.settle();
      expect(await direct.get(image.id)).toBeNull();
      expect(await direct.get(`${image.id}.web`)).toBeNull();
      expect(await t.sql('SELECT id FROM files')).toEqual([]);
      // An unrelated post is untouched.
      await createPost(t, alice, 'still here');
      direct.close();
    } finally {
      await t.close();
    }
  });
});
