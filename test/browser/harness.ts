import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { TestUser } from '../factories/user.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ensureChromium, launchChromium } from './chromium.js';
import { buildWebApp } from './web-build.js';

/**
 * What every browser spec needs: the web app built from the current sources, served by the real
 * api on a fresh database, Debian's Chromium, one isolated context per person, and helpers that
 * drive the UI the way a person does (labels and roles, never CSS selectors).
 */

const RESULTS = join(process.cwd(), 'test-results');
export const UI_TIMEOUT = 15_000;
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface PageOptions {
  locale?: string;
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
}

export interface Harness {
  /** The api under test (set in beforeAll). */
  readonly t: TestApp;
  /** A fresh profile; `options` changes its language, size or motion preference (English desktop by default). */
  newPage(options?: PageOptions): Promise<Page>;
  /** A fresh profile (as newPage) signed in as `user`, on their home feed. */
  signedInPage(user: Pick<TestUser, 'email' | 'password'>, options?: PageOptions): Promise<Page>;
  scenario(name: string, body: () => Promise<void>): Promise<void>;
}

/** Registers the suite's lifecycle hooks; call once at the top of a spec file. */
export function useBrowserHarness(env: Record<string, string> = {}): Harness {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    const executablePath = ensureChromium();
    const webDir = buildWebApp();
    t = await startTestApp({ RUCHE_WEB_DIR: webDir, ...env });
    browser = await launchChromium(executablePath);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
  });

  /** A fresh browser profile (cookies, storage) for one person, in English unless told otherwise. */
  async function newPage(options: PageOptions = {}): Promise<Page> {
    if (!browser || !t) throw new Error('no browser');
    const context = await browser.newContext({ baseURL: t.url, locale: 'en-US', viewport: DESKTOP, ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    // Any alert() would mean user text was run as markup.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => undefined);
    });
    return page;
  }

  return {
    get t() {
      if (!t) throw new Error('the test app is not started');
      return t;
    },

    newPage,

    async signedInPage(user, options) {
      const page = await newPage(options);
      await signIn(page, user);
      return page;
    },

    /** Runs a test body; on failure saves a screenshot of every open page to test-results/. */
    async scenario(name, body) {
      dialogs.length = 0;
      try {
        await body();
        if (dialogs.length) throw new Error(`unexpected dialogs: ${dialogs.join(', ')}`);
      } catch (error) {
        mkdirSync(RESULTS, { recursive: true });
        const pages = contexts.flatMap((c) => c.pages());
        await Promise.all(
          pages.map((p, i) =>
            p.screenshot({ path: join(RESULTS, `${name}-${i + 1}.png`), fullPage: true }).catch(() => undefined),
          ),
        );
        throw error;
      }
    },
  };
}

export async function expectVisible(page: Page, locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
}

/**
 * Waits until a form field holds `value`. A composer clears when its request answers, which may be
 * a moment after the live event already showed what was sent: reading the field at once races it.
 */
export async function waitForValue(field: Locator, value: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT;
  let current = await field.inputValue();
  while (current !== value && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = await field.inputValue();
  }
  expect(current).toBe(value);
}

export const HOME_COMPOSER = 'Share something with your colleagues';

export async function signIn(page: Page, user: Pick<TestUser, 'email' | 'password'>): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Work email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectVisible(page, page.getByRole('textbox', { name: HOME_COMPOSER }));
}

export async function waitLive(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: UI_TIMEOUT });
}

export async function publish(page: Page, text: string, composer = HOME_COMPOSER): Promise<void> {
  await page.getByRole('textbox', { name: composer }).fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
}

export function postByText(page: Page, text: string): Locator {
  return page.getByRole('article').filter({ hasText: text });
}

/**
 * With RUCHE_SCREENSHOTS=1, saves the page at desktop and phone sizes to test-results/screens/
 * for a visual review of the design; otherwise does nothing (and costs nothing).
 */
export async function snap(page: Page, name: string): Promise<void> {
  if (!process.env.RUCHE_SCREENSHOTS) return;
  const dir = join(RESULTS, 'screens');
  mkdirSync(dir, { recursive: true });
  const top = () => page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await top();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await top();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
}
