import { updateProfile } from '../factories/people.factory.js';
import { askQuestion } from '../factories/question.factory.js';
import { registerUser } from '../factories/user.factory.js';
import { PHONE, useBrowserHarness, waitLive } from './harness.js';

/**
 * Asking, as issue #16 found it: the asker sees on the question who was asked and, live, who
 * claimed it and who let go of it (in English and French); "Who knows…?" is offered by the header search from any
 * page, and the experts page keeps its query in the address (shared, reloaded).
 */

const h = useBrowserHarness();
const { scenario, signedInPage } = h;

beforeAll(async () => {
  await registerUser(h.t, { displayName: 'Site Admin' }); // the first account: admin
});

describe('asking: who was asked, who is on it, who knows (browser)', () => {
  it(
    'shows the asker, without a reload, who claimed the question and who let go of it, in English and French',
    () =>
      scenario('asker-claim', async () => {
        const asker = await registerUser(h.t, { displayName: 'Quentin Asker' });
        const expert = await registerUser(h.t, { displayName: 'Kira Kubernetes' });
        await updateProfile(h.t, expert, { skills: ['Kubernetes'] });
        await h.t.settle(); // expertise is earned from the skills.updated event
        const question = await askQuestion(h.t, asker, { title: 'How do I drain a Kubernetes node?', topics: ['Kubernetes'] });
        expect(question.routedTo).toEqual([expert.id]);

        const askerPage = await signedInPage(asker);
        await askerPage.goto(`/questions/${question.id}`);
        const asked = askerPage.getByRole('region', { name: 'Who was asked' });
        // Who was asked (WhoWasAsked.test.tsx checks the reasons), then who is on it, live.
        await asked.getByRole('link', { name: 'Kira Kubernetes' }).waitFor();
        await waitLive(askerPage);

        const expertPage = await signedInPage(expert);
        await expertPage.goto(`/questions/${question.id}`);
        await expertPage.getByRole('button', { name: 'I’m on it' }).click();
        await expertPage.getByRole('button', { name: 'I’m not on it any more' }).waitFor();

        const status = asked.getByRole('status').filter({ hasText: 'Being answered by' });
        await status.getByRole('link', { name: 'Kira Kubernetes' }).waitFor();
        await expertPage.getByRole('button', { name: 'I’m not on it any more' }).click();
        await status.waitFor({ state: 'detached' });

        await askerPage.getByLabel('Language').selectOption('fr');
        await askerPage.getByRole('region', { name: 'Qui a été sollicité' }).waitFor();
        await expertPage.getByRole('button', { name: 'I’m on it' }).click();
        await askerPage
          .getByRole('status')
          .filter({ hasText: 'En cours de réponse par' })
          .getByRole('link', { name: 'Kira Kubernetes' })
          .waitFor();
      }),
    120_000,
  );

  it(
    'offers “Who knows…?” from the header on any page and keeps the query in the address',
    () =>
      scenario('who-knows', async () => {
        const viewer = await registerUser(h.t, { displayName: 'Vera Viewer' });
        const expert = await registerUser(h.t, { displayName: 'Paulo Payroll' });
        await updateProfile(h.t, expert, { skills: ['Payroll'] });

        const page = await signedInPage(viewer);
        await page.goto('/groups');
        const box = page.getByRole('searchbox', { name: 'Search posts, people, groups, ideas and questions' });
        await box.fill('payroll');
        // From the keyboard: the offer follows the box.
        await page.keyboard.press('Tab');
        const offer = page.getByRole('link', { name: 'Who knows about “payroll”?' });
        expect(await offer.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.press('Enter');
        await page.waitForURL('**/experts?q=payroll');
        const results = page.getByRole('list', { name: 'Experts, best first' });
        await results.getByRole('link', { name: 'Paulo Payroll' }).waitFor();

        // Shared or reloaded, the address brings the same search back; a new query goes into it.
        await page.reload();
        expect(await page.getByLabel('Topic or skill').inputValue()).toBe('payroll');
        await results.getByRole('link', { name: 'Paulo Payroll' }).waitFor();
        await page.getByLabel('Topic or skill').fill('kubernetes');
        await page.waitForURL('**/experts?q=kubernetes');

        // On a phone the header's search opens over the top bar and offers the same.
        await page.setViewportSize(PHONE);
        await page.goto('/questions');
        await page.getByRole('button', { name: 'Search' }).first().click();
        await page.keyboard.type('payroll');
        await page.getByRole('link', { name: 'Who knows about “payroll”?' }).click();
        await page.waitForURL('**/experts?q=payroll');
        await results.getByRole('link', { name: 'Paulo Payroll' }).waitFor();
      }),
    120_000,
  );
});
