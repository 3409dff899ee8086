import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { type JsonLogger, OutboxPublisher } from '@ruche/platform';
import {
  CROSS_FOLLOWS,
  DEMO_CAMPAIGN,
  DEMO_GROUPS,
  DEMO_PEOPLE,
  DEMO_POSTS,
  type DemoPerson,
  ENDORSEMENTS,
  PERSON_KEYS,
  type PersonKey,
} from './demo-company.js';
import { DemoClock } from './demo-clock.js';
import { demoTime, historyOrigin, playHistory } from './demo-history.js';

export interface DemoLogin {
  email: string;
  password: string;
  roles: string;
}

/** One password for every demo account, printed by `npm start`. */
export const DEMO_PASSWORD = 'ruche-demo-2026';

const SEED_LOCK = 'ruche.demo-seed';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Member {
  key: string;
  email: string;
  id: string;
  handle: string;
  roles: string[];
  token: string;
}

/** Where the listening api can be reached from this process. */
function baseUrl(app: INestApplication): string {
  const address = (app.getHttpServer() as Server).address();
  if (!address || typeof address === 'string') throw new Error('demo data: the api must be listening before it is seeded');
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/**
 * Calls the public HTTP API of the running server, as a real client does: validation, guards,
 * permissions, events and rate limits all apply. (Fastify's inject would avoid the socket, but its
 * light-my-request loads the ESM-only `cookie` package with require(), which jest cannot do on
 * Node 20, so the seed could not be tested.) Any unexpected status is an error naming the call:
 * a missing or changed endpoint is never skipped silently.
 */
class DemoClient {
  constructor(private readonly base: string) {}

  async call<T = unknown>(method: Method, url: string, expected: number, as?: Member, payload?: object): Promise<T> {
    const send = () => {
      const headers: Record<string, string> = {};
      if (as) headers.authorization = `Bearer ${as.token}`;
      if (payload) headers['content-type'] = 'application/json';
      return fetch(this.base + url, { method, headers, body: payload ? JSON.stringify(payload) : undefined });
    };
    let res = await send();
    if (res.status === 401 && as && expected !== 401) {
      // The seeding takes a minute or two: with a short ACCESS_TOKEN_TTL_SECONDS a token runs out.
      await res.text();
      as.token = (
        await this.call<{ accessToken: string }>('POST', '/api/auth/login', 200, undefined, {
          email: as.email,
          password: DEMO_PASSWORD,
        })
      ).accessToken;
      res = await send();
    }
    const body = await res.text();
    if (res.status !== expected) {
      const who = as ? ` as ${as.key}` : '';
      const hint =
        res.status === 404 && /Cannot (GET|POST|PUT|PATCH|DELETE)/.test(body)
          ? ' (is the endpoint implemented? see API.md)'
          : res.status === 429
            ? ' (RUCHE_RATE_LIMIT is below what seeding needs: raise it, or 0, for the first start)'
            : '';
      throw new Error(
        `demo data: ${method} ${url}${who} answered ${res.status}, expected ${expected}${hint}: ${body.slice(0, 500)}`,
      );
    }
    return (body ? JSON.parse(body) : undefined) as T;
  }
}

/** `@{key}` in demo text becomes that person's real @handle (handles are derived by identity). */
function withHandles(text: string, members: Map<string, Member>): string {
  return text.replace(/@\{(\w+)\}/g, (_, key: string) => {
    const member = members.get(key);
    if (!member) throw new Error(`demo data: unknown person "${key}" mentioned in "${text.slice(0, 60)}"`);
    return `@${member.handle}`;
  });
}

function follows(): [PersonKey, PersonKey][] {
  const pairs = new Map<string, [PersonKey, PersonKey]>();
  const add = (a: PersonKey, b: PersonKey) => {
    if (a !== b) pairs.set(`${a}>${b}`, [a, b]);
  };
  for (const a of PERSON_KEYS) {
    add(a, 'camille');
    for (const b of PERSON_KEYS) {
      const pa: DemoPerson = DEMO_PEOPLE[a];
      const pb: DemoPerson = DEMO_PEOPLE[b];
      if (pa.department === pb.department) add(a, b);
    }
  }
  for (const [a, b] of CROSS_FOLLOWS) add(a, b);
  return [...pairs.values()];
}

/** Signs a demo person up with the shared password; answers them signed in. */
async function register(api: DemoClient, key: string, person: DemoPerson): Promise<Member> {
  const session = await api.call<{ user: { id: string; handle: string; roles: string[] }; accessToken: string }>(
    'POST',
    '/api/auth/register',
    201,
    undefined,
    { email: person.email, password: DEMO_PASSWORD, displayName: person.displayName },
  );
  return {
    key,
    email: person.email,
    id: session.user.id,
    handle: session.user.handle,
    roles: session.user.roles,
    token: session.accessToken,
  };
}

const displayRoles = (roles: string[]) => roles.filter((r) => r !== 'employee').join(', ') || 'employee';

/** What the history step (demo-history.ts) builds on. */
interface Seeded {
  logins: DemoLogin[];
  members: Map<string, Member>;
  groupIds: Map<string, string>;
}

const MINUTE = 60_000;
/** How long the open campaign still runs after the first start. */
const CAMPAIGN_DAYS_LEFT = 12;

/**
 * Creates the "Ruche demo" company when the database has no users at all, and returns the logins
 * to print. A database with any account is left untouched, so restarts and real data are safe.
 *
 * Two steps, both through the public API: the company's first two weeks (below), then four more
 * weeks of history (demo-history.ts). Last, and for the demo only, one SQL transaction moves every
 * date written meanwhile six weeks back (DemoClock), so the screens and analytics show weeks of
 * life rather than one minute.
 */
export async function seedDemoIfEmpty(app: INestApplication, logger: JsonLogger): Promise<DemoLogin[]> {
  // The only direct read: identity has no public "is anyone registered?" endpoint. A session
  // advisory lock makes concurrent starts on one database seed at most once.
  const runner = app.get(DataSource).createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [SEED_LOCK]);
    const [{ present }] = await runner.query('SELECT EXISTS (SELECT 1 FROM users) AS present');
    if (present) {
      logger.log({ msg: 'demo data skipped: the database already has users' }, 'demo');
      return [];
    }
    const started = Date.now();
    const db = app.get(DataSource);
    const clock = new DemoClock(db);
    const origin = historyOrigin(new Date());
    const api = new DemoClient(baseUrl(app));
    const { logins, members, groupIds } = await seed(api, logger, clock, origin);
    const member = (key: string) => members.get(key)!;
    const history = await playHistory(
      {
        call: (method, url, expected, as, payload) => api.call(method, url, expected, member(as), payload),
        join: async (key, person) => {
          members.set(key, await register(api, key, person));
          const { title, department, location, bio, skills } = person;
          await api.call('PATCH', '/api/me', 200, member(key), { title, department, location, bio, skills });
        },
        userId: (key) => member(key).id,
        withHandles: (text) => withHandles(text, members),
        groupId: (name) => groupIds.get(name)!,
        at: (date) => clock.at(date),
        settle: () => app.get(OutboxPublisher).flush(),
      },
      origin,
      logger,
    );
    logger.log({ msg: 'demo data', step: 'history', ...history }, 'demo');
    const warped = await clock.warp();
    logger.log({ msg: 'demo data', step: 'dates', from: origin.toISOString(), ...warped }, 'demo');
    logger.log({ msg: 'demo data ready', company: 'Ruche demo', people: members.size, ms: Date.now() - started }, 'demo');
    return logins;
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [SEED_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

async function seed(api: DemoClient, logger: JsonLogger, clock: DemoClock, origin: Date): Promise<Seeded> {
  // Day 0 of the company: people sign up; day 1: follows and endorsements; days 2 to 12: the
  // posts; day 13: the communities; day 14: the campaign opens. `at` dates what follows.
  const at = (day: number, hours: number, minutes = 0) =>
    clock.at(new Date(demoTime(origin, day, hours).getTime() + minutes * MINUTE));
  const started = Date.now();
  const postTotal = DEMO_POSTS.length;
  const commentTotal = DEMO_POSTS.reduce((n, p) => n + (p.comments?.length ?? 0), 0);
  const reactionTotal = DEMO_POSTS.reduce(
    (n, p) => n + Object.values(p.reactions ?? {}).reduce((m, who) => m + who.length, 0),
    0,
  );
  const progress = (step: string, done: number, total: number) => logger.log({ msg: 'demo data', step, done, total }, 'demo');

  // People: the first registration becomes the admin (Camille).
  const members = new Map<string, Member>();
  for (const [i, key] of PERSON_KEYS.entries()) {
    const person: DemoPerson = DEMO_PEOPLE[key];
    await at(0, 9, i * 20);
    members.set(key, await register(api, key, person));
  }
  const member = (key: PersonKey) => members.get(key)!;
  const admin = member(PERSON_KEYS[0]);
  if (!admin.roles.includes('admin')) {
    throw new Error(
      `demo data: ${admin.key} should have become admin as the first account, got roles [${admin.roles.join(', ')}]`,
    );
  }
  progress('people', members.size, PERSON_KEYS.length);

  await at(0, 14);
  let done = 0;
  const withRoles = PERSON_KEYS.filter((key) => (DEMO_PEOPLE[key] as DemoPerson).role);
  for (const key of withRoles) {
    const role = (DEMO_PEOPLE[key] as DemoPerson).role!;
    const user = await api.call<{ roles: string[] }>('PUT', `/api/admin/users/${member(key).id}/roles`, 200, admin, {
      roles: [role],
    });
    member(key).roles = user.roles;
    done++;
  }
  progress('roles', done, withRoles.length);

  done = 0;
  for (const key of PERSON_KEYS) {
    const { title, department, location, bio, skills }: DemoPerson = DEMO_PEOPLE[key];
    await api.call('PATCH', '/api/me', 200, member(key), { title, department, location, bio, skills });
    done++;
  }
  progress('profiles', done, PERSON_KEYS.length);

  const followPairs = follows();
  done = 0;
  for (const [a, b] of followPairs) {
    await at(1, 9, done * 6);
    await api.call('PUT', `/api/users/${member(b).id}/follow`, 204, member(a));
    done++;
  }
  progress('follows', done, followPairs.length);

  done = 0;
  for (const [by, of, skill] of ENDORSEMENTS) {
    await at(1, 17, done * 9);
    await api.call('PUT', `/api/users/${member(of).id}/skills/${encodeURIComponent(skill)}/endorsement`, 204, member(by));
    done++;
  }
  progress('endorsements', done, ENDORSEMENTS.length);

  let comments = 0;
  let reactions = 0;
  for (const [i, post] of DEMO_POSTS.entries()) {
    let minutes = 0;
    await at(2 + Math.floor((i * 11) / postTotal), 9 + (i % 3) * 4);
    const created = await api.call<{ id: string }>('POST', '/api/posts', 201, member(post.author), {
      body: withHandles(post.body, members),
    });
    for (const [author, body] of post.comments ?? []) {
      await at(2 + Math.floor((i * 11) / postTotal), 9 + (i % 3) * 4, (minutes += 35));
      await api.call('POST', `/api/posts/${created.id}/comments`, 201, member(author), { body: withHandles(body, members) });
      comments++;
    }
    for (const [kind, who] of Object.entries(post.reactions ?? {})) {
      for (const key of who) {
        await at(2 + Math.floor((i * 11) / postTotal), 9 + (i % 3) * 4, (minutes += 9));
        await api.call('PUT', `/api/posts/${created.id}/reactions/${kind}`, 200, member(key));
        reactions++;
      }
    }
    if ((i + 1) % 5 === 0 || i + 1 === postTotal) progress('posts', i + 1, postTotal);
  }
  progress('comments', comments, commentTotal);
  progress('reactions', reactions, reactionTotal);

  const groupIds = new Map<string, string>();
  for (const [i, group] of DEMO_GROUPS.entries()) {
    const owner = member(group.owner);
    await at(13, 9 + i * 3);
    const created = await api.call<{ id: string }>('POST', '/api/groups', 201, owner, {
      name: group.name,
      description: group.description,
      visibility: group.visibility,
    });
    groupIds.set(group.name, created.id);
    for (const [j, key] of group.members.entries()) {
      await at(13, 9 + i * 3, 10 + j * 15);
      const joined = await api.call<{ myRole: string }>('POST', `/api/groups/${created.id}/join`, 200, member(key));
      if (joined.myRole === 'pending') {
        await api.call('POST', `/api/groups/${created.id}/requests/${member(key).id}/approve`, 200, owner);
      }
    }
    for (const [j, [author, body]] of group.posts.entries()) {
      await at(13, 10 + i * 3, 30 + j * 40);
      await api.call('POST', '/api/posts', 201, member(author), { body: withHandles(body, members), groupId: created.id });
    }
    progress('groups', i + 1, DEMO_GROUPS.length);
  }

  const campaign = DEMO_CAMPAIGN;
  const runner = member(campaign.runner);
  await at(14, 9);
  const { id: campaignId } = await api.call<{ id: string }>('POST', '/api/campaigns', 201, runner, {
    title: campaign.title,
    description: campaign.description,
    topics: campaign.topics,
    criteria: campaign.criteria,
    reviewerIds: campaign.reviewers.map((key) => member(key).id),
    advanceTopN: campaign.advanceTopN,
    // Really in the future (the dating leaves it be): the open campaign counts down, and advances
    // to review by itself if the demo is still running then.
    closesAt: new Date(Date.now() + CAMPAIGN_DAYS_LEFT * 24 * 60 * MINUTE).toISOString(),
  });
  await api.call('POST', `/api/campaigns/${campaignId}/open`, 200, runner);
  let minutes = 60;
  for (const idea of campaign.ideas) {
    await at(14, 9, (minutes += 90));
    const { id } = await api.call<{ id: string }>('POST', `/api/campaigns/${campaignId}/ideas`, 201, member(idea.author), {
      title: idea.title,
      body: idea.body,
    });
    for (const key of idea.voters) {
      await at(14, 9, (minutes += 25));
      await api.call('PUT', `/api/ideas/${id}/vote`, 200, member(key));
    }
    for (const [author, body] of idea.comments ?? []) {
      await at(14, 9, (minutes += 30));
      await api.call('POST', `/api/ideas/${id}/comments`, 201, member(author), { body });
    }
  }
  progress('campaign', campaign.ideas.length, campaign.ideas.length);

  logger.log(
    {
      msg: 'demo data',
      step: 'first two weeks',
      people: members.size,
      posts: postTotal,
      groups: DEMO_GROUPS.length,
      ideas: DEMO_CAMPAIGN.ideas.length,
      ms: Date.now() - started,
    },
    'demo',
  );
  const logins = PERSON_KEYS.map((key) => ({
    email: DEMO_PEOPLE[key].email,
    password: DEMO_PASSWORD,
    roles: displayRoles(member(key).roles),
  }));
  return { logins, members, groupIds };
}
