import { registerModerator } from '../factories/moderation.factory.js';
import { createPost } from '../factories/post.factory.js';
import { registerUser, type TestUser } from '../factories/user.factory.js';
import { postByText, publish, snap, useBrowserHarness, waitLive } from './harness.js';

/**
 * Moderation, administration, questions and notifications in the browser, against the real api:
 * a report reaches the review queue and hiding the post takes it out of another reader's feed
 * live; the "Manage" area exists only for the roles that can use it; a question is answered and
 * the answer accepted across two browsers; a mention lights the bell live.
 */

const h = useBrowserHarness();
const { scenario, signedInPage } = h;

let admin: TestUser;
beforeAll(async () => {
  admin = await registerUser(h.t, { displayName: 'Site Admin' }); // the first account: admin
});

describe('moderation, admin, questions and notifications (browser)', () => {
  it('reports a post, a moderator hides it from the queue, and it leaves another reader’s feed live', () =>
    scenario('moderation-hide', async () => {
      const author = await registerUser(h.t, { displayName: 'Ada Author' });
      const reporter = await registerUser(h.t, { displayName: 'Rita Reporter' });
      const reader = await registerUser(h.t, { displayName: 'Remy Reader' });
      const moderator = await registerModerator(h.t, admin, 'Mo Derator');
      const text = `Buy <b>cheap</b> watches now ${Date.now()}`;
      await createPost(h.t, author, text);

      const readerPage = await signedInPage(reader);
      await readerPage.goto('/discover');
      await postByText(readerPage, text).waitFor();
      await waitLive(readerPage);

      const reporterPage = await signedInPage(reporter);
      await reporterPage.goto('/discover');
      const post = postByText(reporterPage, text);
      await post.getByRole('button', { name: 'Report the post by Ada Author' }).click();
      await post.getByLabel('Why should moderators look at it?').fill('Spam <script>alert(1)</script>');
      await snap(reporterPage, 'report-form');
      await post.getByRole('button', { name: 'Send report' }).click();
      await post.getByText('Reported').waitFor();

      const modPage = await signedInPage(moderator);
      await modPage.getByRole('link', { name: 'Manage', exact: true }).click();
      await modPage.getByRole('heading', { level: 1, name: 'Manage' }).waitFor();
      const item = modPage.getByRole('listitem').filter({ hasText: text });
      await item.getByText('Spam <script>alert(1)</script>').waitFor();
      await snap(modPage, 'review-queue');
      await item.getByRole('radio', { name: /^Hide/ }).check();
      await item.getByLabel('Note (optional)').fill('Advertising is not allowed here.');
      await item.getByRole('button', { name: 'Hide the content' }).click();
      await modPage.getByText('Nothing to review.').waitFor();

      // Gone for the reader without a reload; still there for the moderator, marked.
      await postByText(readerPage, text).waitFor({ state: 'detached' });
      await readerPage.reload();
      await readerPage.getByRole('textbox', { name: 'Share something with your colleagues' }).waitFor();
      expect(await postByText(readerPage, text).count()).toBe(0);
      await modPage.goto('/discover');
      await postByText(modPage, text).getByText('Hidden by moderation').waitFor();
      await modPage.goto('/manage/audit');
      await modPage.getByRole('listitem').filter({ hasText: 'Content hidden' }).first().waitFor();
      await snap(modPage, 'audit-log');
    }), 120_000);

  it('asks a question as one person, answers it as another, and the asker accepts, live', () =>
    scenario('questions', async () => {
      const asker = await registerUser(h.t, { displayName: 'Quinn Asker' });
      const expert = await registerUser(h.t, { displayName: 'Kim Expert' });
      await h.t.http
        .patch('/api/me')
        .set('Authorization', expert.auth)
        .send({ skills: ['Kubernetes'] });

      const askerPage = await signedInPage(asker);
      await askerPage.getByRole('link', { name: 'Questions', exact: true }).click();
      await askerPage.getByRole('link', { name: 'Ask a question' }).click();
      await askerPage.getByLabel('Your question').fill('How do I restart a Kubernetes pod?');
      await askerPage.getByLabel('Add topic').fill('Kubernetes');
      await askerPage.keyboard.press('Enter');
      await askerPage.getByRole('button', { name: 'Ask', exact: true }).click();
      await askerPage.getByText('Your question is asked.').waitFor();
      await askerPage.getByRole('link', { name: 'Kim Expert' }).waitFor();
      await snap(askerPage, 'question-asked');
      await askerPage.getByRole('link', { name: 'Go to the question' }).click();
      await askerPage.getByRole('heading', { level: 1, name: 'How do I restart a Kubernetes pod?' }).waitFor();
      await waitLive(askerPage);
      const questionUrl = askerPage.url();

      const expertPage = await signedInPage(expert);
      await expertPage.goto(new URL(questionUrl).pathname);
      await expertPage.getByRole('button', { name: 'I’m on it' }).click();
      await expertPage.getByRole('button', { name: 'I’m not on it any more' }).waitFor();
      await waitLive(expertPage);
      await expertPage.getByRole('textbox', { name: 'Your answer' }).fill('kubectl rollout restart deployment/<name>');
      await expertPage.getByRole('button', { name: 'Answer', exact: true }).click();
      await expertPage.getByText('kubectl rollout restart deployment/<name>').waitFor();

      // The asker sees it arrive and accepts it; the expert sees the acceptance live.
      await askerPage.getByText('kubectl rollout restart deployment/<name>').waitFor();
      await askerPage.getByRole('button', { name: 'Accept this answer' }).click();
      await askerPage.getByText('Accepted answer').waitFor();
      await expertPage.getByText('Accepted answer').waitFor();
      await snap(askerPage, 'question-page');
    }));

  it('raises the bell count live when someone mentions me', () =>
    scenario('bell', async () => {
      const mentioned = await registerUser(h.t, { displayName: 'Nell Notified' });
      const writer = await registerUser(h.t, { displayName: 'Walt Writer' });
      const page = await signedInPage(mentioned);
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
      await waitLive(page);

      const writerPage = await signedInPage(writer);
      await publish(writerPage, `Thanks @${mentioned.handle} for the help`);
      await postByText(writerPage, 'for the help').waitFor();

      // The bell opens the latest notifications; "See all" leads to the page.
      const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
      await bell.waitFor();
      await bell.click();
      await page.getByRole('link', { name: 'See all notifications' }).click();
      await page.getByRole('link', { name: 'Walt Writer mentioned you in a post' }).waitFor();
      await snap(page, 'notifications');
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    }));
  it('shows "Manage" only to the roles that can use it; an admin gives a role and publishes guidelines', () =>
    scenario('admin-menu', async () => {
      const employee = await registerUser(h.t, { displayName: 'Eve Employee' });
      const page = await signedInPage(employee);
      expect(await page.getByRole('link', { name: 'Manage', exact: true }).count()).toBe(0);
      // Not sent home without a word: the page says which role it needs.
      await page.goto('/manage/users');
      await page.getByRole('heading', { level: 1, name: 'You need the administrator role' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/manage/users');

      const adminPage = await signedInPage(admin);
      await adminPage.getByRole('link', { name: 'Manage', exact: true }).click();
      await adminPage.getByRole('link', { name: 'People and roles' }).click();
      await adminPage.getByLabel('Find a person').fill('Eve Emp');
      await adminPage.getByRole('button', { name: 'Manage Eve Employee' }).click();
      await adminPage.getByRole('checkbox', { name: /^Innovation team/ }).check();
      await adminPage.getByRole('button', { name: 'Save roles' }).click();
      await adminPage.getByRole('status').filter({ hasText: 'Roles of Eve Employee saved.' }).waitFor();
      await expect(
        h.t.http
          .get(`/api/me`)
          .set('Authorization', employee.auth)
          .then((r) => r.body.roles),
      ).resolves.toContain('innovation');
      await snap(adminPage, 'admin-users');

      await adminPage.getByRole('link', { name: 'Guidelines' }).click();
      await adminPage.getByRole('textbox', { name: 'Guidelines' }).fill('Be kind. No <i>spam</i>.');
      await adminPage.getByRole('button', { name: 'Publish new version' }).click();
      // The version line ("Version 1 · just now"), not the screen reader announcement ("Version 1 published.").
      await adminPage.getByText(/^Version 1 ·/).waitFor();

      // Everyone must accept before posting: the composer shows the guidelines, the text is kept.
      await page.goto('/');
      await page.getByText('Be kind. No <i>spam</i>.').waitFor();
      await page.getByRole('textbox', { name: 'Share something with your colleagues' }).fill('My first post');
      await snap(page, 'guidelines-prompt');
      await page.getByRole('button', { name: 'I accept' }).click();
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      await postByText(page, 'My first post').waitFor();
      // The innovation role now shows "Manage" (analytics) after a reload of /api/me.
      await page.reload();
      await page.getByRole('link', { name: 'Manage', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Manage' }).waitFor();
      await page.getByRole('term').filter({ hasText: 'Active people' }).waitFor();
      await snap(page, 'analytics');
    }));
});
