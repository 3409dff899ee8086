// One-box search load benchmark: 100,000 people, 1,000,000 posts, 100,000 questions, 100,000 ideas,
// 2,000 groups; each source's query exactly as the app builds it (libs/platform/src/search/full-text.ts,
// transpiled), with the owners' visibility rules copied here (marked), for a viewer in 20 groups.
// Not part of the test run.
//
//   node bench/search.bench.mjs                   # DATABASE_URL or postgres://postgres@127.0.0.1:5432/test
//   node bench/search.bench.mjs --fresh --people 100000 --posts 1000000 --runs 50
//
// Its own database `ruche_search_bench` (created if missing, dropped first with --fresh), migrated
// with the project's migrations; seeding is skipped when the data is there, so later runs only
// measure. Progress on stderr, the result (JSON, with the query plans) on stdout.
import { performance } from 'node:perf_hooks';
import { benchOptions, explainPlan, logger, measure, openBenchDatabase, seededRandom, timed, transpile } from './support.mjs';

const args = benchOptions({ people: 100000, posts: 1000000, questions: 100000, ideas: 100000, runs: 50 });
const { people: PEOPLE, posts: POSTS, questions: QUESTIONS, ideas: IDEAS, runs: RUNS } = args;
const GROUPS = 2000;
const LIMIT = 21; // a page of 20 and one more, as SearchService asks each source
const log = logger('search-bench');

const load = transpile(['libs/platform/src/search/full-text.ts', 'libs/platform/src/database/rows.ts']);
const { migrations } = await load('migrations/index.js');
const { fullTextSearchQuery } = await load('libs/platform/src/search/full-text.js');
const { db, one, count, size, server } = await openBenchDatabase({
  name: 'ruche_search_bench',
  fresh: args.fresh,
  migrations,
  log,
});

// ---- seed ----------------------------------------------------------------------------------

const rand = seededRandom(7);
const SYLLABLES = 'ka lo mi ra zen tra vo qui nel sor bat fi du gre pol ax um ti ber cos lan mer nok pyr ves'.split(' ');
const vocabulary = new Set(
  (
    'kubernetes déploiement deployment observabilité observability budget sécurité security recrutement hiring ' +
    'formation training cartographie réseau network facturation billing onboarding télétravail remote'
  ).split(' '),
);
while (vocabulary.size < 20_000) {
  vocabulary.add(
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''),
  );
}
const WORDS = [...vocabulary];
// Zipf-like: word i is drawn with rand()^3: the first words are everywhere, most are rare. Text is
// made here and sent in batches (PostgreSQL walks a text array to subscript it: slow per word).
const words = (n) => Array.from({ length: n }, () => WORDS[Math.floor(rand() ** 3 * WORDS.length)]).join(' ');
const initial = (w) => w[0].toUpperCase() + w.slice(1);
const FIRST = ['Alice', 'Bob', 'Chloé', 'Hugo', 'Léa', 'Lucas', 'Emma', 'Noah', 'Inès', 'Jules', 'Hélène', 'François'];
const texts = (count, from, to) => Array.from({ length: count }, () => words(from + Math.floor(rand() * (to - from + 1))));
const seedStarted = performance.now();
let seeded = false;

async function inBatches(label, total, size, work) {
  for (let done = 0; done < total; done += size) {
    await work(done, Math.min(size, total - done));
    log(`${label}: ${Math.min(done + size, total)} / ${total}`);
  }
}

if ((await count('users')) < PEOPLE) {
  seeded = true;
  await timed(log, `people: ${PEOPLE}`, async () => {
    await inBatches('people', PEOPLE, 20_000, (done, n) =>
      db.query(
        `INSERT INTO users (email, handle, display_name, password_hash, status, suspended_at)
         SELECT 'bench_' || g || '@corp.example', 'bench_' || g,
                name, 'not-a-real-hash', CASE WHEN g % 200 = 0 THEN 'suspended' ELSE 'active' END,
                CASE WHEN g % 200 = 0 THEN now() END
           FROM unnest($1::text[]) WITH ORDINALITY AS x (name, i), LATERAL (SELECT i + $2::int AS g) s`,
        [Array.from({ length: n }, () => `${FIRST[Math.floor(rand() * FIRST.length)]} ${initial(words(1))}`), done],
      ),
    );
    await db.query(
      `INSERT INTO profiles (user_id, title, department, location, bio)
       SELECT id, (ARRAY['Ingénieure','Developer','Chef de projet','Data analyst','Designer'])[1 + floor(random() * 5)::int],
              (ARRAY['Ingénierie','Sales','Finance','RH','Data','Product'])[1 + floor(power(random(), 1.5) * 6)::int],
              (ARRAY['Paris','Lyon','Nantes','London','Montréal','Berlin'])[1 + floor(power(random(), 1.5) * 6)::int],
              bio[row_number]
         FROM (SELECT u.id, row_number() OVER (ORDER BY u.id)::int AS row_number FROM users u) u, (SELECT $1::text[] AS bio) b`,
      [texts(PEOPLE, 5, 20)],
    );
    await db.query(
      `INSERT INTO user_skills (user_id, skill, name, position)
       SELECT u.id, w, w, 0 FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM users) u, (SELECT $1::text[] AS skills) s,
              LATERAL (SELECT s.skills[u.n] AS w) x`,
      [Array.from({ length: PEOPLE }, () => WORDS[Math.floor(rand() ** 2 * 2000)])],
    );
  });
}

if ((await count('groups')) < GROUPS) {
  seeded = true;
  await timed(log, `groups: ${GROUPS} (1 in 5 private)`, () =>
    db.query(
      `INSERT INTO groups (name, handle, description, visibility)
       SELECT initcap(n), 'search-group-' || g, d, CASE WHEN g % 5 = 0 THEN 'private' ELSE 'public' END
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x (n, d, g)`,
      [texts(GROUPS, 2, 2), texts(GROUPS, 8, 25)],
    ),
  );
}

const havePosts = await count('posts');
if (havePosts < POSTS) {
  seeded = true;
  await timed(log, `posts: ${POSTS - havePosts} (8 to 47 words; 1 in 10 in a group)`, async () => {
    await inBatches('posts', POSTS - havePosts, 50_000, (done, n) =>
      db.query(
        `WITH u AS (SELECT array_agg(id) AS ids, count(*)::int AS total FROM users),
              gr AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(visibility = 'private' ORDER BY id) AS private FROM groups)
         INSERT INTO posts (author_id, body, created_at, updated_at, group_id, group_private)
         SELECT u.ids[1 + floor(random() * u.total)::int], s.body, s.t, s.t,
                CASE WHEN s.g % 10 = 0 THEN gr.ids[1 + s.g % ${GROUPS}] END,
                s.g % 10 = 0 AND gr.private[1 + s.g % ${GROUPS}]
           FROM u, gr, (SELECT g + $2::int AS g, body, now() - random() * interval '365 days' AS t
                          FROM unnest($1::text[]) WITH ORDINALITY AS x (body, g)) s`,
        [texts(n, 8, 47), havePosts + done],
      ),
    );
  });
}

if ((await count('questions')) < QUESTIONS) {
  seeded = true;
  await timed(log, `questions: ${QUESTIONS}`, () =>
    db.query(
      `WITH u AS (SELECT array_agg(id) AS ids, count(*)::int AS total FROM users)
       INSERT INTO questions (asker_id, title, body, topics)
       SELECT u.ids[1 + floor(random() * u.total)::int], title || ' ?', body, ARRAY['general']
         FROM u, unnest($1::text[], $2::text[]) AS x (title, body)`,
      [texts(QUESTIONS, 6, 13), texts(QUESTIONS, 10, 40)],
    ),
  );
}

if ((await count('ideas')) < IDEAS) {
  seeded = true;
  await timed(log, `ideas: ${IDEAS} in 20 open campaigns`, async () => {
    await db.query(
      `INSERT INTO campaigns (title, description, criteria, advance_top_n, status)
       SELECT 'Campaign ' || g, 'Bench campaign', '[{"name":"Impact","weight":1}]', 5, CASE WHEN g = 1 THEN 'draft' ELSE 'open' END
         FROM generate_series(1, 20) AS g`,
    );
    await db.query(
      `WITH u AS (SELECT array_agg(id) AS ids, count(*)::int AS total FROM users),
            c AS (SELECT array_agg(id) AS ids FROM campaigns)
       INSERT INTO ideas (campaign_id, author_id, title, body)
       SELECT c.ids[1 + g % 20], u.ids[1 + floor(random() * u.total)::int], title, body
         FROM u, c, unnest($1::text[], $2::text[]) WITH ORDINALITY AS x (title, body, g)`,
      [texts(IDEAS, 4, 9), texts(IDEAS, 15, 54)],
    );
  });
}

// Comments and answers: where much of what people know is written. One per post and per question on
// average, newer than what they answer (their own recency walk is what keeps a common word cheap).
for (const [table, parent, owner, n] of [
  ['post_comments', 'posts', 'post_id', POSTS],
  ['answers', 'questions', 'question_id', QUESTIONS],
]) {
  const have = await count(table);
  if (have >= n) continue;
  seeded = true;
  await timed(log, `${table}: ${n - have} (6 to 40 words)`, () =>
    inBatches(table, n - have, 50_000, (done, k) =>
      db.query(
        `WITH u AS (SELECT array_agg(id) AS ids, count(*)::int AS total FROM users),
              par AS (SELECT array_agg(id) AS ids, array_agg(created_at) AS at, count(*)::int AS total FROM ${parent})
         INSERT INTO ${table} (${owner}, author_id, body, created_at)
         SELECT par.ids[s.k], u.ids[1 + floor(random() * u.total)::int], s.body,
                par.at[s.k] + random() * (now() - par.at[s.k])
           FROM u, par, (SELECT body, 1 + floor(random() * (SELECT count(*) FROM ${parent}))::int AS k
                           FROM unnest($1::text[]) AS x (body)) s`,
        [texts(k, 6, 40)],
      ),
    ),
  );
}

if (seeded) await timed(log, 'vacuum analyze', () => db.query('VACUUM ANALYZE'));
const seedSeconds = seeded ? Number(((performance.now() - seedStarted) / 1000).toFixed(1)) : 0;

// ---- the queries, as the app runs them ---------------------------------------------------------

const viewer = await one('SELECT id FROM users WHERE handle = $1', [`bench_${Math.min(4242, PEOPLE)}`]);
const memberGroups = (await db.query('SELECT id FROM groups ORDER BY id LIMIT 20')).rows.map((r) => r.id);

// Copied from the owners (their modules are not pure): FeedVisibility's readableBy + moderatedFor,
// QuestionsVisibility.questionFilter, IdeasVisibility (non-innovation employee), group-sql's readableSql.
const sources = {
  post: (request) =>
    fullTextSearchQuery(
      {
        from: 'posts p',
        vector: 'p.search_vector',
        visible: `p.deleted_at IS NULL AND (NOT p.group_private OR p.group_id = ANY($1::uuid[])) AND (p.moderation_state = 'visible' OR (p.moderation_state = 'held' AND p.author_id = $2::uuid))`,
        values: [memberGroups, viewer.id],
        id: 'p.id',
        title: `left(split_part(p.body, E'\\n', 1), 120)`,
        body: 'p.body',
        createdAt: 'p.created_at',
      },
      request,
    ),
  question: (request) =>
    fullTextSearchQuery(
      {
        from: 'questions q',
        vector: 'q.search_vector',
        visible: `(q.moderation_state = 'visible' OR (q.moderation_state = 'held' AND q.asker_id = $1::uuid))`,
        values: [viewer.id],
        id: 'q.id',
        title: 'q.title',
        body: 'q.body',
        createdAt: 'q.created_at',
      },
      request,
    ),
  // PostSearch's second source: a post found by one of its comments (FeedVisibility on both).
  postComment: (request) =>
    fullTextSearchQuery(
      {
        from: 'post_comments pc JOIN posts p ON p.id = pc.post_id',
        vector: 'pc.search_vector',
        visible: `p.deleted_at IS NULL AND (NOT p.group_private OR p.group_id = ANY($1::uuid[])) AND (p.moderation_state = 'visible' OR (p.moderation_state = 'held' AND p.author_id = $2::uuid)) AND (pc.moderation_state = 'visible' OR (pc.moderation_state = 'held' AND pc.author_id = $2::uuid))`,
        values: [memberGroups, viewer.id],
        id: 'p.id',
        title: `left(split_part(p.body, E'\\n', 1), 120)`,
        body: 'pc.body',
        createdAt: 'pc.created_at',
      },
      request,
    ),
  // QuestionSearch's second source: a question found by one of its answers.
  answer: (request) =>
    fullTextSearchQuery(
      {
        from: 'answers a JOIN questions q ON q.id = a.question_id',
        vector: 'a.search_vector',
        visible: `(q.moderation_state = 'visible' OR (q.moderation_state = 'held' AND q.asker_id = $1::uuid)) AND (a.moderation_state = 'visible' OR (a.moderation_state = 'held' AND a.author_id = $1::uuid))`,
        values: [viewer.id],
        id: 'q.id',
        title: 'q.title',
        body: 'a.body',
        createdAt: 'a.created_at',
      },
      request,
    ),
  idea: (request) =>
    fullTextSearchQuery(
      {
        from: 'ideas i JOIN campaigns c ON c.id = i.campaign_id',
        vector: 'i.search_vector',
        visible: `c.status <> 'draft' AND (i.moderation_state = 'visible' OR (i.moderation_state = 'held' AND i.author_id = '${viewer.id}'::uuid))`,
        values: [],
        id: 'i.id',
        title: 'i.title',
        body: 'i.body',
        createdAt: 'i.created_at',
      },
      request,
    ),
  group: (request) =>
    fullTextSearchQuery(
      {
        from: 'groups g LEFT JOIN group_memberships m ON m.group_id = g.id AND m.user_id = $1',
        vector: 'g.search_vector',
        visible: `(g.visibility = 'public' OR m.role IN ('owner', 'admin', 'member'))`,
        values: [viewer.id],
        id: 'g.id',
        title: 'g.name',
        body: `coalesce(g.description, '')`,
        createdAt: 'g.created_at',
        fuzzyName: 'g.name',
      },
      request,
    ),
  personProfile: (request) =>
    fullTextSearchQuery(
      {
        from: 'profiles pr',
        vector: 'pr.search_vector',
        visible: 'TRUE',
        values: [],
        id: 'pr.user_id',
        title: `''`,
        body: `concat_ws(' · ', nullif(pr.title, ''), nullif(pr.department, ''), nullif(pr.location, ''), nullif(pr.bio, ''))`,
        createdAt: 'pr.updated_at',
      },
      { ...request, limit: request.limit * 2 + 10 },
    ),
  // IdentityService.matchNames (threshold set in its transaction) and PersonSearch.bySkill.
  personName: (request) => ({
    text: `SELECT m.id, m.similarity FROM (
             SELECT u.id, word_similarity(ruche_fold($1), ruche_fold(u.display_name)) AS similarity
               FROM users u WHERE ruche_fold($1) <% ruche_fold(u.display_name) AND u.status = 'active'
              ORDER BY similarity DESC, u.id LIMIT $2) m`,
    values: [request.text, request.limit * 2 + 10],
    setup: "SELECT set_config('pg_trgm.word_similarity_threshold', '0.6', true)",
  }),
  personSkill: (request) => ({
    text: 'SELECT user_id FROM user_skills WHERE skill = $1 ORDER BY user_id LIMIT $2',
    values: [request.text.toLowerCase(), request.limit * 2 + 10],
  }),
};

async function run(query) {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    if (query.setup) await client.query(query.setup);
    const result = await client.query(query.text, query.values);
    await client.query('COMMIT');
    return result.rows;
  } finally {
    client.release();
  }
}

async function explain(name, query) {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    if (query.setup) await client.query(query.setup);
    return await explainPlan(client, name, query);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/** How many posts a query matches at all (what ranking has to look at). */
const matching = async (q) =>
  Number(
    (
      await one(
        `SELECT count(*)::int AS n FROM posts WHERE search_vector @@ (websearch_to_tsquery('ruche_fr', $1) || websearch_to_tsquery('ruche_en', $1))`,
        [q],
      )
    ).n,
  );

const someone = await one('SELECT display_name FROM users WHERE handle = $1', [`bench_${Math.min(777, PEOPLE)}`]);
const typo = someone.display_name.replace(/(\w)(\w)(\w*)$/, '$2$1$3');
const queries = {
  common: WORDS[0],
  frequent: WORDS[40],
  medium: WORDS[2000],
  rare: WORDS[15000],
  twoWords: `${WORDS[40]} ${WORDS[300]}`,
  prefix: WORDS[300].slice(0, 4),
  accents: 'Deploiement kubernetes',
  typoName: typo,
};

const results = {};
for (const [label, q] of Object.entries(queries)) {
  const request = { viewer: { id: viewer.id }, text: q, limit: LIMIT };
  const perSource = {};
  for (const [name, build] of Object.entries(sources)) perSource[name] = await measure(RUNS, () => run(build(request)));
  // The whole search as SearchService runs it: every source at once.
  const all = await measure(RUNS, () => Promise.all(Object.values(sources).map((build) => run(build(request)))));
  results[label] = { q, postsMatching: await matching(q), ms: { all, ...perSource } };
  log(`${label} (${q}): all p50 ${all.p50} ms, p95 ${all.p95} ms`);
}

const plans = [];
for (const [label, name] of [
  ['common', 'post'],
  ['common', 'postComment'],
  ['common', 'answer'],
  ['rare', 'post'],
  ['rare', 'postComment'],
  ['prefix', 'post'],
  ['medium', 'question'],
  ['medium', 'idea'],
  ['medium', 'group'],
  ['medium', 'personProfile'],
  ['typoName', 'personName'],
]) {
  plans.push({
    query: label,
    ...(await explain(name, sources[name]({ viewer: { id: viewer.id }, text: queries[label], limit: LIMIT }))),
  });
}

console.log(
  JSON.stringify(
    {
      ...(await server()),
      data: {
        people: await count('users'),
        posts: await count('posts'),
        questions: await count('questions'),
        ideas: await count('ideas'),
        groups: await count('groups'),
        vocabulary: WORDS.length,
        postsTableAndIndexes: await size('posts'),
        postsSearchIndex: await size('posts_search_idx'),
      },
      seedSeconds,
      runsPerScenario: RUNS,
      results,
      plans,
    },
    null,
    2,
  ),
);
await db.end();
