import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttachmentView } from '@ruche/contracts';
import { getBinary, sendFile, uploadFile } from './factories/file.factory.js';
import { registerUsers, type TestUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn by hand -->
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(document.cookie)">
  <script>fetch('/api/me')</script><rect width="10" height="10"/>
</svg>`;
const HTML = `<!DOCTYPE html><html><body><script>alert(1)</script><p>Hello</p></body></html>`;
const STRICT_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

/**
 * SVG and HTML can run script in a browser: refused by default (415), by extension or by content
 * (an SVG named `.txt` too); accepted only when an admin lists them in FILES_ALLOW_ACTIVE_TYPES, and
 * then always downloaded (`attachment`) under `sandbox; default-src 'none'`, never shown inline, no
 * thumbnail, no image rendition, by every path (bearer token and signed link). One type allowed
 * without the other: file-types.spec.ts.
 */
describe('files: SVG and HTML', () => {
  // One app at a time: each describe starts its own and closes it before the next starts.
  describe('by default', () => {
    let closed: TestApp;
    let alice: TestUser;
    beforeAll(async () => {
      closed = await startTestApp({ RUCHE_DATA_DIR: mkdtempSync(join(tmpdir(), 'ruche-active-')) });
      [alice] = await registerUsers(closed, ['Alice']);
    }, 60_000);
    afterAll(() => closed?.close());

    it('refuses SVG and HTML by default, by name or by content, and stores nothing', async () => {
      const before = await closed.sql<{ n: string }>('SELECT count(*) AS n FROM files');
      for (const [content, name] of [
        [SVG, 'drawing.svg'],
        [SVG, 'drawing.txt'],
        [SVG.replace(/^<\?xml[^>]*>\n<!--[^>]*-->\n/, ''), 'notes.md'],
        [HTML, 'page.html'],
        [HTML, 'page.htm'],
        [HTML, 'page.txt'],
        ['just words', 'innocent.svg'],
      ]) {
        const res = await sendFile(closed, alice, content, name, 'text/plain');
        expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 415, code: 'file_type_not_allowed' });
      }
      expect(await closed.sql('SELECT count(*) AS n FROM files')).toEqual(before);
      // Positive control: ordinary text that merely mentions a tag is still text.
      const text = await uploadFile(closed, alice, 'Use <svg> for icons, and <html> for pages.', 'howto.txt');
      expect(text.contentType).toBe('text/plain');
    });
  });

  describe('allowed by FILES_ALLOW_ACTIVE_TYPES=svg,html', () => {
    let open: TestApp;
    let bob: TestUser;
    let carol: TestUser;
    beforeAll(async () => {
      open = await startTestApp({ RUCHE_DATA_DIR: mkdtempSync(join(tmpdir(), 'ruche-active-')), FILES_ALLOW_ACTIVE_TYPES: 'svg,html' });
      [bob, carol] = await registerUsers(open, ['Bob', 'Carol']);
    }, 60_000);
    afterAll(() => open?.close());

    it('when allowed, an SVG is stored as one and always downloaded under the strict sandbox', async () => {
      const file = await uploadFile(open, bob, SVG, 'logo.svg');
      expect(file).toMatchObject({ name: 'logo.svg', contentType: 'image/svg+xml' });
      expect(file.width).toBeUndefined();
      const post = await open.http.post('/api/posts').set('Authorization', bob.auth).send({ body: 'Logo', attachmentIds: [file.id] });
      expect(post.status).toBe(201);
      const [attachment] = post.body.attachments as AttachmentView[];
      // Not an image to the views: no thumbnail, no dimensions (the web app shows a download chip).
      expect(attachment).toEqual({ id: file.id, name: 'logo.svg', size: file.size, contentType: 'image/svg+xml', url: expect.any(String) });

      for (const res of [
        await getBinary(open, `/api/files/${file.id}`, carol),
        await getBinary(open, attachment.url),
      ]) {
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="logo.svg"/);
        expect(res.headers['content-security-policy']).toBe(STRICT_CSP);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect((res.body as Buffer).toString('utf8')).toBe(SVG);
      }
      for (const variant of ['thumbnail', 'web']) {
        expect((await open.http.get(`/api/files/${file.id}/${variant}`).set('Authorization', carol.auth)).status).toBe(404);
      }
    });

    it('when allowed, HTML is downloaded the same way, whatever its name', async () => {
      const named = await uploadFile(open, bob, HTML, 'report.html');
      const sniffed = await uploadFile(open, bob, HTML, 'report.txt');
      for (const file of [named, sniffed]) {
        expect(file.contentType).toBe('text/html');
        const res = await open.http.get(`/api/files/${file.id}`).set('Authorization', bob.auth);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['content-disposition']).toMatch(/^attachment;/);
        expect(res.headers['content-security-policy']).toBe(STRICT_CSP);
      }
      // Ordinary files keep their own policy (raster images inline, with the usual sandbox).
      const text = await uploadFile(open, bob, 'plain', 'plain.txt');
      const res = await open.http.get(`/api/files/${text.id}`).set('Authorization', bob.auth);
      expect(res.headers['content-security-policy']).toContain('sandbox');
      expect(res.headers['content-security-policy']).not.toBe(STRICT_CSP);
    });
  });
});
