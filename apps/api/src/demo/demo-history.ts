import type { JsonLogger } from '@ruche/platform';
import { DEMO_GROUPS, DEMO_PEOPLE, PERSON_KEYS, type PersonKey, type ReactionKind } from './demo-company.js';
import {
  COMMENT_POOL,
  HISTORY_ANNOUNCEMENTS,
  HISTORY_CAMPAIGNS,
  HISTORY_POSTS,
  HISTORY_QUESTIONS,
  type HireKey,
  type HistoryCampaign,
  LATER_FOLLOWS,
  NEW_HIRES,
  type NewHire,
  type Who,
} from './demo-history-data.js';

/** How many days the demo company has lived when it is first started: day 0 is six weeks ago. */
export const HISTORY_DAYS = 42;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What the history needs from the seed: its API client, acting as a demo person, and its clock. */
export interface DemoStage {
  call<T = unknown>(method: 'POST' | 'PUT' | 'PATCH', url: string, expected: number, as: Who, payload?: object): Promise<T>;
  /** Signs a new hire up (with the demo password) and fills in their profile. */
  join(key: HireKey, person: NewHire): Promise<void>;
  userId(key: Who): string;
  /** `@{key}` → that person's @handle. */
  withHandles(text: string): string;
  groupId(name: string): string;
  /** What follows happens at that date (see DemoClock). */
  at(date: Date): Promise<void>;
  /** Waits for the listeners (notifications, analytics, search) to catch up. */
  settle(): Promise<void>;
}

/**
 * The demo company's day 0: midnight UTC, `HISTORY_DAYS` days before today. Its last day is
 * yesterday, so the whole history lies before the real seeding (DemoClock needs that).
 */
export function historyOrigin(now: Date): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight - HISTORY_DAYS * DAY);
}

/** A moment of the demo company's life: day `day` (0 = its first), at `hours` past midnight UTC. */
export const demoTime = (origin: Date, day: number, hours: number): Date => new Date(origin.getTime() + day * DAY + hours * HOUR);

/** A small seeded generator (mulberry32): the same history on every first start. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Scene {
  at: Date;
  step: string;
  run: () => Promise<void>;
}

const CRITERIA = [
  { name: 'Impact', weight: 3 },
  { name: 'Feasibility', weight: 2 },
  { name: 'Cost', weight: 1 },
];

const REACTION_KINDS: ReactionKind[] = ['like', 'like', 'like', 'celebrate', 'insightful', 'support'];

/**
 * Weeks 3 to 6 of the demo company (#16), after the first two weeks that demo-seed.ts plays: posts
 * in the feed and in the communities with replies and reactions, questions answered and accepted
 * (and a few still open, routed to the experts), follows, announcements and their readers, and a
 * campaign in every phase. Everything goes through the public API, like the seed, so counts,
 * search, notifications and analytics are the services' own; only the dates are set afterwards
 * (DemoClock). Scenes are played in date order, and the listeners catch up at the end of each day.
 */
export async function playHistory(stage: DemoStage, origin: Date, logger: JsonLogger): Promise<Record<string, number>> {
  const random = seededRandom(16);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const others = (pool: readonly Who[], not: Who, n: number): Who[] => {
    const rest = pool.filter((k) => k !== not);
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rest[i], rest[j]] = [rest[j], rest[i]];
    }
    return rest.slice(0, n);
  };
  const at = (day: number, hours: number) => demoTime(origin, day, hours);
  const scenes: Scene[] = [];
  const scene = (when: Date, step: string, run: () => Promise<void>) => scenes.push({ at: when, step, run });
  const done: Record<string, number> = {};
  const count = (step: string) => (done[step] = (done[step] ?? 0) + 1);

  const hires = Object.entries(NEW_HIRES) as [HireKey, NewHire][];
  for (const [key, person] of hires) {
    const joinedAt = at(person.joinDay, 8.5 + random());
    scene(joinedAt, 'new hires', async () => {
      await stage.join(key, person);
      const colleagues = PERSON_KEYS.filter((k) => k === 'camille' || DEMO_PEOPLE[k].department === person.department);
      for (const k of colleagues) await stage.call('PUT', `/api/users/${stage.userId(k)}/follow`, 204, key);
      for (const name of person.groups) await stage.call('POST', `/api/groups/${stage.groupId(name)}/join`, 200, key);
    });
  }
  /** Who is there on `day` to read a post (in a community: its members). */
  const audienceOn = (day: number, groupName?: string): Who[] => {
    const group = groupName ? DEMO_GROUPS.find((g) => g.name === groupName) : undefined;
    if (groupName && !group) throw new Error(`demo data: no group "${groupName}"`);
    const hired = hires.filter(([, h]) => h.joinDay < day && (!groupName || h.groups.includes(groupName))).map(([k]) => k);
    return [...(group ? [group.owner, ...group.members] : PERSON_KEYS), ...hired];
  };

  for (const post of HISTORY_POSTS) {
    const group = post.group ? DEMO_GROUPS.find((g) => g.name === post.group) : undefined;
    const audience = audienceOn(post.day, post.group);
    const postedAt = at(post.day, 8 + random() * 8);
    let id = '';
    scene(postedAt, 'posts', async () => {
      const payload = { body: stage.withHandles(post.body), ...(group ? { groupId: stage.groupId(group.name) } : {}) };
      ({ id } = await stage.call<{ id: string }>('POST', '/api/posts', 201, post.author, payload));
    });
    let later = postedAt.getTime();
    for (const author of others(audience, post.author, 1 + Math.floor(random() * Math.min(4, audience.length - 1)))) {
      later += (0.3 + random() * 3) * HOUR;
      const body = pick(COMMENT_POOL);
      scene(new Date(later), 'comments', () => stage.call('POST', `/api/posts/${id}/comments`, 201, author, { body }));
    }
    for (const who of others(audience, post.author, 2 + Math.floor(random() * Math.min(6, audience.length - 2)))) {
      const kind = pick(REACTION_KINDS);
      scene(new Date(postedAt.getTime() + (0.1 + random() * 20) * HOUR), 'reactions', () =>
        stage.call('PUT', `/api/posts/${id}/reactions/${kind}`, 200, who),
      );
    }
  }

  for (const question of HISTORY_QUESTIONS) {
    const askedAt = at(question.day, 9 + random() * 6);
    let id = '';
    const answerIds: string[] = [];
    scene(askedAt, 'questions', async () => {
      const { title, body, topics } = question;
      ({ id } = await stage.call<{ id: string }>('POST', '/api/questions', 201, question.asker, { title, body, topics }));
    });
    let later = askedAt.getTime();
    for (const [author, body] of question.answers) {
      later += (0.5 + random() * 4) * HOUR;
      scene(new Date(later), 'answers', async () => {
        answerIds.push((await stage.call<{ id: string }>('POST', `/api/questions/${id}/answers`, 201, author, { body })).id);
      });
    }
    for (const who of question.upvoters ?? []) {
      later += (0.5 + random() * 3) * HOUR;
      scene(new Date(later), 'answer votes', () => stage.call('PUT', `/api/answers/${answerIds[0]}/vote`, 200, who));
    }
    if (question.accepted !== undefined) {
      const accepted = question.accepted;
      scene(new Date(later + (1 + random() * 5) * HOUR), 'accepted answers', () =>
        stage.call('POST', `/api/questions/${id}/accept`, 200, question.asker, { answerId: answerIds[accepted] }),
      );
    }
  }

  for (const [day, follower, followee] of LATER_FOLLOWS) {
    scene(at(day, 11 + random() * 6), 'follows', () =>
      stage.call('PUT', `/api/users/${stage.userId(followee)}/follow`, 204, follower),
    );
  }

  for (const announcement of HISTORY_ANNOUNCEMENTS) {
    const publishedAt = at(announcement.day, 8.5);
    let id = '';
    scene(publishedAt, 'announcements', async () => {
      const { title, body } = announcement;
      ({ id } = await stage.call<{ id: string }>('POST', '/api/announcements', 201, 'camille', { title, body }));
    });
    announcement.acks.forEach((who, i) => {
      scene(new Date(publishedAt.getTime() + (i + 1) * (1 + random() * 3) * HOUR), 'announcement reads', () =>
        stage.call('POST', `/api/announcements/${id}/ack`, 200, who),
      );
    });
  }

  for (const campaign of HISTORY_CAMPAIGNS) campaignScenes(campaign, stage, at, random, scene);

  // Oldest first; scenes at the same moment keep the order they were written in (sort is stable).
  scenes.sort((a, b) => a.at.getTime() - b.at.getTime());
  let day = -1;
  for (const [i, s] of scenes.entries()) {
    const sceneDay = Math.floor((s.at.getTime() - origin.getTime()) / DAY);
    if (sceneDay !== day) {
      // Notifications and analytics of the day are written by listeners after commit: let them
      // finish before the next day begins, so they are dated the same day.
      await stage.settle();
      if (day >= 0) logger.log({ msg: 'demo data', step: 'history', day, scenes: i, total: scenes.length }, 'demo');
      day = sceneDay;
    }
    await stage.at(s.at);
    await s.run();
    count(s.step);
  }
  await stage.settle();
  return done;
}

/** A campaign's life: created, opened, ideas with votes, review, decisions, closing, implementation. */
function campaignScenes(
  campaign: HistoryCampaign,
  stage: DemoStage,
  at: (day: number, hours: number) => Date,
  random: () => number,
  scene: (when: Date, step: string, run: () => Promise<void>) => void,
) {
  const runner: PersonKey = 'priya';
  let id = '';
  const ideaIds: string[] = [];
  const createdDay = (campaign.openDay ?? 40) - 1;
  scene(at(createdDay, 15), 'campaigns', async () => {
    const { title, description, topics, advanceTopN } = campaign;
    const reviewerIds = campaign.reviewers.map((k) => stage.userId(k));
    ({ id } = await stage.call<{ id: string }>('POST', '/api/campaigns', 201, runner, {
      title,
      description,
      topics,
      criteria: CRITERIA,
      reviewerIds,
      advanceTopN,
    }));
  });
  if (campaign.openDay === undefined) return;
  const openDay = campaign.openDay;
  scene(at(openDay, 9), 'campaign phases', () => stage.call('POST', `/api/campaigns/${id}/open`, 200, runner));
  campaign.ideas.forEach((idea, i) => {
    const submittedAt = at(openDay, 10 + i * 11 + random() * 3);
    scene(submittedAt, 'ideas', async () => {
      const { title, body } = idea;
      ideaIds[i] = (await stage.call<{ id: string }>('POST', `/api/campaigns/${id}/ideas`, 201, idea.author, { title, body })).id;
    });
    idea.voters.forEach((voter, j) => {
      const votedAt = new Date(submittedAt.getTime() + (j + 1) * (2 + random() * 6) * HOUR);
      scene(votedAt, 'idea votes', () => stage.call('PUT', `/api/ideas/${ideaIds[i]}/vote`, 200, voter));
    });
    if (idea.comment) {
      const [author, body] = idea.comment;
      scene(new Date(submittedAt.getTime() + 5 * HOUR), 'idea comments', () =>
        stage.call('POST', `/api/ideas/${ideaIds[i]}/comments`, 201, author, { body }),
      );
    }
  });
  if (campaign.advanceDay === undefined) return;
  const advanceDay = campaign.advanceDay;
  scene(at(advanceDay, 10), 'campaign phases', () => stage.call('POST', `/api/campaigns/${id}/advance`, 200, runner));
  campaign.reviewed.forEach((idea, i) => {
    campaign.reviewers.forEach((reviewer, r) => {
      const scores = Object.fromEntries(CRITERIA.map((c) => [c.name, 2 + Math.floor(random() * 4)]));
      scene(at(advanceDay + 1 + r, 9 + i * 2 + random()), 'reviews', () =>
        stage.call('POST', `/api/ideas/${ideaIds[idea]}/reviews`, 201, reviewer, {
          scores,
          comment: scores.Impact >= 4 ? 'Strong impact for the effort; worth a pilot.' : 'Good intent, but the cost is unclear.',
        }),
      );
    });
  });
  if (campaign.closeDay === undefined) return;
  const closeDay = campaign.closeDay;
  campaign.decisions.forEach(([idea, status, rationale], i) => {
    scene(at(closeDay - 1, 14 + i), 'decisions', () =>
      stage.call('POST', `/api/ideas/${ideaIds[idea]}/decision`, 200, runner, { status, rationale }),
    );
  });
  scene(at(closeDay, 10), 'campaign phases', () => stage.call('POST', `/api/campaigns/${id}/close`, 200, runner));
  const work = campaign.implementation;
  if (!work) return;
  const dateOf = (day: number) => at(day, 0).toISOString().slice(0, 10);
  const milestones = (allDone: boolean) => [
    { title: 'Volunteers found', date: dateOf(closeDay + 4), done: true },
    { title: 'First pairs started', date: dateOf(closeDay + 9), done: allDone },
  ];
  scene(at(closeDay + 3, 11), 'implementation', () =>
    stage.call('PATCH', `/api/ideas/${ideaIds[work.idea]}/implementation`, 200, runner, {
      ownerId: stage.userId(work.owner),
      progress: 40,
      milestones: milestones(false),
    }),
  );
  if (!work.implemented) return;
  scene(at(closeDay + 10, 16), 'implementation', async () => {
    await stage.call('PATCH', `/api/ideas/${ideaIds[work.idea]}/implementation`, 200, runner, {
      progress: work.progress,
      milestones: milestones(true),
    });
    await stage.call('POST', `/api/ideas/${ideaIds[work.idea]}/decision`, 200, runner, { status: 'implemented' });
  });
}
