import type { Page } from 'playwright-core';
import { createGroup } from '../factories/group.factory.js';
import { registerUser } from '../factories/user.factory.js';
import { postByText, publish, snap, useBrowserHarness, waitLive } from './harness.js';

/**
 * The bell's dropdown and a pending request to join a private group, in the browser against the
 * real api: a mention arrives live in the open dropdown, Escape and a click outside close it, mark
 * all read clears the count; a requester sees "Request pending" on the group and in the groups
 * list, and withdraws.
 */

const h = useBrowserHarness();
const { scenario, signedInPage } = h;

beforeAll(async () => {
  await registerUser(h.t, { displayName: 'Site Admin' }); // the first account: admin
});

/** What has the keyboard focus: its text and test id (run in the page; no DOM types here). */
function focused(page: Page): Promise<{ text: string | null; testId: string | null }> {
  return page.evaluate(() => {
    type El = { textContent: string | null; getAttribute(name: string): string | null };
    const el = (globalThis as unknown as { document: { activeElement: El | null } }).document.activeElement;
    return { text: el?.textContent ?? null, testId: el?.getAttribute('data-testid') ?? null };
  });
}

describe('notifications dropdown and pending group requests (browser)', () => {
  it('shows a new mention live in the dropdown; mark all read clears the count', () =>
    scenario('bell-dropdown', async () => {
      const mentioned = await registerUser(h.t, { displayName: 'Nina Notified' });
      const writer = await registerUser(h.t, { displayName: 'Wes Writer' });
      const page = await signedInPage(mentioned);
      await waitLive(page);

      // Closed: a button that says so. Opened: the latest notifications (none yet).
      const bell = page.getByRole('button', { name: 'Notifications', exact: true });
      expect(await bell.getAttribute('aria-expanded')).toBe('false');
      await bell.click();
      expect(await bell.getAttribute('aria-expanded')).toBe('true');
      const panel = page.getByRole('region', { name: 'Latest notifications' });
      await panel.getByText('No notifications yet.').waitFor();

      // A colleague mentions me: it appears in the open dropdown, and the count rises, live.
      const writerPage = await signedInPage(writer);
      await publish(writerPage, `Thanks @${mentioned.handle} for the review`);
      await postByText(writerPage, 'for the review').waitFor();
      const mention = panel.getByRole('link', { name: 'Wes Writer mentioned you in a post' });
      await mention.waitFor();
      const unreadBell = page.getByRole('button', { name: 'Notifications, 1 unread' });
      await unreadBell.waitFor();
      await snap(page, 'bell-dropdown');

      // Escape closes it and gives focus back to the bell.
      await mention.focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await unreadBell.getAttribute('aria-expanded')).toBe('false');
      expect((await focused(page)).testId).toBe('bell');

      // Keyboard: Enter opens, Tab walks through "Mark all read", the item and "See all".
      await page.keyboard.press('Enter');
      await panel.waitFor();
      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe('Mark all read');
      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe('Wes Writer mentioned you in a post');
      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe('See all notifications');

      // A click outside closes it.
      await page.getByRole('main').click({ position: { x: 5, y: 5 } });
      await panel.waitFor({ state: 'detached' });

      // Mark all read clears the count; the item stays, read.
      await unreadBell.click();
      await panel.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
      await panel.getByRole('button', { name: 'Mark all read', disabled: true }).waitFor();
      await mention.waitFor();

      // Its link leads to the post, and closes the dropdown.
      await mention.click();
      await page.getByText(`Thanks @${mentioned.handle} for the review`).waitFor();
      await panel.waitFor({ state: 'detached' });
      expect(new URL(page.url()).pathname).toMatch(/^\/posts\//);

      // "See all" leads to the notifications page.
      await page.getByRole('button', { name: 'Notifications', exact: true }).click();
      await panel.getByRole('link', { name: 'See all notifications' }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    }));

  it('shows a pending requester "Request pending", lists the request, and lets them withdraw it', () =>
    scenario('pending-request', async () => {
      const owner = await registerUser(h.t, { displayName: 'Olive Owner' });
      const asker = await registerUser(h.t, { displayName: 'Abel Asker' });
      const group = await createGroup(h.t, owner, {
        name: 'Moonshot lab',
        description: 'Ideas too early to share',
        guidelines: 'Members only',
        visibility: 'private',
      });

      const page = await signedInPage(asker);
      await page.goto(`/groups/${group.id}`);
      await page.getByRole('heading', { name: 'Group not found or private' }).waitFor();
      await page.getByRole('button', { name: 'Ask to join' }).click();

      // The card shows, with the request; the content does not.
      await page.getByRole('heading', { level: 1, name: 'Moonshot lab' }).waitFor();
      await page.getByText('Request pending', { exact: true }).waitFor();
      await page.getByText('Your request is sent.').waitFor();
      await page.getByText('Ideas too early to share').waitFor();
      expect(await page.getByRole('link', { name: 'Posts', exact: true }).count()).toBe(0);
      expect(await page.getByText('Members only').count()).toBe(0);
      await snap(page, 'group-pending');

      // The groups list shows my pending request.
      await page.getByRole('link', { name: 'Groups', exact: true }).click();
      const requests = page.getByRole('region', { name: 'My pending requests' });
      await requests.getByRole('link', { name: 'Moonshot lab' }).waitFor();

      // Withdraw from the group page: the group is hidden again; the list empties.
      await requests.getByRole('link', { name: 'Moonshot lab' }).click();
      await page.getByRole('button', { name: 'Withdraw my request' }).click();
      await page.getByRole('heading', { name: 'Group not found or private' }).waitFor();
      await page.getByRole('button', { name: 'Ask to join' }).waitFor();
      await page.getByRole('link', { name: 'Back to groups' }).click();
      await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
      // The cached list shows until its refetch lands: wait for it to go, not a count at once.
      await page.getByRole('region', { name: 'My pending requests' }).waitFor({ state: 'detached' });

      // Asking again, then withdrawing from the list.
      await page.goto(`/groups/${group.id}`);
      await page.getByRole('button', { name: 'Ask to join' }).click();
      await page.getByText('Request pending', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'Groups', exact: true }).click();
      await page.getByRole('button', { name: 'Withdraw my request to join Moonshot lab' }).click();
      await page.getByRole('region', { name: 'My pending requests' }).waitFor({ state: 'detached' });
    }));
});
