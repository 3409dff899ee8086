import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectStatus } from '../factories/expect-status.js';
import { createGroup, joinGroup } from '../factories/group.factory.js';
import { openCampaign, review, submitIdea, transition, vote } from '../factories/idea.factory.js';
import { comment, postIn, react } from '../factories/notification.factory.js';
import { grantRoles } from '../factories/moderation.factory.js';
import { answerQuestion, askQuestion } from '../factories/question.factory.js';
import { actingAs, registerUsers, type TestUser } from '../factories/user.factory.js';
import type { TestApp } from '../support/test-app.js';

/**
 * What the accessibility specs (#16) share: a company with something on every page, the routes of
 * the web app read from its router, the catalog keys (to catch a raw key on screen), and in-page
 * probes for focus, target size and motion. The root tsconfig has no DOM types: the probes cast.
 */

const WEB = join(process.cwd(), 'apps/web/src');

/**
 * Every route pattern of the web app, read from the JSX of App.tsx: nested relative paths are
 * joined to their parent, an index route is its parent's path. Reading the source (rather than a
 * hand-kept list) is what makes a new route fail the accessibility pass until it is given a URL.
 */
export function appRoutes(source = readFileSync(join(WEB, 'App.tsx'), 'utf8')): string[] {
  const routes = new Set<string>();
  const stack: string[] = [];
  const tag = /<Route\b|<\/Route>/g;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    if (m[0] === '</Route>') {
      stack.pop();
      continue;
    }
    // The opening tag ends at the first '>' outside braces (element={<X>…</X>} holds others).
    let depth = 0;
    let end = m.index + m[0].length;
    for (; end < source.length; end++) {
      const c = source[end];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    const open = source.slice(m.index, end + 1);
    const constant = /\bpath=\{(\w+)\}/.exec(open)?.[1];
    const attrs = open.replace(/\{[^]*\}/g, '');
    const path = constant ? pathConstant(source, constant) : /\bpath="([^"]*)"/.exec(attrs)?.[1];
    const parent = stack.findLast((p) => p !== '') ?? '';
    const full = path === undefined ? parent : path.startsWith('/') || path === '*' ? path : `${parent}/${path}`;
    if (path !== undefined || /\bindex\b/.test(attrs)) routes.add(full || '/');
    if (!open.endsWith('/>')) stack.push(path === undefined ? '' : full);
    tag.lastIndex = end;
  }
  return [...routes];
}

/** A route path App.tsx takes from a constant (`path={HIGHLIGHTS}`): read where it is imported from. */
function pathConstant(source: string, name: string): string {
  const from = new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '(\\.[^']+)'`).exec(source)?.[1];
  const file = from && ['.tsx', '.ts'].map((ext) => join(WEB, from + ext)).find((f) => existsSync(f));
  const value = file && new RegExp(`const ${name}\\s*=\\s*'([^']+)'`).exec(readFileSync(file, 'utf8'))?.[1];
  if (!value) throw new Error(`route path ${name} in App.tsx: its value was not found`);
  return value;
}

/** The English catalog's keys (the reference every language matches), read from its files. */
export function catalogKeys(): Set<string> {
  const dir = join(WEB, 'i18n/en');
  const keys = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/^\s*'([a-zA-Z][\w.-]*\.[\w.-]+)':/gm)) keys.add(m[1]);
  }
  return keys;
}

/**
 * Words on screen that are catalog keys, or look like one of a known family (`notification.kind.x`
 * shares `notification.kind` with real keys): what a missing or mistyped dynamic key shows.
 */
export function rawKeysIn(text: string, keys: Set<string>): string[] {
  const families = new Set([...keys].map((k) => k.split('.').slice(0, 2).join('.')));
  const found = new Set<string>();
  for (const [word] of text.matchAll(/\b[a-z][a-zA-Z]*(?:\.[a-zA-Z][\w-]*)+\b/g)) {
    if (keys.has(word) || (word.split('.').length > 2 && families.has(word.split('.').slice(0, 2).join('.')))) found.add(word);
  }
  return [...found];
}

/** What a person sees and what assistive technology reads: text plus labels, placeholders, titles, alt text. */
export async function visibleWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    interface El {
      getAttribute(name: string): string | null;
    }
    const doc = (
      globalThis as unknown as { document: { body: { innerText: string }; title: string; querySelectorAll(s: string): Iterable<El> } }
    ).document;
    const attrs = ['aria-label', 'placeholder', 'title', 'alt', 'aria-description'];
    const labels = Array.from(doc.querySelectorAll(attrs.map((a) => `[${a}]`).join(','))).flatMap((el) =>
      attrs.map((a) => el.getAttribute(a) ?? ''),
    );
    return [doc.title, doc.body.innerText, ...labels].join('\n');
  });
}

/** Moves within the single-page app as a link would (no reload: the session and socket stay). */
export async function go(page: Page, url: string): Promise<void> {
  await page.evaluate((to) => {
    const w = globalThis as unknown as {
      history: { pushState(s: unknown, t: string, u: string): void };
      dispatchEvent(e: unknown): void;
      PopStateEvent: new (type: string) => unknown;
    };
    w.history.pushState({}, '', to);
    w.dispatchEvent(new w.PopStateEvent('popstate'));
  }, url);
}

/**
 * Waits until the page shows its heading and no "Loading…" is left (content, not a timeout).
 * Says whether it did: a page that never settles is still checked, axe reports what it shows.
 */
export async function settled(page: Page, loading: string): Promise<boolean> {
  return page
    .waitForFunction(
      (text) => {
        const doc = (
          globalThis as unknown as {
            document: {
              querySelector(s: string): unknown;
              querySelectorAll(s: string): Iterable<{ textContent: string | null; querySelector(s: string): unknown }>;
            };
          }
        ).document;
        // Loading (ui/bits) shows a spinner beside its text; announcer regions may keep old words.
        const busy = Array.from(doc.querySelectorAll('[role=status]')).some((el) => el.textContent?.includes(text) && el.querySelector('.spinner'));
        return !busy && doc.querySelector('h1') !== null;
      },
      loading,
      { timeout: 10_000, polling: 100 },
    )
    .then(
      () => true,
      () => false,
    );
}

export interface World {
  admin: TestUser;
  alice: TestUser;
  bob: TestUser;
  group: { id: string };
  privateGroup: { id: string };
  post: { id: string };
  question: { id: string };
  campaign: { id: string };
  openCampaign: { id: string };
  idea: { id: string };
  announcement: { id: string };
  topic: string;
}

/**
 * A small company with something on every page, seeded through the api: the first account is the
 * admin (also moderator and innovation manager, so every "Manage" page opens), Alice and Bob are
 * colleagues. Notifications follow from the comments, answers and the report.
 */
export async function seedWorld(t: TestApp): Promise<World> {
  const [first, alice, bob] = await registerUsers(t, ['Ada Admin', 'Alice Martin', 'Bob Durand']);
  const admin = await grantRoles(t, first, first, ['admin', 'moderator', 'innovation']);
  const as = (u: TestUser) => actingAs(t, u);
  expectStatus(await as(admin).patch('/api/me', { title: 'Head of operations', skills: ['Logistics', 'SQL'] }), 200, 'PATCH /api/me');
  expectStatus(await as(alice).patch('/api/me', { title: 'Engineer', skills: ['Go', 'SQL'] }), 200, 'PATCH /api/me');
  expectStatus(await as(admin).put(`/api/users/${alice.id}/follow`), 204, 'follow');

  const group = await createGroup(t, admin, { name: 'Travel tips', description: 'Trips, visas and trains' });
  const privateGroup = await createGroup(t, admin, { name: 'Leadership', description: 'Managers only', visibility: 'private' });
  await joinGroup(t, alice, group.id);
  await joinGroup(t, bob, privateGroup.id); // a pending request, for the requests tab
  await postIn(t, alice, 'Best train to Lyon?', group.id);
  await postIn(t, admin, 'Budget review on Friday', privateGroup.id);

  const post = await postIn(t, admin, 'We moved the offsite to **June**: who is in?');
  await comment(t, alice, post.id, 'Count me in');
  await comment(t, bob, post.id, 'Me too, if the trains run');
  await react(t, alice, post.id);
  await postIn(t, alice, 'Shipping the new search today');
  expectStatus(await as(bob).post('/api/reports', { targetType: 'post', targetId: post.id, reason: 'Spam' }), 201, 'POST /api/reports');

  const topic = 'travel';
  const question = await askQuestion(t, admin, { title: 'How do I book a train abroad?', body: 'For a client visit.', topics: [topic] });
  await answerQuestion(t, alice, question.id, 'Through the travel desk, two weeks ahead.');

  const campaign = await openCampaign(t, admin, [admin], { title: 'Meet better', topics: [topic] });
  const idea = await submitIdea(t, alice, campaign.id, { title: 'No-meeting Wednesdays', body: 'One day a week to focus.' });
  await submitIdea(t, bob, campaign.id, { title: 'Shorter stand-ups', body: 'Ten minutes, standing.' });
  await vote(t, bob, idea.id);
  await transition(t, admin, campaign.id, 'advance'); // reviews are written in the review phase
  await review(t, admin, idea.id, { Impact: 4, Feasibility: 3 });
  const open = await openCampaign(t, admin, [admin], { title: 'Greener offices', topics: [topic] });
  await submitIdea(t, alice, open.id, { title: 'Plants on every floor', body: 'Cleaner air.' });

  const announcement = await as(admin).post('/api/announcements', { title: 'New expense policy', body: 'Please read.' });
  expectStatus(announcement, 201, 'POST /api/announcements');
  expectStatus(await as(alice).post(`/api/announcements/${announcement.body.id}/ack`), 200, 'ack');

  expectStatus(await as(alice).put('/api/me/mentoring', { topics: ['go'], available: true, maxMentees: 2 }), 200, 'PUT /api/me/mentoring');
  const path = await as(admin).post('/api/training/paths', {
    title: 'Welcome aboard',
    audience: 'newcomers',
    steps: [{ kind: 'read', title: 'Read the handbook' }],
  });
  expectStatus(path, 201, 'POST /api/training/paths');
  expectStatus(await as(admin).post(`/api/training/paths/${path.body.id}/publish`), [200, 201], 'publish path');
  expectStatus(await as(admin).put('/api/guidelines', { body: '# Be kind\n\nAssume good intent.' }), 200, 'PUT /api/guidelines');
  await t.settle();
  return { admin, alice, bob, group, privateGroup, post, question, campaign, openCampaign: open, idea, announcement: announcement.body, topic };
}
