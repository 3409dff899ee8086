import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FileView } from '@ruche/contracts';
import { filesUnder, getBinary, jpegWithLocation, png, sendFile, uploadFile } from './factories/file.factory.js';
import { registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

const MAX_BYTES = 60_000;
const QUOTA_BYTES = 100_000;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0)]);

/**
 * Uploads and downloads through the real api: type from the content, limits, quota under
 * concurrency, name cleaning, headers, who may read an unattached upload, odd ids, bad bodies.
 */
describe('files: upload and download', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruche-files-'));
  const t = useTestApp({
    RUCHE_DATA_DIR: dataDir,
    FILES_MAX_BYTES: String(MAX_BYTES),
    FILES_QUOTA_BYTES: String(QUOTA_BYTES),
    // Fewer connections than concurrent uploads: the quota must hold without one per upload.
    DATABASE_POOL_MAX: '4',
  });
  let alice: TestUser;
  let bob: TestUser;
  let quinn: TestUser;
  let ned: TestUser;

  beforeAll(async () => {
    [alice, bob, quinn, ned] = await registerUsers(t, ['Alice', 'Bob', 'Quinn', 'Ned']);
  });

  /** What a refused upload must not have left: rows, usage, stored bytes, temporary files. */
  async function expectNothingWritten(user: TestUser) {
    expect(await t.sql('SELECT id FROM files WHERE owner_id = $1', [user.id])).toEqual([]);
    const usage = await t.sql<{ bytes: string }>('SELECT bytes FROM file_usage WHERE user_id = $1', [user.id]);
    expect(usage.map((u) => Number(u.bytes)).filter((b) => b !== 0)).toEqual([]);
    expect(filesUnder(join(dataDir, 'files-incoming'))).toEqual([]);
  }

  it('stores an upload and answers what it is; its uploader downloads the same bytes with safe headers', async () => {
    const content = Buffer.from('name,score\nada,3\n');
    const res = await sendFile(t, alice, content, 'scores.csv', 'application/x-msdownload');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'scores.csv',
      size: content.length,
      contentType: 'text/csv',
      sha256: sha256(content),
    });

    const download = await getBinary(t, `/api/files/${res.body.id}`, alice);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="scores.csv"; filename*=UTF-8''scores.csv`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.headers['content-security-policy']).toContain("default-src 'none'");
    const [row] = await t.sql<{ bytes: string }>('SELECT bytes FROM file_usage WHERE user_id = $1', [alice.id]);
    expect(Number(row.bytes)).toBe(content.length);
  });

  it('an unattached upload is its uploader’s alone: 404 to anyone else, 401 without a token', async () => {
    const file = await uploadFile(t, alice, 'private draft', 'draft.txt');
    expect((await t.http.get(`/api/files/${file.id}`).set('Authorization', bob.auth)).status).toBe(404);
    expect((await t.http.get(`/api/files/${file.id}`)).status).toBe(401);
    expect((await t.http.get(`/api/files/${file.id}`).set('Authorization', 'Bearer not-a-token')).status).toBe(401);
    // No signed link is ever handed out for it; a made-up one is a 404 like a missing file.
    expect((await t.http.get(`/api/files/${file.id}?exp=9999999999&sig=AAAA`)).status).toBe(404);
  });

  it('types a file from its content, not its name: an executable named .png is refused and nothing is kept', async () => {
    const res = await sendFile(t, ned, ELF, 'holiday.png', 'image/png');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ code: 'file_type_not_allowed' });
    const zipBomb = await sendFile(
      t,
      ned,
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
      'setup.txt',
    );
    expect(zipBomb.status).toBe(415);
    const binaryJunk = await sendFile(t, ned, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]), 'notes.txt');
    expect(binaryJunk.status).toBe(415);
    await expectNothingWritten(ned);
    // A real PNG named .txt is a PNG.
    const image = await uploadFile(t, alice, await png(), 'not-really.txt');
    expect(image).toMatchObject({ contentType: 'image/png', width: 32, height: 24 });
  });

  it('refuses a file over FILES_MAX_BYTES with 413 file_too_large, storing nothing', async () => {
    const res = await sendFile(t, ned, Buffer.alloc(MAX_BYTES + 1, 'a'), 'big.txt');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'file_too_large' });
    await expectNothingWritten(ned);
    const exact = await sendFile(t, ned, Buffer.alloc(MAX_BYTES, 'a'), 'exact.txt');
    expect(exact.status).toBe(201);
    await t.sql('DELETE FROM files WHERE owner_id = $1', [ned.id]);
    await t.sql('UPDATE file_usage SET bytes = 0 WHERE user_id = $1', [ned.id]);
  });

  it('holds the quota exactly under 30 concurrent uploads on a pool of 4 connections', async () => {
    const size = 9_000;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sendFile(t, quinn, Buffer.alloc(size, String.fromCharCode(97 + (i % 26))), `part-${i}.txt`),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    const fits = Math.floor(QUOTA_BYTES / size);
    expect(statuses.filter((s) => s === 201)).toHaveLength(fits);
    expect(statuses.filter((s) => s === 422)).toHaveLength(30 - fits);
    expect(results.find((r) => r.status === 422)?.body).toMatchObject({ code: 'file_quota_exceeded' });
    const [usage] = await t.sql<{ bytes: string }>('SELECT bytes FROM file_usage WHERE user_id = $1', [quinn.id]);
    expect(Number(usage.bytes)).toBe(fits * size);
    const [{ n, total }] = await t.sql<{ n: string; total: string }>(
      'SELECT count(*) AS n, sum(size) AS total FROM files WHERE owner_id = $1',
      [quinn.id],
    );
    expect([Number(n), Number(total)]).toEqual([fits, fits * size]);
    expect(filesUnder(join(dataDir, 'files-incoming'))).toEqual([]);
  });

  it('cleans names: no path, no control or bidi characters', async () => {
    const cases: [string, string][] = [
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\boot.ini', 'boot.ini'],
      ['invoice\u202Egpj.exe', 'invoicegpj.exe'],
      ['tab\there\u0007.txt', 'tab here.txt'],
      ['.htaccess', 'htaccess'],
    ];
    for (const [sent, kept] of cases) {
      const file = await uploadFile(t, bob, 'plain words', sent);
      expect({ sent, name: file.name }).toEqual({ sent, name: kept });
    }
    const file = await uploadFile(t, bob, 'plain words', 'Résumé été.md');
    expect(file).toMatchObject({ name: 'Résumé été.md', contentType: 'text/markdown' });
    const res = await t.http.get(`/api/files/${file.id}`).set('Authorization', bob.auth);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="R_sum_ _t_.md"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%C3%A9t%C3%A9.md`,
    );
  });

  it('strips EXIF (camera, location) from images, records their size, and renders a thumbnail and a web copy', async () => {
    const original = await jpegWithLocation(2000, 1000);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const file = await uploadFile(t, alice, original, 'IMG_0001.JPG');
    expect(file).toMatchObject({ contentType: 'image/jpeg', width: 2000, height: 1000 });

    const stored = await getBinary(t, `/api/files/${file.id}`, alice);
    const body = stored.body as Buffer;
    expect(stored.headers['content-disposition']).toMatch(/^inline; /);
    expect(sha256(body)).toBe(file.sha256);
    expect(body.length).toBe(file.size);
    const meta = await sharp(body).metadata();
    expect(meta.exif).toBeUndefined();
    expect(body.includes('SecretCam')).toBe(false);
    expect([meta.width, meta.height]).toEqual([2000, 1000]);

    const thumb = await getBinary(t, `/api/files/${file.id}/thumbnail`, alice);
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const thumbMeta = await sharp(thumb.body as Buffer).metadata();
    expect([thumbMeta.format, thumbMeta.width, thumbMeta.height, thumbMeta.exif]).toEqual(['webp', 400, 200, undefined]);
    const web = await sharp((await getBinary(t, `/api/files/${file.id}/web`, alice)).body as Buffer).metadata();
    expect([web.width, web.height]).toEqual([1600, 800]);
    expect((await t.http.get(`/api/files/${file.id}/thumbnail`).set('Authorization', bob.auth)).status).toBe(404);
    expect((await t.http.get(`/api/files/${file.id}/original`).set('Authorization', alice.auth)).status).toBe(400);
  });

  it('refuses an image that cannot be decoded (422 file_unreadable), keeping nothing', async () => {
    const broken = Buffer.concat([(await png()).subarray(0, 40), Buffer.alloc(200, 7)]);
    const res = await sendFile(t, ned, broken, 'broken.png');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'file_unreadable' });
    await expectNothingWritten(ned);
  });

  it('lets the uploader describe an image (alt); nobody else', async () => {
    const file = await uploadFile(t, alice, await png(), 'chart.png');
    const res = await t.http
      .patch(`/api/files/${file.id}`)
      .set('Authorization', alice.auth)
      .send({ alt: '  Sales by month, rising  ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: file.id, alt: 'Sales by month, rising' });
    expect((await t.http.patch(`/api/files/${file.id}`).set('Authorization', bob.auth).send({ alt: 'mine now' })).status).toBe(
      404,
    );
    expect(
      (
        await t.http
          .patch(`/api/files/${file.id}`)
          .set('Authorization', alice.auth)
          .send({ alt: 'x'.repeat(1001) })
      ).status,
    ).toBe(400);
    const [row] = await t.sql<{ alt: string }>('SELECT alt FROM files WHERE id = $1', [file.id]);
    expect(row.alt).toBe('Sales by month, rising');
  });

  it('reads an id in any letter case; any other spelling is a 400', async () => {
    const file: FileView = await uploadFile(t, alice, 'case test', 'case.txt');
    expect((await t.http.get(`/api/files/${file.id.toUpperCase()}`).set('Authorization', alice.auth)).status).toBe(200);
    for (const odd of [`{${file.id}}`, file.id.replace(/-/g, ''), 'not-an-id', `${file.id}x`]) {
      expect({
        odd,
        status: (await t.http.get(`/api/files/${encodeURIComponent(odd)}`).set('Authorization', alice.auth)).status,
      }).toEqual({ odd, status: 400 });
    }
    expect((await t.http.get('/api/files/00000000-0000-4000-8000-000000000000').set('Authorization', alice.auth)).status).toBe(
      404,
    );
  });

  it('answers a bad body with a 4xx and writes nothing', async () => {
    const boundary = '----rucheboundary';
    const bad: { what: string; type: string; body: Buffer | string }[] = [
      { what: 'JSON', type: 'application/json', body: JSON.stringify({ file: 'x' }) },
      { what: 'no parts', type: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}--\r\n` },
      {
        what: 'a text field, no file',
        type: `multipart/form-data; boundary=${boundary}`,
        body: `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\nhello\r\n--${boundary}--\r\n`,
      },
      {
        what: 'a file in another field',
        type: `multipart/form-data; boundary=${boundary}`,
        body: `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
      },
      {
        what: 'cut off before its end',
        type: `multipart/form-data; boundary=${boundary}`,
        body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello, and then noth`,
      },
      { what: 'no boundary', type: 'multipart/form-data', body: 'garbage' },
      {
        what: 'an empty file',
        type: `multipart/form-data; boundary=${boundary}`,
        body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n\r\n--${boundary}--\r\n`,
      },
    ];
    for (const { what, type, body } of bad) {
      const res = await t.http.post('/api/files').set('Authorization', ned.auth).set('Content-Type', type).send(body);
      expect({ what, status: res.status, code: typeof res.body.code }).toEqual({
        what,
        status: expect.any(Number),
        code: 'string',
      });
      expect({ what, clientError: res.status >= 400 && res.status < 500 }).toEqual({ what, clientError: true });
    }
    await expectNothingWritten(ned);
    expect((await t.http.post('/api/files').attach('file', Buffer.from('x'), 'a.txt')).status).toBe(401);
  });
});
