import { addMember, createGroup } from '../factories/group.factory.js';
import { postIn } from '../factories/notification.factory.js';
import { updateProfile } from '../factories/people.factory.js';
import { askQuestion } from '../factories/question.factory.js';
import { registerUser } from '../factories/user.factory.js';
import { signIn, useBrowserHarness } from './harness.js';

/**
 * The one search box in the header, in Debian's Chromium against the real api: Enter opens
 * ranked results of every kind with the matched words marked, the filter narrows them, a result
 * opens its item, user text stays text, and a private group's post never shows to a non-member.
 */

const h = useBrowserHarness();
const { newPage, scenario } = h;

describe('one search box (browser)', () => {
  it('finds posts, people and questions from the header, marks the matches, filters by kind and opens a result', () =>
    scenario('search-box', async () => {
      const author = await registerUser(h.t, { displayName: 'Yasmine Author' });
      const reader = await registerUser(h.t, { displayName: 'Rémi Reader' });
      const owner = await registerUser(h.t, { displayName: 'Odile Owner' });
      await updateProfile(h.t, author, { title: 'Spécialiste Hélicoptères', skills: ['Hélicoptère'] });
      await postIn(h.t, author, 'Notre nouvel hélicoptère <img src=x onerror=alert(1)> arrive lundi.');
      await askQuestion(h.t, author, { title: 'Qui pilote l’hélicoptère de la démo ?', topics: ['aviation'] });
      const secret = await createGroup(h.t, owner, { name: 'Projet confidentiel', visibility: 'private' });
      await addMember(h.t, owner, secret.id, author);
      await postIn(h.t, author, 'Hélicoptère furtif : budget secret.', secret.id);

      const page = await newPage();
      await signIn(page, reader);
      const box = page.getByRole('searchbox', { name: 'Search posts, people, groups, ideas and questions' }).first();
      await box.fill('helicoptere');
      await box.press('Enter');
      await page.waitForURL('**/search?q=helicoptere');

      const results = page.getByRole('region', { name: 'Search results' });
      await results.getByRole('link', { name: /Notre nouvel hélicoptère/ }).waitFor();
      await results.getByRole('link', { name: 'Yasmine Author' }).waitFor();
      await results.getByRole('link', { name: /Qui pilote/ }).waitFor();
      // Accents ignored, matched word marked; the markup in the post is shown as text.
      expect(await results.locator('mark').filter({ hasText: /^hélicoptère$/i }).count()).toBeGreaterThan(0);
      await results.getByText('<img src=x onerror=alert(1)>', { exact: false }).first().waitFor();
      expect(await results.locator('img').count()).toBe(0);
      // The private group's post is not for a non-member.
      expect(await results.getByText('furtif').count()).toBe(0);

      await page.getByRole('button', { name: 'People', exact: true }).click();
      await page.waitForURL('**/search?q=helicoptere&type=person');
      await results.getByRole('link', { name: 'Yasmine Author' }).waitFor();
      await page.getByRole('status').filter({ hasText: '1 result' }).waitFor();
      expect(await results.getByRole('link', { name: /Notre nouvel/ }).count()).toBe(0);

      await results.getByRole('link', { name: 'Yasmine Author' }).click();
      await page.waitForURL(`**/people/${author.id}`);
      // The profile's own heading (her posts below carry "Post by Yasmine Author" headings).
      await page.getByRole('heading', { name: 'Yasmine Author', level: 1 }).waitFor();

      // Back to the results, then a query that matches nothing says so.
      await page.goBack();
      await page.waitForURL('**/search?q=helicoptere&type=person');
      const pageBox = page.getByRole('main').getByRole('searchbox');
      await pageBox.fill('zzzqqqxxx');
      await page.getByText('Nothing matches “zzzqqqxxx”.').waitFor();
    }));

  it('a member finds the private group’s post the same way', () =>
    scenario('search-member', async () => {
      const owner = await registerUser(h.t, { displayName: 'Olivier Owner' });
      const member = await registerUser(h.t, { displayName: 'Mila Member' });
      const group = await createGroup(h.t, owner, { name: 'Cellule dirigeable', visibility: 'private' });
      await addMember(h.t, owner, group.id, member);
      await postIn(h.t, owner, 'Le dirigeable décolle vendredi.', group.id);

      const page = await newPage();
      await signIn(page, member);
      await page.keyboard.press('/');
      await page.keyboard.type('dirigeable');
      await page.keyboard.press('Enter');
      const results = page.getByRole('region', { name: 'Search results' });
      await results.getByRole('link', { name: /Le dirigeable décolle vendredi/ }).waitFor();
      await results.getByRole('link', { name: 'Cellule dirigeable' }).click();
      await page.waitForURL(`**/groups/${group.id}**`);
    }));
});
