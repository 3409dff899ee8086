import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ensureChromium, launchChromium } from './chromium.js';
import { UI_TIMEOUT } from './harness.js';
import { buildWebApp } from './web-build.js';

/**
 * Opened by an intranet host name over plain http, the web app works: Chromium sees a non-secure,
 * non-localhost origin (localhost and 127.0.0.1 would count as secure and hide the problem), so a
 * stray `upgrade-insecure-requests` would send every script to https and leave a blank page.
 */

const HOST = 'intranet.ruche.test';

describe('web app over plain http by an intranet host name (browser)', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    const executablePath = ensureChromium();
    t = await startTestApp({ RUCHE_WEB_DIR: buildWebApp() });
    browser = await launchChromium(executablePath, [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signInPageOf(app: TestApp): Promise<{ shown: boolean; secure: boolean; failed: string[] }> {
    const port = new URL(app.url).port;
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto(`http://${HOST}:${port}/`);
      const shown = await page
        .getByLabel('Work email')
        .waitFor({ state: 'visible', timeout: UI_TIMEOUT / 3 })
        .then(() => true, () => false);
      const secure = await page.evaluate(() => (globalThis as unknown as { isSecureContext: boolean }).isSecureContext);
      return { shown, secure, failed };
    } finally {
      await context.close();
    }
  }

  it('shows the sign-in page, every asset loaded over http', async () => {
    const { shown, secure, failed } = await signInPageOf(t);
    expect(secure).toBe(false);
    expect(failed).toEqual([]);
    expect(shown).toBe(true);
  });

  it('RUCHE_FORCE_HTTPS=1 (the old header on every request) would leave the same page blank', async () => {
    const forced = await t.startPeer({ RUCHE_FORCE_HTTPS: '1' });
    const { shown, failed } = await signInPageOf(forced);
    expect(shown).toBe(false);
    expect(failed.some((url) => url.startsWith(`https://${HOST}:`))).toBe(true);
  }, 60_000);
});
