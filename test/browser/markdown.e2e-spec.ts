import { registerUser } from '../factories/user.factory.js';
import { useBrowserHarness } from './harness.js';

/**
 * Markdown rendered by the server (#14) is inert in Chromium: a post and a comment made of an XSS
 * corpus are shown on the post's page with their formatting, and nothing in them runs (the harness
 * fails on any dialog; the corpus would also set a global flag), no script, image, SVG or frame
 * lands in the rendered text, and every link in it carries rel="nofollow noopener ugc".
 */

const h = useBrowserHarness();
const { scenario, signedInPage } = h;

const CORPUS = [
  '**bold survives**',
  '<script>alert("script");window.__xss=1</script>',
  '<img src=x onerror="alert(\'img\');window.__xss=1">',
  '[click me](javascript:alert("link"))',
  '[click me too](JaVaScRiPt:window.__xss=1)',
  '<a href="javascript:alert(\'raw\')">raw link</a>',
  '<svg onload="alert(\'svg\')"><script>alert(2)</script></svg>',
  '![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '<noscript><p title="</noscript><img src=x onerror=alert(\'mutation\')>">',
  '<details open ontoggle="alert(\'toggle\')">x</details>',
  'https://example.com/safe',
].join('\n\n');

describe('Markdown in the browser (#14)', () => {
  it('an XSS corpus in a post and a comment is inert in Chromium', () =>
    scenario('markdown-xss', async () => {
      const author = await registerUser(h.t, { displayName: 'Mallory Markup' });
      const reader = await registerUser(h.t, { displayName: 'Rita Reader' });
      const post = await h.t.http.post('/api/posts').set('Authorization', author.auth).send({ body: CORPUS }).expect(201);
      await h.t.http
        .post(`/api/posts/${post.body.id}/comments`)
        .set('Authorization', author.auth)
        .send({ body: CORPUS })
        .expect(201);

      const page = await signedInPage(reader);
      await page.goto(`/posts/${post.body.id}`);
      await page.locator('.markdown strong', { hasText: 'bold survives' }).first().waitFor();
      await page.getByRole('button', { name: '1 comment' }).click();
      await page.locator('.markdown').nth(1).waitFor();
      // Give anything that would fire (onerror, onload, ontoggle) time to do so.
      await page.waitForTimeout(1000);
      const found = await page.evaluate(() => {
        const doc = (
          globalThis as unknown as {
            document: { querySelectorAll(s: string): { length: number } & Iterable<{ getAttribute(n: string): string | null }> };
          }
        ).document;
        const links = [...doc.querySelectorAll('.markdown a')].map((a) => ({
          href: a.getAttribute('href'),
          rel: a.getAttribute('rel'),
        }));
        return {
          blocks: doc.querySelectorAll('.markdown').length,
          dangerous: doc.querySelectorAll(
            '.markdown script, .markdown img, .markdown svg, .markdown iframe, .markdown details, .markdown noscript',
          ).length,
          handlers: doc.querySelectorAll('.markdown [onerror], .markdown [onload], .markdown [ontoggle], .markdown [onclick]')
            .length,
          links,
          flag: (globalThis as unknown as { __xss?: number }).__xss ?? null,
        };
      });
      expect(found.blocks).toBeGreaterThanOrEqual(2);
      expect(found.dangerous).toBe(0);
      expect(found.handlers).toBe(0);
      expect(found.flag).toBeNull();
      expect(found.links.length).toBeGreaterThan(0);
      for (const link of found.links) {
        expect(link.rel).toBe('nofollow noopener ugc');
        expect(link.href ?? '').toMatch(/^(https?:\/\/|\/(?!\/))/);
      }
      // What was written as HTML is shown as text.
      await page.getByText('<script>alert("script");window.__xss=1</script>').first().waitFor();
    }));
});
