// Feed load benchmark: 10,000 users, 1,000,000 posts, the home and company feed queries exactly
// as the app runs them. Not part of the test run.
//
//   node bench/feed.bench.mjs                 # DATABASE_URL or postgres://postgres@127.0.0.1:5432/test
//   DATABASE_URL=postgres://... node bench/feed.bench.mjs --fresh --users 10000 --posts 1000000 --runs 200
//
// It works in its own database `ruche_feed_bench` on that server (created if missing, dropped
// first with --fresh), migrated with the project's migrations; seeding is skipped when the data
// is already there, so later runs only measure. Progress goes to stderr, the result (JSON) to
// stdout.
//
// Plain ESM on purpose: Node 20 cannot run TypeScript, so the feed's SQL builders
// (libs/feed/src/post-sql.ts, whose one import, the platform's parameter builder, is mapped to its
// import-free file) and the migrations are transpiled with the project's TypeScript into node_modules/.cache/ruche-bench and imported from there. A page is
// measured as the app builds it: the list query, then mentions, the viewer's reactions and the
// people shown (identity's summaries() is one `WHERE id = ANY` query). The followee ids come
// from PeopleService in the app; here they are drawn at random (the people tables are not the
// feed's), so that one indexed lookup is not part of the numbers.
import { performance } from 'node:perf_hooks';
import { benchOptions, explainPlan, logger, openBenchDatabase, stats, timed, transpile } from './support.mjs';

const args = benchOptions({ users: 10000, posts: 1000000, runs: 200 });
const { users: USERS, posts: POSTS, runs: RUNS } = args;
const PAGE = 20;
const DATABASE = 'ruche_feed_bench';

const log = logger('feed-bench');

const load = transpile(['libs/feed/src/post-sql.ts', 'libs/platform/src/database/rows.ts'], (text) =>
  text.replace(/from '@ruche\/platform'/g, "from '../../platform/src/database/rows.js'"),
);
const { migrations } = await load('migrations/index.js');
const sql = await load('libs/feed/src/post-sql.js');
const { db, count, size, server } = await openBenchDatabase({ name: DATABASE, fresh: args.fresh, migrations, log });

// ---- seed ----------------------------------------------------------------------------------

const seedStarted = performance.now();
let seeded = false;

const haveUsers = await count('users', "handle LIKE 'bench\\_%'");
if (haveUsers < USERS) {
  seeded = true;
  await timed(log, `users: ${USERS - haveUsers} inserted`, () =>
    db.query(
      `INSERT INTO users (email, handle, display_name, password_hash)
       SELECT 'bench_' || g || '@corp.example', 'bench_' || g, 'Bench User ' || g, 'not-a-real-hash'
         FROM generate_series($1::int + 1, $2::int) AS g`,
      [haveUsers, USERS],
    ),
  );
}

const havePosts = await count('posts');
if (havePosts < POSTS) {
  seeded = true;
  // Uniform authors over a year of posts; 5% of posts mention someone.
  const batch = 100_000;
  for (let done = havePosts; done < POSTS; done += batch) {
    const n = Math.min(batch, POSTS - done);
    await timed(log, `posts: ${done + n} / ${POSTS}`, () =>
      db.query(
        `WITH u AS (SELECT array_agg(id) AS ids, count(*)::int AS total FROM users WHERE handle LIKE 'bench\\_%'),
              fresh AS (
                INSERT INTO posts (author_id, body, created_at, updated_at)
                SELECT u.ids[1 + floor(random() * u.total)::int], 'Benchmark post ' || s.g || ': ' || repeat('lorem ipsum ', 1 + (s.g % 20)), s.t, s.t
                  FROM u, (SELECT g, now() - random() * interval '365 days' AS t
                             FROM generate_series($1::int + 1, $1::int + $2::int) AS g) s
                RETURNING id)
         INSERT INTO post_mentions (post_id, user_id)
         SELECT f.id, u.ids[1 + floor(random() * u.total)::int]
           FROM fresh f, u
          WHERE random() < 0.05
         ON CONFLICT DO NOTHING`,
        [done, n],
      ),
    );
  }
}

const haveReactions = await count('post_reactions');
if (haveReactions === 0) {
  seeded = true;
  // Reactions where feeds look: on the newest 50,000 posts, counters kept exact.
  await timed(log, 'reactions: ~200,000 on the newest 50,000 posts', async () => {
    await db.query(
      `WITH recent AS (SELECT id FROM posts WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 50000),
            u AS (SELECT array_agg(id) AS ids, count(*)::int AS total FROM users WHERE handle LIKE 'bench\\_%')
       INSERT INTO post_reactions (post_id, user_id, kind)
       SELECT r.id, u.ids[1 + floor(random() * u.total)::int], (ARRAY['like','celebrate','insightful','support'])[1 + floor(random() * 4)::int]
         FROM recent r, u, generate_series(1, 4)
       ON CONFLICT DO NOTHING`,
    );
    await db.query(
      `UPDATE posts p SET like_count = c.l, celebrate_count = c.c, insightful_count = c.i, support_count = c.s
         FROM (SELECT post_id,
                      count(*) FILTER (WHERE kind = 'like')::int AS l, count(*) FILTER (WHERE kind = 'celebrate')::int AS c,
                      count(*) FILTER (WHERE kind = 'insightful')::int AS i, count(*) FILTER (WHERE kind = 'support')::int AS s
                 FROM post_reactions GROUP BY post_id) c
        WHERE p.id = c.post_id`,
    );
  });
}

if (seeded) {
  await timed(log, 'VACUUM ANALYZE', async () => {
    for (const table of ['users', 'posts', 'post_mentions', 'post_reactions', 'post_comments'])
      await db.query(`VACUUM ANALYZE ${table}`);
  });
}
const seedSeconds = seeded ? Number(((performance.now() - seedStarted) / 1000).toFixed(1)) : 0;

// ---- measure -------------------------------------------------------------------------------

const userIds = (await db.query("SELECT id FROM users WHERE handle LIKE 'bench\\_%' ORDER BY id")).rows.map((r) => r.id);
const pick = () => userIds[Math.floor(Math.random() * userIds.length)];
const sample = (k) => {
  const set = new Set();
  while (set.size < Math.min(k, userIds.length)) set.add(pick());
  return [...set];
};

/** A page as the app builds it (TimelineService + PostViews). */
async function page(query, viewerId) {
  const started = performance.now();
  const rows = (await db.query(query.text, query.values)).rows;
  const listMs = performance.now() - started;
  const shown = rows.slice(0, PAGE);
  const ids = shown.map((r) => r.id);
  if (ids.length) {
    const mentions = await db.query(sql.mentionsOfPostsQuery(ids).text, sql.mentionsOfPostsQuery(ids).values);
    await db.query(sql.myReactionsQuery(viewerId, ids).text, sql.myReactionsQuery(viewerId, ids).values);
    const people = [...new Set([...shown.map((r) => r.author_id), ...mentions.rows.map((r) => r.user_id)])];
    await db.query('SELECT id, handle, display_name FROM users WHERE id = ANY($1::uuid[])', [people]);
  }
  const last = shown[shown.length - 1];
  return {
    rows,
    listMs,
    pageMs: performance.now() - started,
    next: rows.length > PAGE && last ? [last.created_at, last.id] : null,
  };
}

/** The plan's shape. No statement name: `statement` stays undefined, so the JSON leaves it out. */
const explain = (query) => explainPlan(db, undefined, query);

const visible = sql.readableBy([]);
const scenarios = [
  ...[10, 100, 1000].map((follows) => ({
    name: `home, following ${follows}`,
    build: (viewerId, before) =>
      sql.homeFeedQuery({ viewerId, authorIds: [viewerId, ...sample(follows)], groupIds: [], visible, take: PAGE + 1, before }),
  })),
  { name: 'company', build: (_viewerId, before) => sql.companyFeedQuery({ visible, take: PAGE + 1, before }) },
  {
    name: 'one author',
    build: (viewerId, before) => sql.authorPostsQuery({ authorId: pick(), visible, take: PAGE + 1, before }),
  },
];

// Warm the cache the way a running server is warm.
for (let i = 0; i < 20; i++) for (const s of scenarios) await page(s.build(pick(), null), pick());

const results = {};
for (const scenario of scenarios) {
  log(`measuring: ${scenario.name}`);
  const first = { list: [], page: [] };
  const fifth = { list: [], page: [] };
  for (let i = 0; i < RUNS; i++) {
    const viewerId = pick();
    const query = (before) => scenario.build(viewerId, before);
    let result = await page(query(null), viewerId);
    first.list.push(result.listMs);
    first.page.push(result.pageMs);
    // Walk to page 5 with the cursors, as a scrolling reader does.
    for (let p = 2; p <= 5 && result.next; p++) {
      result = await page(query(result.next), viewerId);
      if (p === 5) {
        fifth.list.push(result.listMs);
        fifth.page.push(result.pageMs);
      }
    }
  }
  const viewerId = pick();
  results[scenario.name] = {
    firstPage: { listQueryMs: stats(first.list), wholePageMs: stats(first.page) },
    fifthPage: fifth.list.length ? { listQueryMs: stats(fifth.list), wholePageMs: stats(fifth.page) } : null,
    explainFirstPage: await explain(scenario.build(viewerId, null)),
  };
}

console.log(
  JSON.stringify(
    {
      database: DATABASE,
      ...(await server()),
      data: {
        users: await count('users'),
        posts: await count('posts'),
        mentions: await count('post_mentions'),
        reactions: await count('post_reactions'),
        postsTableAndIndexes: await size('posts'),
      },
      seedSeconds,
      runsPerScenario: RUNS,
      pageSize: PAGE,
      results,
    },
    null,
    2,
  ),
);
await db.end();
