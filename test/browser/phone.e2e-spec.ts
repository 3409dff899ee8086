import type { Page } from 'playwright-core';
import { postIn } from '../factories/notification.factory.js';
import { registerUser } from '../factories/user.factory.js';
import { PHONE, signIn, useBrowserHarness } from './harness.js';

/**
 * The web app at phone width (390 px) in Debian's Chromium: the bottom bar holds four
 * destinations and "More" with full labels, the rest wait in the "More" menu (mouse and
 * keyboard), and the header, search included, fits the screen.
 */

const h = useBrowserHarness();
const { newPage, scenario } = h;

/** What overflows the page sideways, and which bar labels are cut (the root tsconfig has no DOM types). */
async function layoutProblems(page: Page): Promise<{ pageWidth: number; viewport: number; cutLabels: string[] }> {
  return page.evaluate(() => {
    interface Box {
      scrollWidth: number;
      clientWidth: number;
      textContent: string | null;
    }
    const doc = (
      globalThis as unknown as {
        document: { documentElement: Box; querySelectorAll(selector: string): Iterable<Box> };
      }
    ).document;
    const labels = Array.from(doc.querySelectorAll('nav[aria-label="Main"] :is(a, button) > span'));
    return {
      pageWidth: doc.documentElement.scrollWidth,
      viewport: doc.documentElement.clientWidth,
      cutLabels: labels.filter((l) => l.clientWidth > 0 && l.scrollWidth > l.clientWidth).map((l) => l.textContent ?? ''),
    };
  });
}

describe('phone layout (browser)', () => {
  it('navigates with the bottom bar and its More menu, and searches from the header', () =>
    scenario('phone-nav', async () => {
      const me = await registerUser(h.t, { displayName: 'Paula Phone' });
      await postIn(h.t, me, 'Le téléphérique rouvre samedi.');

      const page = await newPage();
      await page.setViewportSize(PHONE);
      await signIn(page, me);

      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const name of ['Home', 'Groups', 'Ideas', 'Questions']) await nav.getByRole('link', { name }).waitFor();
      const more = nav.getByRole('button', { name: 'More' });
      expect(await more.getAttribute('aria-expanded')).toBe('false');
      // Behind "More", not in the bar.
      expect(await nav.getByRole('link', { name: 'Mentoring' }).count()).toBe(0);
      expect(await layoutProblems(page)).toEqual({ pageWidth: PHONE.width, viewport: PHONE.width, cutLabels: [] });

      await nav.getByRole('link', { name: 'Groups' }).click();
      await page.waitForURL('**/groups');
      await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();

      // Mouse: More opens the menu; Escape closes it and leaves focus on More (Enter reopens it).
      await more.click();
      expect(await more.getAttribute('aria-expanded')).toBe('true');
      await nav.getByRole('link', { name: 'My profile' }).waitFor();
      await page.keyboard.press('Escape');
      expect(await more.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.getByRole('link', { name: 'My profile' }).count()).toBe(0);

      // Keyboard: Enter on More, Tab to Mentoring (after People), Enter follows it and closes the menu.
      await page.keyboard.press('Enter');
      expect(await more.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/mentoring');
      await page.getByRole('heading', { name: 'Mentoring', level: 1 }).waitFor();
      expect(await more.getAttribute('aria-expanded')).toBe('false');

      await more.click();
      await nav.getByRole('link', { name: 'My profile' }).click();
      await page.waitForURL(`**/people/${me.id}`);
      await page.getByRole('heading', { level: 1, name: /Paula Phone/ }).waitFor();
      expect(await nav.getByRole('link', { name: 'My profile' }).count()).toBe(0);

      // Sign out waits in the More menu too (the top bar has no room for it).
      expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
      await more.click();
      await nav.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.keyboard.press('Escape');

      // The header's search: a button opens the box over the top bar; Escape closes it (focus back on the button).
      const header = page.getByRole('banner');
      const openSearch = header.getByRole('button', { name: 'Search', exact: true });
      const box = header.getByRole('searchbox', { name: 'Search posts, people, groups, ideas and questions' });
      expect(await box.isVisible()).toBe(false);
      await openSearch.click();
      expect(await openSearch.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.type('nothing');
      expect(await box.inputValue()).toBe('nothing');
      await page.keyboard.press('Escape');
      expect(await box.isVisible()).toBe(false);
      await page.keyboard.press('Enter');
      expect(await openSearch.getAttribute('aria-expanded')).toBe('true');
      await box.fill('telepherique');
      await box.press('Enter');
      await page.waitForURL('**/search?q=telepherique');
      const results = page.getByRole('region', { name: 'Search results' });
      await results.getByRole('link', { name: /Le téléphérique rouvre samedi/ }).waitFor();
      expect(await box.isVisible()).toBe(false);
      expect(await layoutProblems(page)).toEqual({ pageWidth: PHONE.width, viewport: PHONE.width, cutLabels: [] });
    }));
});
