import type { Locator, Page } from 'playwright-core';
import { openCampaign, submitIdea, transition } from '../factories/idea.factory.js';
import { grantRoles } from '../factories/moderation.factory.js';
import { postIn } from '../factories/notification.factory.js';
import { follow } from '../factories/people.factory.js';
import { registerUsers, type TestUser } from '../factories/user.factory.js';
import { go } from './a11y.js';
import { HOME_COMPOSER, PHONE, postByText, useBrowserHarness } from './harness.js';

/**
 * WCAG 2.2 AA for keyboard users (#16): the main flows (post, comment, react, vote, ask, answer,
 * review) with the keyboard alone, each focus stop visibly marked and not hidden under the sticky
 * top bar (2.4.7, 2.4.11); targets of 24 px or spaced (2.5.8); and no motion when it is refused.
 */

const h = useBrowserHarness();
const { scenario } = h;

/** The DOM as far as the page.evaluate bodies below use it (no DOM types in the root tsconfig). */
interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}
interface DomElement<El> {
  tagName: string;
  textContent: string | null;
  parentElement: El | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
}

/** Why the focused element fails WCAG 2.4.7 / 2.4.11, or null. */
async function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    interface El extends DomElement<El> {
      nextElementSibling: El | null;
      contains(other: El): boolean;
      closest(selector: string): (El & { control?: El | null }) | null;
    }
    const w = globalThis as unknown as {
      innerHeight: number;
      innerWidth: number;
      document: { activeElement: El | null; body: El; elementFromPoint(x: number, y: number): El | null };
      getComputedStyle(el: El): { outlineStyle: string; outlineWidth: string; boxShadow: string; opacity: string };
    };
    const el = w.document.activeElement;
    if (!el || el === w.document.body) return null;
    const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}"`;
    // The ring is on the element, or on what draws it (a hidden radio's styled sibling, its label).
    const drawn = [el, el.nextElementSibling, el.parentElement].filter((c): c is El => c !== null);
    const ring = drawn.find((c) => {
      const s = w.getComputedStyle(c);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    });
    if (!ring) return `${name}: no visible focus indicator`;
    const box = (w.getComputedStyle(el).opacity === '0' ? ring : el).getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 0), w.innerWidth - 1);
    const y = box.top + box.height / 2;
    if (y < 0 || y > w.innerHeight) return `${name}: focused off screen (centre at y=${Math.round(y)})`;
    const hit = w.document.elementFromPoint(x, y);
    if (!hit || hit === el || el.contains(hit) || hit.closest('label')?.control === el || ring.contains(hit)) return null;
    const cover = hit.closest('header, nav') ?? hit;
    return `${name}: hidden under ${cover.tagName.toLowerCase()} (centre at y=${Math.round(y)})`;
  });
}

async function isFocused(target: Locator): Promise<boolean> {
  return target
    .first()
    .evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)
    .catch(() => false);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking every stop on the way: the
 * way a keyboard user gets there, and each place they pass must show where they are.
 */
async function tabTo(
  page: Page,
  target: Locator,
  problems: string[],
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  max = 120,
): Promise<void> {
  await target.first().waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const problem = await focusProblem(page);
    if (problem) problems.push(problem);
    if (await isFocused(target)) return;
  }
  throw new Error(`${key} never reached ${target.toString()} in ${max} stops`);
}

/** Signs in with the keyboard: the first Tab stops are the sign-in form's fields. */
async function signInByKeyboard(page: Page, user: TestUser, problems: string[]): Promise<void> {
  await page.goto('/signin');
  await tabTo(page, page.getByLabel('Work email'), problems);
  await page.keyboard.type(user.email);
  await tabTo(page, page.getByLabel('Password'), problems);
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: HOME_COMPOSER }).waitFor();
}

describe('keyboard and motion (browser)', () => {
  let admin: TestUser;

  beforeAll(async () => {
    [admin] = await registerUsers(h.t, ['Ada Admin']); // the first account of the database
  });

  it('writes a post, comments on it and reacts to it with the keyboard alone', () =>
    scenario('keyboard-post', async () => {
      const [alice, bob] = await registerUsers(h.t, ['Alice Keys', 'Bob Reader']);
      await follow(h.t, alice, bob);
      // Enough posts under hers that the feed scrolls: coming back up with Shift+Tab must not
      // leave the focus under the sticky top bar.
      for (let i = 1; i <= 8; i++)
        await postIn(h.t, bob, `Older update number ${i} about the quarterly planning and its many moving parts`);
      const page = await h.newPage();
      const problems: string[] = [];
      await signInByKeyboard(page, alice, problems);

      await tabTo(page, page.getByRole('textbox', { name: HOME_COMPOSER }), problems);
      await page.keyboard.type('Typed without a mouse');
      await tabTo(page, page.getByRole('button', { name: 'Post', exact: true }), problems);
      await page.keyboard.press('Enter');
      const post = postByText(page, 'Typed without a mouse');
      await post.waitFor();

      // Down past the older posts to the last one, then back up to the new post's comments.
      const oldest = postByText(page, 'Older update number 1 ');
      await tabTo(page, oldest.getByRole('button', { name: /^Like/ }), problems);
      const comments = post.getByRole('button', { name: '0 comments' });
      await tabTo(page, comments, problems, 'Shift+Tab');
      await page.keyboard.press('Enter');
      const box = post.getByRole('textbox', { name: 'Write a comment' });
      await tabTo(page, box, problems);
      await page.keyboard.type('Commented from the keyboard');
      await tabTo(page, post.getByRole('button', { name: 'Comment', exact: true }), problems);
      await page.keyboard.press('Space');
      await post.getByText('Commented from the keyboard').waitFor();

      const like = post.getByRole('button', { name: /^Like/ });
      await tabTo(page, like, problems, 'Shift+Tab');
      await page.keyboard.press('Space');
      await post.getByRole('button', { name: 'Like 1' }).waitFor();
      expect(await like.getAttribute('aria-pressed')).toBe('true');
      expect(problems).toEqual([]);
    }));

  it('asks a question, and an expert answers it, with the keyboard alone', () =>
    scenario('keyboard-question', async () => {
      const [asker, expert] = await registerUsers(h.t, ['Quentin Asker', 'Erin Expert']);
      const problems: string[] = [];
      const page = await h.newPage();
      await signInByKeyboard(page, asker, problems);
      await go(page, '/questions/ask');
      await tabTo(page, page.getByLabel('Your question'), problems);
      await page.keyboard.type('Which train goes to Lyon before nine?');
      await tabTo(page, page.getByLabel('Details (optional)'), problems);
      await page.keyboard.type('For a client visit on Monday.');
      await tabTo(page, page.getByRole('textbox', { name: 'Add topic' }), problems);
      await page.keyboard.type('travel');
      await page.keyboard.press('Enter');
      await tabTo(page, page.getByRole('button', { name: 'Ask', exact: true }), problems);
      await page.keyboard.press('Enter');
      await page.getByText('Your question is asked.').waitFor();
      await tabTo(page, page.getByRole('link', { name: 'Go to the question' }), problems);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Which train goes to Lyon before nine?' }).waitFor();
      const url = new URL(page.url()).pathname;

      const expertPage = await h.newPage();
      await signInByKeyboard(expertPage, expert, problems);
      await go(expertPage, url);
      await tabTo(expertPage, expertPage.getByRole('textbox', { name: 'Your answer' }), problems);
      await expertPage.keyboard.type('The 7:04 from Gare de Lyon.');
      await tabTo(expertPage, expertPage.getByRole('button', { name: 'Answer', exact: true }), problems);
      await expertPage.keyboard.press('Enter');
      await page.getByText('The 7:04 from Gare de Lyon.').waitFor(); // live on the asker's page too
      expect(problems).toEqual([]);
    }));

  it('votes on an idea, and a reviewer scores one with arrow keys, with the keyboard alone', () =>
    scenario('keyboard-ideas', async () => {
      const [voter, reviewer] = await registerUsers(h.t, ['Victor Voter', 'Rita Reviewer']);
      const manager = await grantRoles(h.t, admin, admin, ['admin', 'innovation']);
      const open = await openCampaign(h.t, manager, [reviewer], { title: 'Greener offices' });
      await submitIdea(h.t, manager, open.id, { title: 'Plants on every floor', body: 'Cleaner air.' });
      const inReview = await openCampaign(h.t, manager, [reviewer], { title: 'Meet better' });
      const idea = await submitIdea(h.t, manager, inReview.id, { title: 'No-meeting Wednesdays', body: 'Time to focus.' });
      await transition(h.t, manager, inReview.id, 'advance');
      const problems: string[] = [];

      const page = await h.newPage();
      await signInByKeyboard(page, voter, problems);
      await go(page, `/campaigns/${open.id}`);
      const vote = page.getByRole('button', { name: /Vote for “Plants on every floor”/ });
      await tabTo(page, vote, problems);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: '1 · Voted for “Plants on every floor”' }).waitFor();

      const panel = await h.newPage();
      await signInByKeyboard(panel, reviewer, problems);
      await go(panel, `/ideas/${idea.id}`);
      // A radio group is one Tab stop; the arrows move the score within it.
      await tabTo(
        panel,
        panel
          .getByRole('group', { name: /^Impact/ })
          .getByRole('radio')
          .first(),
        problems,
      );
      for (let i = 0; i < 3; i++) await panel.keyboard.press('ArrowRight');
      await tabTo(
        panel,
        panel
          .getByRole('group', { name: /^Feasibility/ })
          .getByRole('radio')
          .first(),
        problems,
      );
      await panel.keyboard.press('ArrowRight');
      await tabTo(panel, panel.getByRole('textbox', { name: 'Comment' }), problems);
      await panel.keyboard.type('Cheap to try for a quarter.');
      await tabTo(panel, panel.getByRole('button', { name: 'Send review' }), problems);
      await panel.keyboard.press('Enter');
      // The form gives way to the review once it is saved (the comment's text alone is no sign: a
      // controlled textarea carries what was typed as its text too, and the button's name changes
      // while it sends): then read the scores the arrows chose from the api.
      await panel.getByRole('heading', { name: 'Your review' }).waitFor({ state: 'detached' });
      await panel.getByText('Cheap to try for a quarter.').waitFor();
      const saved = await h.t.http.get(`/api/ideas/${idea.id}`).set('Authorization', reviewer.auth).expect(200);
      expect(saved.body.reviews).toEqual([expect.objectContaining({ scores: { Impact: 4, Feasibility: 2 } })]);
      expect(problems).toEqual([]);
    }));

  it('gives every button, link and field on the main pages 24 px, or room around it (WCAG 2.5.8)', () =>
    scenario('target-size', async () => {
      const [me, colleague] = await registerUsers(h.t, ['Tina Targets', 'Colin Colleague']);
      await follow(h.t, me, colleague);
      await postIn(h.t, colleague, 'A post with its reactions and comments to reach');
      const problems: string[] = [];
      for (const viewport of [undefined, PHONE]) {
        const page = await h.newPage(viewport ? { viewport } : {});
        await signInByKeyboard(page, me, problems);
        for (const url of MAIN_PAGES) {
          await go(page, url);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          problems.push(...(await smallTargets(page)).map((p) => `${viewport ? 'phone' : 'desktop'} ${url}: ${p}`));
        }
      }
      expect(problems).toEqual([]);
    }));

  it('shows no animation or transition to someone who asked for reduced motion', () =>
    scenario('reduced-motion', async () => {
      const [me] = await registerUsers(h.t, ['Mona Motion']);
      await postIn(h.t, me, 'Nothing moves here');
      const problems: string[] = [];
      const calm = await h.newPage({ reducedMotion: 'reduce' });
      await signInByKeyboard(calm, me, problems);
      for (const url of MAIN_PAGES) {
        await go(calm, url);
        await calm.getByRole('heading', { level: 1 }).first().waitFor();
        problems.push(...(await moving(calm)).map((m) => `${url}: ${m}`));
      }
      expect(problems).toEqual([]);
      // The same probe sees the app's transitions when motion is welcome: it can fail.
      const lively = await h.newPage({ reducedMotion: 'no-preference' });
      await signInByKeyboard(lively, me, []);
      expect((await moving(lively)).length).toBeGreaterThan(0);
    }));
});

const MAIN_PAGES = [
  '/',
  '/discover',
  '/groups',
  '/campaigns',
  '/questions',
  '/questions/ask',
  '/people',
  '/notifications',
  '/search?q=post',
];

/** Interactive elements under 24×24 CSS px with another target within their 24 px circle. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    interface El extends DomElement<El> {
      id: string;
      childNodes: Iterable<{ nodeType: number; textContent: string | null }>;
      closest(selector: string): El | null;
    }
    const w = globalThis as unknown as {
      document: { querySelectorAll(s: string): Iterable<El>; querySelector(s: string): El | null };
      getComputedStyle(el: El): { display: string; visibility: string };
      CSS: { escape(s: string): string };
    };
    const all = Array.from(
      w.document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [role=button], [tabindex="0"]'),
    ).filter((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        w.getComputedStyle(el).visibility !== 'hidden' &&
        !el.closest('[aria-hidden=true], .visually-hidden')
      );
    });
    // A radio or checkbox is pressed through its label too: the label is the target.
    const area = (el: El): Box => {
      const box = ['checkbox', 'radio'].includes(el.getAttribute('type') ?? '');
      const label = box
        ? (el.closest('label') ?? (el.id ? w.document.querySelector(`label[for="${w.CSS.escape(el.id)}"]`) : null))
        : null;
      return (label ?? el).getBoundingClientRect();
    };
    const inSentence = (el: El) =>
      el.tagName === 'A' &&
      w.getComputedStyle(el).display === 'inline' &&
      Array.from(el.parentElement?.childNodes ?? []).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
    const boxes = all.map(area);
    const found: string[] = [];
    all.forEach((el, i) => {
      const r = boxes[i];
      if ((r.width >= 24 && r.height >= 24) || inSentence(el)) return;
      // Spacing exception: a 24 px circle on its centre touches no other target.
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const crowded = boxes.some((o, j) => {
        if (j === i) return false;
        const dx = Math.max(o.left - cx, 0, cx - o.right);
        const dy = Math.max(o.top - cy, 0, cy - o.bottom);
        return Math.hypot(dx, dy) < 12;
      });
      if (crowded) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
        found.push(
          `${el.tagName.toLowerCase()} "${name}" is ${Math.round(r.width)}×${Math.round(r.height)} with a neighbour within 12 px`,
        );
      }
    });
    return found;
  });
}

/** Elements with an animation or transition longer than 0.01 s, and whether the CSS honours the preference. */
async function moving(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    interface El {
      tagName: string;
      className: unknown;
    }
    interface Rule {
      conditionText?: string;
      cssRules?: Iterable<Rule>;
    }
    const w = globalThis as unknown as {
      document: { querySelectorAll(s: string): Iterable<El>; styleSheets: Iterable<{ cssRules: Iterable<Rule> }> };
      getComputedStyle(
        el: El,
        pseudo?: string,
      ): { animationName: string; animationDuration: string; transitionProperty: string; transitionDuration: string };
    };
    const longest = (list: string) =>
      Math.max(...list.split(',').map((d) => (d.trim().endsWith('ms') ? parseFloat(d) / 1000 : parseFloat(d) || 0)));
    const found: string[] = [];
    for (const el of Array.from(w.document.querySelectorAll('*'))) {
      for (const pseudo of [undefined, '::before', '::after']) {
        const s = w.getComputedStyle(el, pseudo);
        const what = `${el.tagName.toLowerCase()}.${String(typeof el.className === 'string' ? el.className : '').split(' ')[0]}${pseudo ?? ''}`;
        if (s.animationName !== 'none' && longest(s.animationDuration) > 0.01)
          found.push(`${what} animates for ${s.animationDuration}`);
        if (s.transitionProperty !== 'none' && longest(s.transitionDuration) > 0.01)
          found.push(`${what} transitions for ${s.transitionDuration}`);
      }
    }
    const rules = Array.from(w.document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules));
    if (!rules.some((r) => r.conditionText?.includes('prefers-reduced-motion')))
      found.push('no prefers-reduced-motion rule in the CSS');
    return [...new Set(found)];
  });
}
