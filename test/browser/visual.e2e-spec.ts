import type { Locator, Page } from 'playwright-core';
import { expectStatus } from '../factories/expect-status.js';
import { addMember, createGroup } from '../factories/group.factory.js';
import { grantInnovation, openCampaign, submitIdea, vote } from '../factories/idea.factory.js';
import { comment, postIn, react } from '../factories/notification.factory.js';
import { follow, updateProfile } from '../factories/people.factory.js';
import { answerQuestion, askQuestion } from '../factories/question.factory.js';
import { actingAs, registerUser, type TestUser } from '../factories/user.factory.js';
import { DESKTOP, PHONE, postByText, signIn, useBrowserHarness, UI_TIMEOUT } from './harness.js';
import { checkLayout } from './layout-boxes.js';

/**
 * Visual smoke test (#16): the main pages, on a deterministic company seeded through the api, at
 * desktop and phone widths (and the pages with the longest labels in French), must keep the
 * layout boxes of their landmarks and key regions within a tolerance of the committed baselines
 * in test/browser/baselines/, never scroll sideways, and keep everything out from under the
 * header. Screenshots land in test-results/visual/ on every run, for people to look at.
 * After an intended layout change: RUCHE_UPDATE_BASELINES=1 rewrites the baselines (review the
 * screenshots, then commit them).
 */

const h = useBrowserHarness();
const { newPage, scenario } = h;

interface Seed {
  viewer: TestUser;
  bruno: TestUser;
  groupId: string;
  questionId: string;
  campaignId: string;
  ideaId: string;
}
let seed: Seed;

const person = (displayName: string, email: string) => registerUser(h.t, { displayName, email });

beforeAll(async () => {
  const t = h.t;
  // The first account is the admin, who sees every page (analytics and manage included).
  const viewer = await person('Camille Martin', 'camille.martin@visual.example');
  // Someone who has been here a while: the first-run screen (#16) never stands in for the home feed.
  expectStatus(await actingAs(t, viewer).put('/api/me/first-run', { outcome: 'finished' }), 200, 'PUT /api/me/first-run');
  const bruno = await person('Bruno Lefèvre', 'bruno.lefevre@visual.example');
  const aicha = await person('Aïcha Diallo', 'aicha.diallo@visual.example');
  const ines = await grantInnovation(t, viewer, await person('Inès Moreau', 'ines.moreau@visual.example'));
  await updateProfile(t, viewer, { title: 'Head of Engineering', department: 'Engineering', location: 'Paris' });
  await updateProfile(t, bruno, {
    title: 'Facilities coordinator',
    department: 'Operations',
    location: 'Lyon',
    bio: 'Keeps the Lyon office running: rooms, badges and the coffee machine.',
    skills: ['Facilities', 'Event planning', 'Budgeting'],
  });
  await updateProfile(t, aicha, { title: 'Customer care lead', department: 'Customer Care', location: 'Montréal' });
  await follow(t, viewer, bruno);
  await follow(t, viewer, aicha);

  const group = await createGroup(t, bruno, {
    name: 'Lyon office',
    description: 'Everything about the Lyon office: rooms, events, practical information.',
  });
  await addMember(t, bruno, group.id, viewer);
  await addMember(t, bruno, group.id, aicha);
  await postIn(t, bruno, 'The large meeting room on the 3rd floor has a new screen and a camera.', group.id);
  await postIn(t, aicha, 'Who is coming to the Lyon team lunch on Thursday?', group.id);

  const mine = await postIn(t, viewer, 'Our quarterly all-hands moves to the auditorium, Friday at 10:00.');
  await postIn(t, bruno, `The Lyon office reopens on Monday after the works. Thanks @${viewer.handle} for the patience! #lyon`);
  await postIn(t, aicha, 'Customer care answered 1,200 tickets this week with a satisfaction of 94%.');
  await comment(t, aicha, mine.id, 'I will bring the Montréal team on video.');
  await react(t, bruno, mine.id);

  const question = await askQuestion(t, aicha, {
    title: 'How do I book the large meeting room in Lyon?',
    body: 'I need it for a customer workshop next month, for about twenty people.',
    topics: ['facilities', 'lyon'],
  });
  await answerQuestion(t, bruno, question.id, 'Through the room booking page; ask me for anything above 15 people.');

  const campaign = await openCampaign(t, ines, [bruno], {
    title: 'Travel less, meet better',
    description: 'How could we cut our business travel by a third without losing touch with customers?',
    // Half a day past 20 days: the countdown reads "in 20 days" all through the run.
    closesAt: new Date(Date.now() + 20.5 * 86_400_000).toISOString(),
  });
  const idea = await submitIdea(t, bruno, campaign.id, {
    title: 'Video rooms in every office',
    body: 'Equip one room per office with a camera and a good microphone.',
  });
  await submitIdea(t, aicha, campaign.id, { title: 'A shared car-pool board', body: 'One board per office for shared rides.' });
  await vote(t, viewer, idea.id);
  await vote(t, aicha, idea.id);

  seed = { viewer, bruno, groupId: group.id, questionId: question.id, campaignId: campaign.id, ideaId: idea.id };
});

/** A page to check: where it is and what shows once its data has arrived. */
interface Visit {
  name: string;
  path: () => string;
  ready: (page: Page) => Locator;
}

const h1 = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });

const VISITS: Visit[] = [
  { name: 'home', path: () => '/', ready: (page) => postByText(page, 'The Lyon office reopens on Monday') },
  {
    name: 'group',
    path: () => `/groups/${seed.groupId}`,
    ready: (page) => postByText(page, 'Who is coming to the Lyon team lunch'),
  },
  {
    name: 'questions',
    path: () => '/questions',
    ready: (page) => page.getByRole('link', { name: /How do I book the large meeting room/ }),
  },
  {
    name: 'question',
    path: () => `/questions/${seed.questionId}`,
    ready: (page) => page.getByText('Through the room booking page'),
  },
  {
    name: 'campaign',
    path: () => `/campaigns/${seed.campaignId}`,
    ready: (page) => page.getByRole('link', { name: 'A shared car-pool board' }),
  },
  { name: 'idea', path: () => `/ideas/${seed.ideaId}`, ready: h1('Video rooms in every office') },
  {
    name: 'notifications',
    path: () => '/notifications',
    ready: (page) => page.getByText('I will bring the Montréal team on video.'),
  },
  { name: 'profile', path: () => `/people/${seed.bruno.id}`, ready: h1(/Bruno Lefèvre/) },
  { name: 'analytics', path: () => '/manage/analytics', ready: h1(/.+/) },
  { name: 'manage', path: () => '/manage/users', ready: (page) => page.getByRole('searchbox') },
  {
    name: 'search',
    path: () => '/search?q=lyon',
    ready: (page) => page.getByRole('link', { name: /How do I book the large meeting room/ }),
  },
];

/** Opens the page and waits for its data and the live connection (its label sits in the header). */
async function open(page: Page, visit: Visit, online: string): Promise<void> {
  await page.goto(visit.path());
  await visit.ready(page).first().waitFor({ timeout: UI_TIMEOUT });
  await page.getByRole('status').filter({ hasText: online }).waitFor({ timeout: UI_TIMEOUT });
}

/** The page at desktop then phone width (loaded afresh at each width, as a person's device would). */
async function bothWidths(visit: Visit): Promise<string[]> {
  const page = await newPage();
  await signIn(page, seed.viewer);
  await open(page, visit, 'Live');
  const problems = await checkLayout(page, `${visit.name}-desktop`);
  await page.setViewportSize(PHONE);
  await open(page, visit, 'Live');
  problems.push(...(await checkLayout(page, `${visit.name}-phone`)));
  return problems;
}

describe('visual smoke test: layout boxes against the baselines (browser)', () => {
  for (const visit of VISITS) {
    it(`${visit.name} at desktop and phone widths`, () =>
      scenario(`visual-${visit.name}`, async () => {
        expect(await bothWidths(visit)).toEqual([]);
      }));
  }

  it('the home feed and the campaign page in French at desktop width (the longest labels)', () =>
    scenario('visual-french', async () => {
      const page = await newPage();
      await signIn(page, seed.viewer);
      await page.evaluate(() =>
        (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
          'ruche.lang',
          'fr',
        ),
      );
      await page.setViewportSize(DESKTOP);
      const problems: string[] = [];
      for (const name of ['home', 'campaign']) {
        const visit = VISITS.find((v) => v.name === name)!;
        await open(page, visit, 'En direct');
        expect(
          await page.evaluate(
            () => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang,
          ),
        ).toBe('fr');
        problems.push(...(await checkLayout(page, `${name}-desktop-fr`)));
      }
      expect(problems).toEqual([]);
    }));
});
