import type { Locator, Page } from 'playwright-core';
import { png } from '../factories/file.factory.js';
import { createPost } from '../factories/post.factory.js';
import { registerUser } from '../factories/user.factory.js';
import { expectVisible, postByText, publish, useBrowserHarness, waitLive } from './harness.js';

/**
 * The web app in Debian's Chromium against the real api on a fresh database. Access tokens
 * live 10 s here, so the app rotates its refresh token several times during the run: every
 * test also checks that sessions survive rotation (one refresh in flight, never a spent token).
 */

const h = useBrowserHarness({ ACCESS_TOKEN_TTL_SECONDS: '10' });
const { newPage, scenario, signedInPage } = h;

/** Waits until an uploaded photo (an avatar's image, decorative: no role) has loaded inside `within`. */
async function photoLoaded(within: Locator): Promise<void> {
  const photo = within.locator('img[src*="/avatar?v="]').first();
  await photo.waitFor();
  await photo.evaluate(
    (img) =>
      new Promise<void>((resolve, reject) => {
        const image = img as unknown as { complete: boolean; naturalWidth: number; onload: unknown; onerror: unknown };
        if (image.complete) return image.naturalWidth > 0 ? resolve() : reject(new Error('the photo did not load'));
        image.onload = () => resolve();
        image.onerror = () => reject(new Error('the photo did not load'));
      }),
  );
}

/** The refresh token the app keeps in the page's localStorage (the root tsconfig has no DOM types). */
async function storedRefreshToken(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
    return (JSON.parse(storage.getItem('ruche.session') ?? 'null') as { refreshToken?: string } | null)?.refreshToken;
  });
}

describe('web app (browser)', () => {
  it('registers through the UI with field errors from the api, signs out and signs back in', () =>
    scenario('register-sign-in', async () => {
      const page = await newPage();
      await page.goto('/');
      await page.waitForURL('**/signin');
      await page.getByRole('link', { name: 'Create an account' }).click();

      await page.getByLabel('Full name').fill('Ada Lovelace');
      await page.getByLabel('Work email').fill('ada@corp.example');
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Create account' }).click();
      // The api's 400 message, shown on the field it names; what was typed is kept.
      await page.getByText('Password must be at least 12 characters').waitFor();
      expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('Work email').inputValue()).toBe('ada@corp.example');
      expect(await page.getByLabel('Full name').inputValue()).toBe('Ada Lovelace');

      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expectVisible(page, page.getByRole('textbox', { name: 'Share something with your colleagues' }));
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/signin');

      await page.getByLabel('Work email').fill('ada@corp.example');
      await page.getByLabel('Password').fill('wrong password!');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();

      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expectVisible(page, page.getByRole('textbox', { name: 'Share something with your colleagues' }));
      expect(await page.getByRole('link', { name: /My profile/ }).count()).toBe(1);
    }));

  it('posts, sees the post, and stays signed in across reloads while tokens rotate', () =>
    scenario('post-reload', async () => {
      const author = await registerUser(h.t, { displayName: 'Grace Hopper' });
      const page = await signedInPage(author);

      await publish(page, 'Shipping the compiler today');
      await postByText(page, 'Shipping the compiler today').waitFor();
      expect(await page.getByRole('textbox', { name: 'Share something with your colleagues' }).inputValue()).toBe('');

      const before = await storedRefreshToken(page);
      await page.reload();
      await postByText(page, 'Shipping the compiler today').waitFor();
      expect(page.url()).not.toContain('/signin');

      // Past the 10 s access token lifetime: the app has rotated its refresh token, and still works.
      await page.waitForTimeout(12_000);
      expect(await storedRefreshToken(page)).not.toBe(before);
      await page.reload();
      await postByText(page, 'Shipping the compiler today').waitFor();
      await publish(page, 'Still signed in after a rotation');
      await postByText(page, 'Still signed in after a rotation').waitFor();
      expect(page.url()).not.toContain('/signin');
    }));

  it('shows a followed person’s new post live behind the pill, and syncs reactions and comments live', () =>
    scenario('live', async () => {
      const author = await registerUser(h.t, { displayName: 'Alan Turing' });
      const reader = await registerUser(h.t, { displayName: 'Joan Clarke' });
      const follow = await h.t.http.put(`/api/users/${author.id}/follow`).set('Authorization', reader.auth);
      expect(follow.status).toBe(204);

      const authorPage = await signedInPage(author);
      const readerPage = await signedInPage(reader);
      await waitLive(readerPage);
      await waitLive(authorPage);

      await publish(authorPage, 'Bombe results are in');
      await postByText(authorPage, 'Bombe results are in').waitFor();

      // The reader's page does not jump: a pill offers the new post.
      const pill = readerPage.getByRole('button', { name: '1 new post' });
      await pill.waitFor();
      expect(await postByText(readerPage, 'Bombe results are in').count()).toBe(0);
      await pill.click();
      const readerPost = postByText(readerPage, 'Bombe results are in');
      await readerPost.waitFor();
      expect(await pill.count()).toBe(0);

      // A reaction in one browser updates the count in the other.
      await readerPost.getByRole('button', { name: /^Like/ }).click();
      expect(await readerPost.getByRole('button', { name: /^Like/ }).getAttribute('aria-pressed')).toBe('true');
      const authorPost = postByText(authorPage, 'Bombe results are in');
      await authorPost.getByRole('button', { name: 'Like 1' }).waitFor();

      // A comment too: the author's count follows, and an open thread shows it.
      await authorPost.getByRole('button', { name: '0 comments' }).click();
      await authorPost.getByText('No comments yet. Start the conversation.').waitFor();
      await readerPost.getByRole('button', { name: '0 comments' }).click();
      await readerPost.getByRole('textbox', { name: 'Write a comment' }).fill('Brilliant work');
      await readerPost.getByRole('button', { name: 'Comment', exact: true }).click();
      await readerPost.getByRole('listitem').filter({ hasText: 'Brilliant work' }).waitFor();
      await authorPost.getByRole('listitem').filter({ hasText: 'Brilliant work' }).waitFor();
      await authorPost.getByRole('button', { name: '1 comment' }).waitFor();
    }));

  it('edits and deletes an own post, and a follower sees both live', () =>
    scenario('edit-delete', async () => {
      const author = await registerUser(h.t, { displayName: 'Hedy Lamarr' });
      const reader = await registerUser(h.t, { displayName: 'George Antheil' });
      await h.t.http.put(`/api/users/${author.id}/follow`).set('Authorization', reader.auth).expect(204);
      await createPost(h.t, author, 'Frequency hopping draft');

      const authorPage = await signedInPage(author);
      const readerPage = await signedInPage(reader);
      await waitLive(readerPage);
      await postByText(readerPage, 'Frequency hopping draft').waitFor();

      const mine = postByText(authorPage, 'Frequency hopping draft');
      await mine.getByRole('button', { name: 'Edit' }).click();
      const editor = authorPage.getByRole('textbox', { name: 'Edit your post' });
      await editor.fill('Frequency hopping, final version');
      await authorPage.getByRole('button', { name: 'Save' }).click();
      const edited = postByText(authorPage, 'Frequency hopping, final version');
      await edited.getByText('edited').waitFor();
      await postByText(readerPage, 'Frequency hopping, final version').waitFor();

      await edited.getByRole('button', { name: 'Delete' }).click();
      await edited.getByRole('button', { name: 'Yes, delete' }).click();
      await postByText(authorPage, 'Frequency hopping').waitFor({ state: 'detached' });
      await postByText(readerPage, 'Frequency hopping').waitFor({ state: 'detached' });
    }));

  it('switches the interface to French and keeps the choice', () =>
    scenario('language', async () => {
      const page = await newPage();
      await page.goto('/signin');
      await page.getByRole('heading', { name: 'Sign in to Ruche' }).waitFor();
      await page.getByLabel('Language').selectOption('fr');
      await page.getByRole('heading', { name: 'Se connecter à Ruche' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await page.reload();
      await page.getByLabel('E-mail professionnel').waitFor();
      expect(await page.getByRole('button', { name: 'Se connecter' }).count()).toBe(1);
    }));

  it('shows markup in a post as text, never as HTML', () =>
    scenario('escaping', async () => {
      const author = await registerUser(h.t, { displayName: 'Mallory' });
      const page = await signedInPage(author);
      const markup = '<img src=x onerror=alert(1)> <b>bold?</b>';
      await publish(page, markup);
      const post = postByText(page, '<img src=x onerror=alert(1)>');
      await post.waitFor();
      expect(await post.locator('img').count()).toBe(0);
      expect(await post.locator('b').count()).toBe(0);
      expect(await post.getByText(markup, { exact: true }).count()).toBe(1);
      // Reload (server-rendered list this time) and look again.
      await page.reload();
      await postByText(page, '<img src=x onerror=alert(1)>').waitFor();
      expect(await page.locator('article img').count()).toBe(0);
    }));

  it('edits a profile and lets a colleague follow and endorse a skill', () =>
    scenario('profile', async () => {
      const owner = await registerUser(h.t, { displayName: 'Katherine Johnson' });
      const colleague = await registerUser(h.t, { displayName: 'Dorothy Vaughan' });
      const page = await signedInPage(owner);
      await page.getByRole('link', { name: /My profile/ }).click();
      await page.getByRole('heading', { name: /Katherine Johnson/ }).waitFor();
      await page.getByRole('button', { name: 'Edit my profile' }).click();
      // A photo (#16): uploaded at once, it replaces the initials on the profile (and everywhere else).
      await page.getByLabel('Change photo').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await png(120, 120) });
      await page.getByRole('button', { name: 'Remove photo' }).waitFor();
      await photoLoaded(page.getByRole('main'));
      await page.getByLabel('Job title').fill('Research mathematician');
      await page.getByLabel('Department').fill('Flight Research');
      await page.getByLabel('Add skill').fill('Orbital mechanics');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Research mathematician').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Orbital mechanics' }).waitFor();

      const other = await signedInPage(colleague);
      await other.goto(`/people/${owner.id}`);
      await other.getByRole('heading', { name: /Katherine Johnson/ }).waitFor();
      await photoLoaded(other.getByRole('main'));
      await other.getByRole('button', { name: 'Follow', exact: true }).click();
      await other.getByRole('button', { name: 'Unfollow' }).waitFor();
      await other.getByText('1 follower').waitFor();
      await other.getByRole('button', { name: 'Endorse Orbital mechanics' }).click();
      await other.getByText('1 endorsement').waitFor();
      expect(await other.getByRole('button', { name: 'Endorse Orbital mechanics' }).getAttribute('aria-pressed')).toBe('true');
    }));
});
