import type { Locator, Page } from 'playwright-core';
import { grantRoles, registerModerator, report, resolve, setSuspended } from '../factories/moderation.factory.js';
import { createPost } from '../factories/post.factory.js';
import { registerUser, type TestUser } from '../factories/user.factory.js';
import { DESKTOP, PHONE, useBrowserHarness } from './harness.js';

/**
 * The "Manage" area as issue #16 found it: the tab row fits or scrolls with the current tab in
 * view and every tab reachable by keyboard, at desktop and phone sizes; a page someone's roles do
 * not open says which role it needs (in English and French) instead of sending them home; the
 * audit log names people, never an id.
 */

const h = useBrowserHarness();
const { scenario, signedInPage } = h;

const ALL_TABS = [
  'Review queue',
  'Audit log',
  'Moderation settings',
  'People and roles',
  'Sign-up and invitations',
  'Import people',
  'Guidelines',
  'Skill synonyms',
  'Email',
  'Analytics',
];

let admin: TestUser;
beforeAll(async () => {
  admin = await registerUser(h.t, { displayName: 'Site Admin' }); // the first account: admin
});

/** True when `inner` lies entirely inside `outer` and inside the window. */
async function shownWithin(page: Page, inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  const width = page.viewportSize()!.width;
  if (!a || !b) return false;
  return a.x >= b.x - 1 && a.x + a.width <= b.x + b.width + 1 && a.x >= 0 && a.x + a.width <= width;
}

/** Tabs from the first tab on, the names that get the focus, in order. */
async function tabbedThrough(page: Page, tabs: Locator): Promise<string[]> {
  const names: string[] = [];
  await tabs.getByRole('link').first().focus();
  for (let i = 0; i < ALL_TABS.length; i++) {
    const focused = tabs.locator(':focus');
    const name = (await focused.textContent()) ?? '';
    names.push(name);
    expect({ name, shown: await shownWithin(page, focused, tabs) }).toEqual({ name, shown: true });
    await page.keyboard.press('Tab');
  }
  return names;
}

describe('Manage: tabs, roles and names (browser)', () => {
  it(
    'keeps the current tab in view and every tab reachable by keyboard, at 1280 px and on a phone',
    () =>
      scenario('manage-tabs', async () => {
        const both = await grantRoles(h.t, admin, await registerUser(h.t, { displayName: 'Ann Both' }), ['moderator', 'admin']);
        const page = await signedInPage(both);
        for (const size of [DESKTOP, PHONE]) {
          await page.setViewportSize(size);
          for (const [path, name] of [
            ['/manage/analytics', 'Analytics'],
            ['/manage/queue', 'Review queue'],
          ] as const) {
            await page.goto(path);
            const tabs = page.getByRole('navigation', { name: 'Manage sections' });
            const current = tabs.getByRole('link', { name, exact: true });
            await current.waitFor();
            expect(await current.getAttribute('aria-current')).toBe('page');
            expect({ size, path, shown: await shownWithin(page, current, tabs) }).toEqual({ size, path, shown: true });
          }
          const tabs = page.getByRole('navigation', { name: 'Manage sections' });
          expect(await tabbedThrough(page, tabs)).toEqual(ALL_TABS);
        }
      }),
    120_000,
  );

  it('tells an employee, in English and French, which role a page needs, with a way back; the roles that have it see the page', () =>
    scenario('manage-roles', async () => {
      const employee = await registerUser(h.t, { displayName: 'Eli Employee' });
      const moderator = await registerModerator(h.t, admin, 'Mae Moderator');

      const page = await signedInPage(employee);
      await page.goto('/manage/queue');
      await page.getByRole('heading', { level: 1, name: 'You need the moderator role' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/manage/queue');
      await page.goto('/manage');
      await page
        .getByRole('heading', { level: 1, name: /^You need the moderator, administrator,? or innovation team role$/ })
        .waitFor();
      await page.getByRole('link', { name: 'Back to the home feed' }).click();
      await page.getByRole('textbox', { name: 'Share something with your colleagues' }).waitFor();

      await page.getByLabel('Language').selectOption('fr');
      await page.goto('/manage/queue');
      await page.getByRole('heading', { level: 1, name: 'Il vous faut le rôle modérateur' }).waitFor();
      await page.goto('/manage/users');
      await page.getByRole('heading', { level: 1, name: 'Il vous faut le rôle administrateur' }).waitFor();
      await page.getByRole('link', { name: 'Retour au fil d’accueil' }).waitFor();

      // The complaint itself: an admin who is not a moderator opening the review queue.
      const adminPage = await signedInPage(admin);
      await adminPage.goto('/manage/queue');
      await adminPage.getByRole('heading', { level: 1, name: 'You need the moderator role' }).waitFor();
      await adminPage.goto('/manage/audit');
      await adminPage.getByRole('region', { name: 'Audit log' }).waitFor();

      const modPage = await signedInPage(moderator);
      await modPage.goto('/manage/queue');
      await modPage.getByRole('heading', { level: 1, name: 'Manage' }).waitFor();
      await modPage.getByRole('navigation', { name: 'Manage sections' }).getByRole('link', { name: 'Review queue' }).waitFor();
      expect(await modPage.getByText('You need the', { exact: false }).count()).toBe(0);
    }));

  it('names the people in the audit log, never an id', () =>
    scenario('audit-names', async () => {
      const moderator = await registerModerator(h.t, admin, 'Max Moderator');
      const author = await registerUser(h.t, { displayName: 'Ada Author' });
      const reporter = await registerUser(h.t, { displayName: 'Rob Reporter' });
      const suspended = await registerUser(h.t, { displayName: 'Sid Suspended' });
      await setSuspended(h.t, admin, suspended.id, true);
      const post = await createPost(h.t, author, 'Audit me, please');
      await resolve(h.t, moderator, (await report(h.t, reporter, post.id)).id, 'hide', 'Off topic');

      const page = await signedInPage(admin);
      await page.goto('/manage/audit');
      const log = page.getByRole('region', { name: 'Audit log' });
      const hidden = log.getByRole('listitem').filter({ hasText: 'Content hidden' }).first();
      await hidden.getByRole('link', { name: 'Ada Author' }).waitFor();
      await hidden.getByRole('link', { name: 'Max Moderator' }).waitFor();
      expect(await hidden.textContent()).toContain('Post by Ada Author');
      const suspension = log.getByRole('listitem').filter({ hasText: 'Account suspended' }).first();
      await suspension.getByRole('link', { name: 'Sid Suspended' }).waitFor();
      expect(await log.textContent()).not.toMatch(/\b[0-9a-f]{8}\b/);
    }));
});
