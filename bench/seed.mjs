// The benchmark suite's company: deterministic, built in PostgreSQL in bulk. Not part of the tests.
//
//   npm run bench:seed                                   # the small preset: 1,000 people, 100,000 posts
//   npm run bench:seed -- --users 10000 --posts 1000000  # the company (#12)
//   npm run bench:seed -- --preset full --database ruche_bench_full   # keep both companies
//
// The database `ruche_bench` on the server in DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
// is dropped, created and migrated with the project's migrations, then filled by set-based
// `INSERT ... SELECT generate_series` batches computed by the server itself: every row derives
// from its index through `hashint8extended`, so two runs produce the same company, row for row,
// ids included (no client-side row stream to ship, which COPY would need a dependency for, and no
// `random()`, whose sequence depends on parallel workers). Progress bars go to stderr, a summary
// (JSON) to stdout.
//
// The shape follows what #12 measured: people follow a median of ~153 others (log-normal, up to
// ~1,600), five accounts are followed by 5,000 (half the company in the small preset), one
// all-hands group holds 5,000 members, a quarter of the other groups are private, one post in ten
// is in a group, 61% of posts say `projet` (the common search word), comments and reactions lean
// to recent posts, an open campaign has ideas and votes, questions have answers. Every counter is
// set from the rows it counts. Everyone's password is `bench password` (one real argon2id hash),
// and run.mjs mints access tokens with the bench's JWT secret.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { logger, openBenchDatabase, progress, SUITE_DATABASE, transpile } from './support.mjs';

const PRESETS = { small: { users: 1_000, posts: 100_000 }, full: { users: 10_000, posts: 1_000_000 } };
const { values: args } = parseArgs({
  options: {
    preset: { type: 'string', default: 'small' },
    users: { type: 'string' },
    posts: { type: 'string' },
    seed: { type: 'string', default: '12' },
    database: { type: 'string', default: SUITE_DATABASE },
  },
});
if (!PRESETS[args.preset]) throw new Error(`--preset must be one of ${Object.keys(PRESETS).join(', ')}`);
const USERS = Number(args.users ?? PRESETS[args.preset].users);
const POSTS = Number(args.posts ?? PRESETS[args.preset].posts);
const SEED = Number(args.seed);
const STARS = 5;
const STAR_FOLLOWERS = Math.min(5_000, Math.floor(USERS / 2));
const ALL_HANDS = Math.min(5_000, Math.floor(USERS / 2));
const GROUPS = Math.max(20, Math.floor(USERS / 50));
const COMMENTS = POSTS;
const REACTED_POSTS = Math.min(POSTS, 100_000);
const IDEAS = Math.max(200, Math.floor(USERS / 5));
const QUESTIONS = Math.max(200, Math.floor(POSTS / 50));
export const PASSWORD = 'bench password';

const log = logger('seed');
const started = performance.now();
const load = transpile(['libs/platform/src/markdown/markdown.ts']);
const { migrations } = await load('migrations/index.js');
const { db, count, server } = await openBenchDatabase({ name: args.database, fresh: true, migrations, log });
log(`${USERS.toLocaleString('en')} people, ${POSTS.toLocaleString('en')} posts, seed ${SEED}`);

// One session for the whole seed: the helpers live in a schema dropped at the end.
const client = await db.connect();
const q = (text, values) => client.query(text, values);
await q('SET synchronous_commit = off');
await q('DROP SCHEMA IF EXISTS bench_seed CASCADE');
await q('CREATE SCHEMA bench_seed');
// h(k, salt): a 63-bit hash of k; u(k, salt) in [0, 1); id(kind, i): a stable canonical uuid.
await q(`CREATE FUNCTION bench_seed.h(k bigint, salt int) RETURNS bigint IMMUTABLE PARALLEL SAFE LANGUAGE sql
         AS $$ SELECT abs(hashint8extended(k, ${SEED} * 1000 + salt)) $$`);
await q(`CREATE FUNCTION bench_seed.u(k bigint, salt int) RETURNS float8 IMMUTABLE PARALLEL SAFE LANGUAGE sql
         AS $$ SELECT (bench_seed.h(k, salt) % 1000000007)::float8 / 1000000007 $$`);
await q(`CREATE FUNCTION bench_seed.id(kind text, i bigint) RETURNS uuid IMMUTABLE PARALLEL SAFE LANGUAGE sql
         AS $$ SELECT md5(${SEED} || ':' || kind || ':' || i)::uuid $$`);
// Standard normal from two uniforms (Box-Muller), for log-normal sizes.
await q(`CREATE FUNCTION bench_seed.z(k bigint, salt int) RETURNS float8 IMMUTABLE PARALLEL SAFE LANGUAGE sql
         AS $$ SELECT sqrt(-2 * ln(1 - bench_seed.u(k, salt))) * cos(2 * pi() * bench_seed.u(k, salt + 1)) $$`);
// Words of an intranet, French and English; `projet` is added to 61% of texts by the callers.
const WORDS = `réunion équipe client budget livraison planning sprint revue qualité sécurité formation recrutement
  onboarding roadmap produit marketing ventes support données analyse rapport tableau objectif résultat trimestre
  atelier innovation idée retour expérience processus outil migration serveur application mobile interface design
  utilisateur feedback déploiement incident correction version test automatisation cloud réseau infrastructure
  contrat fournisseur achat facture comptabilité juridique conformité audit risque stratégie partenaire événement
  conférence webinar newsletter bureau télétravail café déjeuner fête anniversaire bienvenue merci bravo félicitations
  question aide conseil astuce tutoriel documentation wiki api backend frontend base performance latence coût
  meeting team customer delivery schedule quality security training hiring roadmap product sales data analysis
  report dashboard goal quarter workshop idea process tool release update launch review plan thanks welcome
  congrats help tip guide office remote lunch coffee event partner strategy risk compliance invoice vendor`
  .split(/\s+/)
  .filter(Boolean);
await q('CREATE TABLE bench_seed.words (i int PRIMARY KEY, w text NOT NULL)');
await q('INSERT INTO bench_seed.words SELECT i, w FROM unnest($1::text[]) WITH ORDINALITY AS t(w, i)', [WORDS]);
// text(k, salt, n): n words drawn for k, with `projet` in 61% of texts.
await q(`CREATE FUNCTION bench_seed.text(k bigint, salt int, n int) RETURNS text STABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT CASE WHEN bench_seed.u(k, salt) < 0.61 THEN 'projet ' ELSE '' END
      || (SELECT string_agg(w.w, ' ' ORDER BY j)
            FROM generate_series(1, n) j
            JOIN bench_seed.words w ON w.i = 1 + bench_seed.h(k * 64 + j, salt + 1) % ${WORDS.length}) $$`);
// html(words, mentioned): what the api stores in `body_html` on write (platform's renderMarkdown) for a
// text of plain words and an optional trailing @bench_<n> mention, checked against the real renderer at
// the end. Without it the reads render every seeded row's Markdown, which a company never pays: rows are
// rendered once when written.
await q(`CREATE FUNCTION bench_seed.html(words text, mentioned bigint DEFAULT NULL) RETURNS text IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT '<p>' || words
      || coalesce(' <a href="/people/' || bench_seed.id('user', mentioned) || '" rel="nofollow noopener ugc" class="mention">@bench_' || mentioned || '</a>', '')
      || E'</p>\\n' $$`);

/** Runs `statement(from, to)` over [1, total] in batches, with a progress bar. */
async function batches(label, total, size, statement) {
  const bar = progress(label, total);
  bar(0);
  for (let from = 1; from <= total; from += size) {
    const to = Math.min(total, from + size - 1);
    await statement(from, to);
    bar(to);
  }
}

// ---- people ------------------------------------------------------------------------------------
const passwordHash = await hash(PASSWORD);
const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Finance', 'Legal', 'HR', 'Operations', 'Support', 'Product', 'Design'];
await batches('people', USERS, 5_000, (from, to) =>
  q(
    `WITH s AS (SELECT i FROM generate_series($1::int, $2::int) i),
          u AS (INSERT INTO users (id, email, handle, display_name, password_hash, created_at)
                SELECT bench_seed.id('user', i), 'bench' || i || '@corp.example', 'bench_' || i, 'Bench Person ' || i, $3,
                       now() - interval '3 years'
                  FROM s)
     INSERT INTO profiles (user_id, title, department, location)
     SELECT bench_seed.id('user', i), 'Employee ' || i, ($4::text[])[1 + bench_seed.h(i, 20) % ${DEPARTMENTS.length}],
            (ARRAY['Paris','Lyon','Nantes','Montréal','Bruxelles'])[1 + bench_seed.h(i, 21) % 5]
       FROM s`,
    [from, to, passwordHash, DEPARTMENTS],
  ),
);
// Index -> id, for the batches below (joins on an int are cheaper than recomputing md5).
await q(`CREATE TABLE bench_seed.people AS SELECT i, bench_seed.id('user', i) AS id FROM generate_series(1, ${USERS}) i`);
await q('ALTER TABLE bench_seed.people ADD PRIMARY KEY (i)');

// ---- follows: log-normal, median 153; five stars followed by STAR_FOLLOWERS ---------------------------
const MAX_FOLLOWS = Math.min(1_600, USERS - 1);
await batches('follows', USERS, Math.max(100, Math.floor(400_000 / 160)), (from, to) =>
  q(
    `INSERT INTO follows (follower_id, followee_id, created_at)
     SELECT a.id, b.id, now() - interval '2 years'
       FROM generate_series($1::int, $2::int) f
       CROSS JOIN LATERAL generate_series(1, least(${MAX_FOLLOWS}, greatest(3, round(exp(ln(153) + 0.8 * bench_seed.z(f, 30)))::int))) j
       JOIN bench_seed.people a ON a.i = f
       JOIN bench_seed.people b ON b.i = 1 + bench_seed.h(f::bigint * 4096 + j, 32) % ${USERS}
      WHERE b.i <> f
     ON CONFLICT DO NOTHING`,
    [from, to],
  ),
);
await batches('star follows', STARS, 1, (star) =>
  q(
    `INSERT INTO follows (follower_id, followee_id, created_at)
     SELECT p.id, s.id, now() - interval '1 year'
       FROM bench_seed.people p, bench_seed.people s
      WHERE s.i = $1 AND p.i > ${STARS} AND bench_seed.h(p.i, 40 + $1) % ${USERS - STARS} < ${STAR_FOLLOWERS}
     ON CONFLICT DO NOTHING`,
    [star],
  ),
);

// The stars are big authors (1,000 followers or more, RUCHE_TIMELINE_BIG_AUTHOR_FOLLOWERS' default): the api
// marks an author so on their first post past it, so a company that has been running has them marked, and
// their posts are merged at read time instead of written into their followers' timelines.
await q(
  `INSERT INTO home_timeline_big_authors (author_id)
   SELECT followee_id FROM follows GROUP BY followee_id HAVING count(*) >= 1000
   ON CONFLICT DO NOTHING`,
);

// ---- groups: group 1 is the all-hands (public), a quarter of the others private -----------------------
await q(
  `INSERT INTO groups (id, name, handle, description, visibility, created_by, created_at, updated_at)
   SELECT bench_seed.id('group', g), CASE WHEN g = 1 THEN 'All hands' ELSE 'Group ' || g END, 'bench-group-' || g, 'Bench group ' || g,
          CASE WHEN g > 1 AND bench_seed.h(g, 50) % 4 = 0 THEN 'private' ELSE 'public' END,
          bench_seed.id('user', 1 + bench_seed.h(g, 51) % ${USERS}), now() - interval '2 years', now() - interval '2 years'
     FROM generate_series(1, ${GROUPS}) g`,
);
await batches('memberships', GROUPS, 20, (from, to) =>
  q(
    `INSERT INTO group_memberships (group_id, user_id, role, created_at, joined_at)
     SELECT bench_seed.id('group', g), p.id, CASE WHEN j = 1 THEN 'owner' ELSE 'member' END,
            now() - interval '2 years', now() - interval '2 years'
       FROM generate_series($1::int, $2::int) g
       CROSS JOIN LATERAL generate_series(1, CASE WHEN g = 1 THEN ${ALL_HANDS}
                                                 ELSE least(${USERS}, greatest(3, round(exp(ln(40) + 0.9 * bench_seed.z(g, 52)))::int)) END) j
       JOIN bench_seed.people p ON p.i = CASE WHEN g = 1 THEN j ELSE 1 + bench_seed.h(g::bigint * 100000 + j, 54) % ${USERS} END
     ON CONFLICT DO NOTHING`,
    [from, to],
  ),
);
await q(`UPDATE groups g SET member_count = m.n FROM (SELECT group_id, count(*)::int AS n FROM group_memberships GROUP BY group_id) m WHERE g.id = m.group_id`);
// Each group's members as an array, for group posts' authors.
await q(
  `CREATE TABLE bench_seed.groups AS
   SELECT row_number() OVER (ORDER BY g.id)::int AS k, g.id, g.visibility = 'private' AS private,
          array_agg(m.user_id ORDER BY m.user_id) AS members
     FROM groups g JOIN group_memberships m ON m.group_id = g.id GROUP BY g.id`,
);
await q('ALTER TABLE bench_seed.groups ADD PRIMARY KEY (k)');
const groupRows = Number((await q('SELECT count(*) AS n FROM bench_seed.groups')).rows[0].n);

// ---- posts: a year, oldest first; one in ten in a group, one in twenty mentions someone --------------
const POST_SPAN_SECONDS = 365 * 24 * 3600;
await batches('posts', POSTS, 25_000, (from, to) =>
  q(
    `WITH s AS (
       SELECT i, bench_seed.u(i, 60) < 0.1 AS in_group, 1 + bench_seed.h(i, 61) % ${groupRows} AS gk,
              now() - make_interval(secs => (${POSTS} - i) * ${POST_SPAN_SECONDS / POSTS} + bench_seed.u(i, 62) * 60) AS at,
              bench_seed.text(i, 65, 6 + (bench_seed.h(i, 67) % 30)::int) AS words,
              CASE WHEN bench_seed.u(i, 68) < 0.05 THEN 1 + bench_seed.h(i, 69) % ${USERS} END AS mentioned
         FROM generate_series($1::int, $2::int) i),
     p AS (
       INSERT INTO posts (id, author_id, group_id, group_private, body, body_html, has_mentions, created_at, updated_at)
       SELECT bench_seed.id('post', s.i),
              CASE WHEN s.in_group THEN g.members[1 + bench_seed.h(s.i, 63) % cardinality(g.members)]
                   ELSE bench_seed.id('user', 1 + bench_seed.h(s.i, 64) % ${USERS}) END,
              CASE WHEN s.in_group THEN g.id END, s.in_group AND g.private,
              s.words || coalesce(' @bench_' || s.mentioned, ''), bench_seed.html(s.words, s.mentioned), s.mentioned IS NOT NULL,
              s.at, s.at
         FROM s JOIN bench_seed.groups g ON g.k = s.gk)
     INSERT INTO post_mentions (post_id, user_id)
     SELECT bench_seed.id('post', i), bench_seed.id('user', 1 + bench_seed.h(i, 69) % ${USERS})
       FROM generate_series($1::int, $2::int) i
      WHERE bench_seed.u(i, 68) < 0.05`,
    [from, to],
  ),
);

// ---- comments (leaning to recent posts) and reactions (on the newest posts), counters exact ------------
await batches('comments', COMMENTS, 25_000, (from, to) =>
  q(
    `INSERT INTO post_comments (id, post_id, author_id, body, body_html, created_at)
     SELECT bench_seed.id('comment', c), p.id, bench_seed.id('user', 1 + bench_seed.h(c, 71) % ${USERS}),
            t.words, bench_seed.html(t.words), p.created_at + interval '1 hour'
       FROM generate_series($1::int, $2::int) c
       CROSS JOIN LATERAL (SELECT bench_seed.text(c, 72, 4 + (bench_seed.h(c, 74) % 15)::int) AS words) t
       JOIN posts p ON p.id = bench_seed.id('post', ${POSTS} - floor(${POSTS} * power(bench_seed.u(c, 70), 3))::int)`,
    [from, to],
  ),
);
await q(`UPDATE posts p SET comment_count = c.n FROM (SELECT post_id, count(*)::int AS n FROM post_comments GROUP BY post_id) c WHERE p.id = c.post_id`);
await batches('reactions', REACTED_POSTS, 20_000, (from, to) =>
  q(
    `INSERT INTO post_reactions (post_id, user_id, kind, created_at)
     SELECT bench_seed.id('post', ${POSTS + 1} - r), bench_seed.id('user', 1 + bench_seed.h(r * 8 + j, 81) % ${USERS}),
            (ARRAY['like','like','like','celebrate','insightful','support'])[1 + bench_seed.h(r * 8 + j, 82) % 6], now()
       FROM generate_series($1::int, $2::int) r CROSS JOIN LATERAL generate_series(1, (bench_seed.h(r, 80) % 7)::int) j
     ON CONFLICT DO NOTHING`,
    [from, to],
  ),
);
await q(
  `UPDATE posts p SET like_count = c.l, celebrate_count = c.c, insightful_count = c.i, support_count = c.s
     FROM (SELECT post_id, count(*) FILTER (WHERE kind = 'like')::int AS l, count(*) FILTER (WHERE kind = 'celebrate')::int AS c,
                  count(*) FILTER (WHERE kind = 'insightful')::int AS i, count(*) FILTER (WHERE kind = 'support')::int AS s
             FROM post_reactions GROUP BY post_id) c
    WHERE p.id = c.post_id`,
);

// ---- an open campaign with ideas and votes ---------------------------------------------------------
await q(
  `INSERT INTO campaigns (id, title, description, topics, criteria, advance_top_n, status, created_by, created_at, updated_at)
   VALUES (bench_seed.id('campaign', 1), 'Bench campaign', 'Ideas for the bench', '{bench}',
           '[{"name":"Impact","weight":1}]', 10, 'open', bench_seed.id('user', 1), now() - interval '30 days', now() - interval '30 days')`,
);
await q(`INSERT INTO campaign_reviewers (campaign_id, user_id, position) VALUES (bench_seed.id('campaign', 1), bench_seed.id('user', 1), 0)`);
await q(
  `INSERT INTO campaign_transitions (campaign_id, from_status, to_status, actor_id, created_at)
   VALUES (bench_seed.id('campaign', 1), 'draft', 'open', bench_seed.id('user', 1), now() - interval '30 days')`,
);
await q(`UPDATE users SET roles = '{employee,innovation,moderator,admin}' WHERE id = bench_seed.id('user', 1)`);
await batches('ideas', IDEAS, 5_000, (from, to) =>
  q(
    `INSERT INTO ideas (id, campaign_id, author_id, title, body, body_html, created_at, updated_at)
     SELECT bench_seed.id('idea', i), bench_seed.id('campaign', 1), bench_seed.id('user', 1 + bench_seed.h(i, 90) % ${USERS}),
            'Idea ' || i || ': ' || bench_seed.text(i, 91, 4), t.words, bench_seed.html(t.words),
            now() - make_interval(secs => (${IDEAS} - i) * 60), now() - make_interval(secs => (${IDEAS} - i) * 60)
       FROM generate_series($1::int, $2::int) i
       CROSS JOIN LATERAL (SELECT bench_seed.text(i, 93, 20) AS words) t`,
    [from, to],
  ),
);
await batches('idea votes', IDEAS, 2_000, (from, to) =>
  q(
    `INSERT INTO idea_votes (idea_id, user_id, created_at)
     SELECT bench_seed.id('idea', i), bench_seed.id('user', 1 + bench_seed.h(i::bigint * 1000 + j, 95) % ${USERS}), now()
       FROM generate_series($1::int, $2::int) i
       CROSS JOIN LATERAL generate_series(1, least(500, greatest(0, round(exp(ln(6) + 1.0 * bench_seed.z(i, 96)))::int))) j
     ON CONFLICT DO NOTHING`,
    [from, to],
  ),
);
await q(`UPDATE ideas i SET vote_count = v.n FROM (SELECT idea_id, count(*)::int AS n FROM idea_votes GROUP BY idea_id) v WHERE i.id = v.idea_id`);

// ---- questions and answers --------------------------------------------------------------------------
await batches('questions', QUESTIONS, 10_000, (from, to) =>
  q(
    `WITH s AS (SELECT i, now() - make_interval(secs => (${QUESTIONS} - i) * ${POST_SPAN_SECONDS / QUESTIONS}) AS at
                  FROM generate_series($1::int, $2::int) i),
          qs AS (
            INSERT INTO questions (id, asker_id, title, body, body_html, topics, created_at, last_routed_at)
            SELECT bench_seed.id('question', i), bench_seed.id('user', 1 + bench_seed.h(i, 100) % ${USERS}),
                   'Question ' || i || ': ' || bench_seed.text(i, 101, 5) || ' ?', t.words, bench_seed.html(t.words),
                   ARRAY[(SELECT w FROM bench_seed.words WHERE i = 1 + bench_seed.h(s.i, 105) % ${WORDS.length})], at, at
              FROM s CROSS JOIN LATERAL (SELECT bench_seed.text(i, 103, 25) AS words) t)
     INSERT INTO answers (id, question_id, author_id, body, body_html, created_at)
     SELECT bench_seed.id('answer', s.i * 8 + j), bench_seed.id('question', s.i), bench_seed.id('user', 1 + bench_seed.h(s.i * 8 + j, 106) % ${USERS}),
            t.words, bench_seed.html(t.words), s.at + make_interval(mins => j * 30)
       FROM s CROSS JOIN LATERAL generate_series(1, (bench_seed.h(s.i, 109) % 5)::int) j
       CROSS JOIN LATERAL (SELECT bench_seed.text(s.i * 8 + j, 107, 12) AS words) t`,
    [from, to],
  ),
);
await q(`UPDATE questions q SET answer_count = a.n FROM (SELECT question_id, count(*)::int AS n FROM answers GROUP BY question_id) a WHERE q.id = a.question_id`);
// Routing as a running company has it: every question older than a day went through its rounds (4,
// libs/questions' MAX_ROUNDS) and, unanswered, was stamped a day after it was asked. Left at round 0,
// the api's reroute job would work through the year's unanswered questions, 100 a minute, for hours,
// under every scenario.
await q(
  `UPDATE questions SET routed_round = 4, last_routed_at = created_at + interval '4 hours',
          unanswered_at = CASE WHEN answer_count = 0 THEN created_at + interval '1 day' END
    WHERE created_at < now() - interval '1 day'`,
);

// ---- the stored HTML is what the api would have written: a sample checked against the real renderer ---
const { renderMarkdown } = await load('libs/platform/src/markdown/markdown.js');
for (const table of ['posts', 'post_comments', 'ideas', 'questions', 'answers']) {
  const mentions = table === 'posts'
    ? `(SELECT coalesce(json_agg(json_build_object('id', u.id, 'handle', u.handle)), '[]') FROM post_mentions m JOIN users u ON u.id = m.user_id WHERE m.post_id = t.id)`
    : `'[]'::json`;
  const sample = await q(`SELECT t.id, t.body, t.body_html, ${mentions} AS mentions FROM ${table} t TABLESAMPLE SYSTEM (5) LIMIT 500`);
  const wrong = sample.rows.find((r) => renderMarkdown(r.body, { mentions: r.mentions }) !== r.body_html);
  if (wrong) throw new Error(`seed: ${table} ${wrong.id}: the stored HTML is not what the api renders:\n${wrong.body_html}\n${renderMarkdown(wrong.body, { mentions: wrong.mentions })}`);
  log(`${table}: stored HTML matches the renderer on ${sample.rows.length} sampled rows`);
}

// ---- done: what run.mjs needs to know, statistics, and the helpers gone ------------------------------
await q('DROP SCHEMA bench_seed CASCADE');
await q(`CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
const meta = { users: USERS, posts: POSTS, seed: SEED, stars: STARS, starFollowers: STAR_FOLLOWERS, allHands: ALL_HANDS, preset: args.users || args.posts ? 'custom' : args.preset };
await q(`INSERT INTO bench_meta (key, value) VALUES ('company', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [JSON.stringify(meta)]);
client.release();
const analyzed = performance.now();
await db.query('VACUUM ANALYZE');
log(`VACUUM ANALYZE (${((performance.now() - analyzed) / 1000).toFixed(1)} s)`);

const followsPer = (await db.query(
  `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) AS median, max(n) AS max FROM (SELECT count(*) AS n FROM follows GROUP BY follower_id) f`,
)).rows[0];
const summary = {
  database: args.database,
  ...(await server()),
  company: meta,
  rows: Object.fromEntries(
    await Promise.all(
      ['users', 'follows', 'groups', 'group_memberships', 'posts', 'post_comments', 'post_reactions', 'post_mentions', 'ideas', 'idea_votes', 'questions', 'answers'].map(
        async (table) => [table, await count(table)],
      ),
    ),
  ),
  followsPerPerson: { median: Number(followsPer.median), max: Number(followsPer.max) },
  postsSayingProjet: await count('posts', `body LIKE 'projet %'`),
  seedSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
};
console.log(JSON.stringify(summary));
await db.end();
