import type { Locator, Page } from 'playwright-core';
import { expectStatus } from '../factories/expect-status.js';
import { createGroup } from '../factories/group.factory.js';
import { openCampaign, registerInnovator } from '../factories/idea.factory.js';
import { postIn } from '../factories/notification.factory.js';
import { askQuestion } from '../factories/question.factory.js';
import { actingAs, registerUser, type TestUser } from '../factories/user.factory.js';
import { DESKTOP, PHONE, signIn, useBrowserHarness } from './harness.js';

/**
 * The desk and phone layouts (#16) in Debian's Chromium. At 1280 px: the navigation is a column left
 * of the page (the current section marked), and the rail right of it holds what wants my attention
 * (a trending hashtag from a post I may see, never one from a private group I am not in, an open
 * campaign's deadline, a question routed to me). At phone width nothing scrolls sideways, the
 * navigation is the bottom bar, and the rail's blocks are a page behind "More". English and French.
 */

const h = useBrowserHarness();
const { newPage, scenario } = h;

const QUESTION = 'How do we roll back a Kubernetes deploy?';
const CAMPAIGN = 'Quieter open-plan offices';

/** The page's horizontal extent and the viewport's (the root tsconfig has no DOM types). */
const widths = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } })
      .document.documentElement;
    return { page: root.scrollWidth, viewport: root.clientWidth };
  });

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not laid out');
  return found;
}

describe('desk and phone layout (browser)', () => {
  let me: TestUser;

  beforeAll(async () => {
    const admin = await registerUser(h.t, { displayName: 'Root Admin' });
    me = await registerUser(h.t, { displayName: 'Lena Layout' });
    const author = await registerUser(h.t, { displayName: 'Theo Trend' });
    const insider = await registerUser(h.t, { displayName: 'Iris Insider' });
    const innovator = await registerInnovator(h.t, admin);

    await postIn(h.t, author, 'The #lighthouse project starts Monday.');
    await postIn(h.t, insider, 'Our #lighthouse pilot went well.');
    const hidden = await createGroup(h.t, insider, { name: 'Dock crew', visibility: 'private' });
    await postIn(h.t, insider, 'Plans for the #secretdock move.', hidden.id);
    await postIn(h.t, insider, 'More #secretdock news.', hidden.id);
    await postIn(h.t, insider, 'And #secretdock again.', hidden.id);

    // Questions on Kubernetes are routed to me as a volunteer helper.
    expectStatus(await actingAs(h.t, me).put('/api/topics/Kubernetes/helper', { weeklyCap: 5 }), 200, 'helper');
    await askQuestion(h.t, author, { title: QUESTION, topics: ['Kubernetes'] });
    await openCampaign(h.t, innovator, [admin], {
      title: CAMPAIGN,
      closesAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString(),
    });
    await h.t.settle();
  });

  it('at 1280 px shows the navigation column and the rail beside the page', () =>
    scenario('layout-desk', async () => {
      const page = await newPage();
      await page.setViewportSize(DESKTOP);
      await signIn(page, me);

      const nav = page.getByRole('navigation', { name: 'Main' });
      const main = page.getByRole('main');
      const rail = page.getByRole('complementary', { name: 'Highlights' });
      await rail.waitFor();
      const [navBox, mainBox, railBox] = [await box(nav), await box(main), await box(rail)];
      expect(navBox.x + navBox.width).toBeLessThanOrEqual(mainBox.x);
      expect(mainBox.x + mainBox.width).toBeLessThanOrEqual(railBox.x);
      // A column: Home above Groups, every section shown (none waits behind "More").
      const home = nav.getByRole('link', { name: 'Home', exact: true });
      expect((await box(nav.getByRole('link', { name: 'Groups', exact: true }))).y).toBeGreaterThan((await box(home)).y);
      await nav.getByRole('link', { name: 'Mentoring', exact: true }).waitFor();
      expect(await nav.getByRole('button', { name: 'More' }).count()).toBe(0);
      expect(await home.getAttribute('aria-current')).toBe('page');

      const trending = rail.getByRole('region', { name: 'Trending topics' });
      await trending.getByRole('link', { name: '#lighthouse' }).waitFor();
      await trending.getByText('2 posts').waitFor();
      expect(await page.getByText('#secretdock').count()).toBe(0);
      const deadlines = rail.getByRole('region', { name: 'Campaign deadlines' });
      await deadlines.getByRole('link', { name: CAMPAIGN }).waitFor();
      await deadlines.getByText('Closes in 3 days').waitFor();
      const waiting = rail.getByRole('region', { name: 'Waiting for your expertise' });
      await waiting.getByRole('link', { name: QUESTION }).waitFor();
      await rail.getByRole('region', { name: 'Pinned for you' }).getByText('Nothing pinned for you.').waitFor();

      // A topic opens the search for its hashtag; the rail stays, the current section follows.
      await trending.getByRole('link', { name: '#lighthouse' }).click();
      await page.waitForURL(/\/search\?q=%23lighthouse$/);
      await main.getByText('Our #lighthouse pilot went well.').waitFor();
      await nav.getByRole('link', { name: 'Questions', exact: true }).click();
      await page.waitForURL('**/questions');
      await main.getByRole('heading', { level: 1, name: 'Questions' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Questions', exact: true }).getAttribute('aria-current')).toBe('page');
      expect(await home.getAttribute('aria-current')).toBeNull();
      await rail.getByRole('region', { name: 'Trending topics' }).waitFor();

      await page.getByLabel('Language').selectOption('fr');
      const railFr = page.getByRole('complementary', { name: 'À la une' });
      await railFr.getByRole('region', { name: 'Sujets tendance' }).getByText('2 publications').waitFor();
      await railFr.getByRole('region', { name: 'Échéances des campagnes' }).getByText('Clôture dans 3 jours').waitFor();
      await railFr.getByRole('link', { name: 'Toutes mes questions' }).waitFor();
    }));

  it('below the desk width the rail gives way; at phone width nothing scrolls sideways and the rail is a page behind More', () =>
    scenario('layout-phone', async () => {
      const page = await newPage();
      // Just under the desk width the rail gives way (the bottom bar takes the navigation).
      await page.setViewportSize({ width: 1099, height: 800 });
      await signIn(page, me);
      expect(await page.getByRole('complementary', { name: 'Highlights' }).count()).toBe(0);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).waitFor();
      expect(await widths(page)).toEqual({ page: 1099, viewport: 1099 });

      await page.setViewportSize(PHONE);
      expect(await widths(page)).toEqual({ page: PHONE.width, viewport: PHONE.width });
      expect(await page.getByRole('complementary', { name: 'Highlights' }).count()).toBe(0);

      const nav = page.getByRole('navigation', { name: 'Main' });
      const navBox = await box(nav);
      expect(navBox.y + navBox.height).toBeCloseTo(PHONE.height, 0);
      await nav.getByRole('button', { name: 'More' }).click();
      await nav.getByRole('link', { name: 'Highlights' }).click();
      await page.waitForURL('**/highlights');
      await page.getByRole('heading', { level: 1, name: 'Highlights' }).waitFor();
      const trending = page.getByRole('region', { name: 'Trending topics' });
      await trending.getByRole('link', { name: '#lighthouse' }).waitFor();
      expect(await page.getByText('#secretdock').count()).toBe(0);
      await page.getByRole('region', { name: 'Campaign deadlines' }).getByRole('link', { name: CAMPAIGN }).waitFor();
      await page.getByRole('region', { name: 'Waiting for your expertise' }).getByRole('link', { name: QUESTION }).waitFor();
      expect(await widths(page)).toEqual({ page: PHONE.width, viewport: PHONE.width });
    }));
});
