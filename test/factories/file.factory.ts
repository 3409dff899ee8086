import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FileView } from '@ruche/contracts';
import type { TestApp } from '../support/test-app.js';
import { expectBody } from './expect-status.js';
import { grantRoles } from './moderation.factory.js';
import { actingAs, registerUsers, type TestUser } from './user.factory.js';

/** POST /api/files with `content` in the field `file`, as a browser's form would send it. */
export function sendFile(
  t: TestApp,
  user: TestUser,
  content: Buffer | string,
  filename: string,
  contentType = 'application/octet-stream',
) {
  return t.http
    .post('/api/files')
    .set('Authorization', user.auth)
    .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), { filename, contentType });
}

/** Uploads through the real API; fails the test on anything but 201. */
export async function uploadFile(
  t: TestApp,
  user: TestUser,
  content: Buffer | string,
  filename = 'notes.txt',
): Promise<FileView> {
  return expectBody(sendFile(t, user, content, filename), 201, `POST /api/files (${filename})`);
}

/** A real PNG of the given size, one colour. */
export function png(width = 32, height = 24): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 90 } } })
    .png()
    .toBuffer();
}

/** A JPEG carrying EXIF: a camera make and a GPS position (what must not leak). */
export function jpegWithLocation(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Copyright: 'Home address inside' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 3/1' },
    })
    .toBuffer();
}

/** GET `path` as `viewer` (with no token when none), the body read as a Buffer whatever its type. */
export function getBinary(t: TestApp, path: string, viewer?: TestUser) {
  return (viewer ? actingAs(t, viewer).get(path) : t.http.get(path)).buffer(true).parse(binary as never);
}

/** Reads a binary response body into a Buffer (supertest leaves unknown types as text otherwise). */
function binary(res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Who a files suite needs: the admin, two colleagues, an outsider who tries what they may not, and a moderator. */
export async function registerFilesCast(t: TestApp): Promise<[TestUser, TestUser, TestUser, TestUser, TestUser]> {
  const [admin, alice, bob, mallory, mod] = await registerUsers(t, ['Admin', 'Alice', 'Bob', 'Mallory', 'Mod']);
  return [admin, alice, bob, mallory, await grantRoles(t, admin, mod, ['employee', 'moderator'])];
}

/** Every file under `dir` (the app's data directory or part of it), recursively; none if it does not exist. */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}
