import { addMember, createGroup } from '../factories/group.factory.js';
import { postIn } from '../factories/notification.factory.js';
import { updateProfile } from '../factories/people.factory.js';
import { askQuestion } from '../factories/question.factory.js';
import { registerUser } from '../factories/user.factory.js';
import type { Locator } from 'playwright-core';
import { useBrowserHarness } from './harness.js';

/** WCAG contrast ratio of an element's text colour on its background colour (both opaque rgb). */
async function contrast(element: Locator): Promise<number> {
  const [fg, bg] = await element.evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.color, style.backgroundColor];
  });
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * The one search box in the header, in Debian's Chromium against the real api: Enter opens
 * ranked results of every kind with the matched words marked, the filter narrows them, a result
 * opens its item, user text stays text, and a private group's post never shows to a non-member.
 */

const h = useBrowserHarness();
const { scenario, signedInPage } = h;

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

      const page = await signedInPage(reader);
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

      const page = await signedInPage(member);
      await page.keyboard.press('/');
      await page.keyboard.type('dirigeable');
      await page.keyboard.press('Enter');
      const results = page.getByRole('region', { name: 'Search results' });
      await results.getByRole('link', { name: /Le dirigeable décolle vendredi/ }).waitFor();
      await results.getByRole('link', { name: 'Cellule dirigeable' }).click();
      await page.waitForURL(`**/groups/${group.id}**`);
    }));

  it('shows a long post’s title cut between words, its snippet without the title, and a legible chosen filter', () =>
    scenario('search-titles', async () => {
      const author = await registerUser(h.t, { displayName: 'Tania Titles' });
      const firstLine =
        'Le nouveau planning des astreintes zeppelin pour le trimestre prochain est publié sur le portail des équipes techniques de Lyon';
      await postIn(h.t, author, `${firstLine}\nMerci de vérifier vos créneaux avant vendredi.`);

      const page = await signedInPage(author);
      await page.goto('/search?q=zeppelin');
      const results = page.getByRole('region', { name: 'Search results' });
      const result = results.getByRole('listitem').filter({ has: page.getByRole('link', { name: /astreintes zeppelin/ }) });
      const title = (await result.getByRole('heading').textContent())!;
      expect(title.endsWith('…')).toBe(true);
      const shown = title.slice(0, -1);
      // Cut where a word ends: the first line goes on with a space.
      expect(firstLine.startsWith(shown) && firstLine[shown.length] === ' ').toBe(true);
      await result.locator('mark').filter({ hasText: 'zeppelin' }).first().waitFor();
      const snippet = (await result.getByRole('paragraph').last().textContent())!;
      expect(snippet).toContain('Merci de vérifier');
      expect(snippet).not.toContain(shown);

      // The chosen filter chip reads at AA contrast, like the others.
      await page.getByRole('button', { name: 'Posts', exact: true }).click();
      const chosen = page.getByRole('button', { name: 'Posts', exact: true });
      expect(await chosen.getAttribute('aria-pressed')).toBe('true');
      expect(await contrast(chosen)).toBeGreaterThanOrEqual(4.5);
      expect(await contrast(page.getByRole('button', { name: 'People', exact: true }))).toBeGreaterThanOrEqual(4.5);
    }));
});
