import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expectStatus } from '../factories/expect-status.js';
import type { TestUser } from '../factories/user.factory.js';
import { appRoutes, catalogKeys, go, rawKeysIn, seedWorld, settled, visibleWords, type World } from './a11y.js';
import { DESKTOP, PHONE, useBrowserHarness } from './harness.js';

/**
 * WCAG 2.2 AA (#16): axe over every route of the web app, in English and French at desktop width
 * and in English at phone width, with a company that has something on each page. A serious or
 * critical violation fails with its route, rule and element; so does a catalog key shown raw.
 * One browser profile per configuration (signed in, moving inside the app) plus one signed out.
 */

const h = useBrowserHarness();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PUBLIC = new Set(['/signin', '/register', '/sso', '/forgot-password', '/reset-password', '/verify']);

/** A URL with real content for each route pattern of App.tsx (a new route must be added here). */
function urls(w: World): Record<string, string | string[]> {
  const group = `/groups/${w.group.id}`;
  return {
    '/signin': '/signin',
    '/register': '/register',
    '/sso': '/sso',
    '/forgot-password': '/forgot-password',
    '/reset-password': '/reset-password?token=expired',
    '/verify': '/verify?token=expired',
    '/': '/',
    '/discover': '/discover',
    '/people': '/people',
    '/people/:id': `/people/${w.alice.id}`,
    '/people/:id/org': `/people/${w.alice.id}/org`,
    '/groups': '/groups',
    '/groups/new': '/groups/new',
    '/groups/:id': group,
    '/groups/:id/members': `${group}/members`,
    // The private group has Bob's request waiting.
    '/groups/:id/requests': `/groups/${w.privateGroup.id}/requests`,
    '/groups/:id/settings': `${group}/settings`,
    '/groups/:id/reports': `${group}/reports`,
    '/groups/:id/health': `${group}/health`,
    '/groups/:id/helpers': `${group}/helpers`,
    '/campaigns': '/campaigns',
    '/campaigns/new': '/campaigns/new',
    // In review (scores), then open (votes).
    '/campaigns/:id': [`/campaigns/${w.campaign.id}`, `/campaigns/${w.openCampaign.id}`],
    '/ideas/:id': `/ideas/${w.idea.id}`,
    '/posts/:id': `/posts/${w.post.id}`,
    '/announcements': '/announcements',
    '/announcements/:id/receipts': `/announcements/${w.announcement.id}/receipts`,
    '/questions': '/questions',
    '/questions/ask': '/questions/ask',
    '/questions/:id': `/questions/${w.question.id}`,
    '/topics/:topic': `/topics/${w.topic}`,
    '/experts': '/experts',
    '/search': '/search?q=train',
    '/highlights': '/highlights',
    '/welcome': '/welcome',
    '/mentoring': '/mentoring',
    '/training': '/training',
    '/training/manage': '/training/manage',
    '/notifications': '/notifications',
    '/digest': '/digest',
    '/settings/sessions': '/settings/sessions',
    '/manage': '/manage',
    '/manage/queue': '/manage/queue',
    '/manage/audit': '/manage/audit',
    '/manage/settings': '/manage/settings',
    '/manage/users': '/manage/users',
    '/manage/guidelines': '/manage/guidelines',
    '/manage/skills': '/manage/skills',
    '/manage/email': '/manage/email',
    '/manage/invitations': '/manage/invitations',
    '/manage/people-import': '/manage/people-import',
    '/manage/analytics': '/manage/analytics',
    '*': '/no-such-page',
  };
}

/**
 * Colour contrast, axe's slowest rule, runs once (English, desktop): colours come from the same
 * CSS tokens whatever the language or width; the other passes look at names, layout and targets.
 */
const CONFIGS = [
  { name: 'English, desktop', locale: 'en-US', viewport: DESKTOP, loading: 'Loading…', contrast: true },
  { name: 'French, desktop', locale: 'fr-FR', viewport: DESKTOP, loading: 'Chargement…', contrast: false },
  { name: 'English, phone', locale: 'en-US', viewport: PHONE, loading: 'Loading…', contrast: false },
];

/** Signs `user` in with a session of its own, stored as the app stores it (no typing: any language). */
async function signedIn(page: Page, user: TestUser): Promise<void> {
  const login = await h.t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
  expectStatus(login, [200, 201], 'POST /api/auth/login');
  const me = await h.t.http.get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`);
  expectStatus(me, 200, 'GET /api/me');
  const stored = { user: me.body, accessToken: login.body.accessToken, refreshToken: login.body.refreshToken, expiresAt: 0, lifetimeMs: 60_000 };
  await page.goto('/signin');
  await page.evaluate((value) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('ruche.session', value);
  }, JSON.stringify(stored));
  await page.goto('/');
}

/** Each [route, URL] to check, for the routes `which` selects. */
function visits(all: Record<string, string | string[]>, which: (route: string) => boolean): [string, string][] {
  return Object.entries(all)
    .filter(([route]) => which(route))
    .flatMap(([route, url]) => (Array.isArray(url) ? url : [url]).map((u): [string, string] => [route, u]));
}

/** axe's serious and critical findings on the page, one readable line each. */
async function violations(page: Page, where: string, contrast: boolean, whole: boolean): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] });
  if (!contrast) axe = axe.disableRules(['color-contrast']);
  // The layout around the page area is the same on every page: checked once per profile.
  if (!whole) axe = axe.include('#main');
  const result = await axe.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const targets = v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ');
      return `${where}: ${v.id} (${v.impact}, ${v.nodes.length}×) ${v.help} → ${targets}`;
    });
}

describe('accessibility (browser, axe)', () => {
  let world: World;
  const keys = catalogKeys();

  beforeAll(async () => {
    world = await seedWorld(h.t);
  }, 120_000);

  it('knows a URL for every route of the app (a new route must be added to this pass)', () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !(r in urls(world)))).toEqual([]);
    expect(Object.keys(urls(world)).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('finds a catalog key shown raw, and reads nested routes from the router', () => {
    expect(rawKeysIn('Posted by Ada · feed.home.title', keys)).toEqual(['feed.home.title']);
    expect(rawKeysIn('notifications.category.somethingNew and ada@corp.example, report.pdf', keys)).toEqual(['notifications.category.somethingNew']);
    expect(appRoutes('<Route path="/a" element={<A />}><Route index element={<B x={<C></C>} />} /><Route path="b" /></Route>')).toEqual(['/a', '/a/b']);
  });

  it('has no serious or critical violation and no raw key on any page, in English and French and at phone width', () =>
    h.scenario('a11y', async () => {
      // The three configurations run side by side (one browser profile each): a third of the wait.
      const problems = (await Promise.all(CONFIGS.map((config) => checkEveryPage(config)))).flat();
      expect(problems).toEqual([]);
    }),
    // ≈ 3 min on a quiet 2-core machine; far more when it is shared.
    900_000,
  );

  /** Visits every URL in one configuration: signed out for the public pages, then as the admin. */
  async function checkEveryPage({ name, locale, viewport, loading, contrast }: (typeof CONFIGS)[number]): Promise<string[]> {
    const all = urls(world);
    const problems: string[] = [];
    const seen = new Set<Page>();
    const check = async (page: Page, route: string, url: string) => {
      const started = Date.now();
      const ready = await settled(page, loading);
      const where = `[${name}] ${route} (${url})`;
      if (!ready) problems.push(`${where}: never showed a heading (or kept loading) within 10 s`);
      const settledAt = Date.now();
      const whole = !seen.has(page) || (await page.locator('#main').count()) === 0;
      problems.push(...(await violations(page, where, contrast, whole)));
      seen.add(page);
      const raw = rawKeysIn(await visibleWords(page), keys);
      if (raw.length) problems.push(`${where}: raw i18n keys on screen: ${raw.join(', ')}`);
      if (process.env.RUCHE_A11Y_TIMING) console.log(where, settledAt - started, Date.now() - settledAt);
    };

    const visitor = await h.newPage({ locale, viewport });
    await visitor.goto('/signin');
    for (const [route, url] of visits(all, (r) => PUBLIC.has(r))) {
      await go(visitor, url);
      await check(visitor, route, url);
    }

    const page = await h.newPage({ locale, viewport });
    await signedIn(page, world.admin);
    for (const [route, url] of visits(all, (r) => !PUBLIC.has(r))) {
      await go(page, url);
      await check(page, route, url);
    }
    return problems;
  }
});
