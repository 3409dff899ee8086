// Expert search and questions load benchmark: 100,000 people, the expertise rows 1,000,000 posts
// (plus declared skills, endorsements, answers) leave behind, 100,000 questions; the queries exactly
// as the app runs them. Not part of the test run.
//
//   node bench/experts.bench.mjs                 # DATABASE_URL or postgres://postgres@127.0.0.1:5432/test
//   DATABASE_URL=postgres://... node bench/experts.bench.mjs --fresh --people 100000 --posts 1000000 --runs 100
//
// It works in its own database `ruche_experts_bench` on that server (created if missing, dropped
// first with --fresh), migrated with the project's migrations; seeding is skipped when the data is
// already there, so later runs only measure. Progress goes to stderr, the result (JSON) to stdout.
//
// Plain ESM on purpose: Node 20 cannot run TypeScript, so expertise's pure modules (expert-sql.ts,
// scoring.ts, topics.ts and people's skill.ts, dependency-free but for the platform's parameter
// builder and people's skill key, mapped to their import-free files) and the migrations are transpiled
// with the project's TypeScript into node_modules/.cache/ruche-bench and imported from there. A
// search is measured as ExpertSearch runs it: plan the query (synonyms, phrases), match topics
// (exact + trigram), match names (IdentityService.matchNames' SQL), the department filter
// (PeopleService.idsInPlace' SQL), the candidates' counters, the active check, the exact ranking
// in JavaScript, then the people and profiles shown. The identity and people queries are copied
// here (their modules are not pure), marked as such.
import { performance } from 'node:perf_hooks';
import { benchOptions, explainPlan, logger, openBenchDatabase, seededRandom, timed, timeRuns, transpile } from './support.mjs';

const args = benchOptions({ people: 100000, posts: 1000000, questions: 100000, runs: 100 });
const { people: PEOPLE, posts: POSTS, questions: QUESTIONS, runs: RUNS } = args;
const LIMIT = 10;
const DATABASE = 'ruche_experts_bench';

const log = logger('experts-bench');

const load = transpile(
  [
    'libs/people/src/skill.ts',
    'libs/expertise/src/expert-sql.ts',
    'libs/expertise/src/scoring.ts',
    'libs/expertise/src/topics.ts',
    'libs/platform/src/database/rows.ts',
  ],
  // topics.ts takes skillKey from the people lib's index; its pure source is skill.ts. expert-sql.ts
  // takes SqlParams from the platform's index; its pure source is rows.ts.
  (text) =>
    text
      .replace(/from '@ruche\/people'/g, "from '../../people/src/skill.js'")
      .replace(/from '@ruche\/platform'/g, "from '../../platform/src/database/rows.js'"),
);
const { migrations } = await load('migrations/index.js');
const sql = await load('libs/expertise/src/expert-sql.js');
const scoring = await load('libs/expertise/src/scoring.js');
const topics = await load('libs/expertise/src/topics.js');
const { db, one, count, size, server } = await openBenchDatabase({ name: DATABASE, fresh: args.fresh, migrations, log });

// ---- seed ----------------------------------------------------------------------------------

// Deterministic pseudo-random words and names, so runs are comparable.
const rand = seededRandom(42);
const SYLLABLES = 'ka lo mi ra zen tra vo qui nel sor bat fi du gre pol ax um ti ber cos lan mer nok pyr ves'.split(' ');
const word = () =>
  Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
const REAL_TOPICS = (
  'kubernetes,javascript,typescript,python,java,go,rust,c#,c++,react,angular,vue,node.js,postgresql,mysql,mongodb,redis,kafka,' +
  'docker,terraform,ansible,aws,azure,gcp,linux,machine learning,intelligence artificielle,data science,statistics,excel,' +
  'power bi,sql,graphql,rest,security,cryptography,networking,devops,ci/cd,agile,scrum,gestion de projet,product management,' +
  'ux design,ui design,figma,marketing,seo,sales,negotiation,ressources humaines,recrutement,paie,comptabilite,finance,' +
  'controle de gestion,juridique,rgpd,supply chain,logistique,achats,qualite,lean,six sigma,communication,prise de parole,' +
  'formation,coaching,leadership,management,developpement web,developpement mobile,ios,android,swift,kotlin,flutter,' +
  'spark,hadoop,airflow,dbt,snowflake,tableau,sap,salesforce,servicenow,jira,confluence,git,github actions,jenkins'
).split(',');
const TOPIC_COUNT = 3000;
const topicNames = [...REAL_TOPICS];
while (topicNames.length < TOPIC_COUNT) {
  const name = rand() < 0.3 ? `${word()} ${word()}` : word();
  if (!topicNames.includes(name)) topicNames.push(name);
}
const FIRST = (
  'Alice Bob Chloé Camille Hugo Léa Lucas Emma Louis Jade Nathan Manon Thomas Inès Jules Sarah Adam Zoé Paul Clara ' +
  'John Mary James Linda Robert Susan Michael Karen David Nancy William Lisa Richard Betty Joseph Helen Charles Sandra ' +
  'Noah Olivia Liam Ava Ethan Mia Mason Amelia Logan Harper Lucas Evelyn Oliver Abigail Elijah Emily Aiden Ella Jackson ' +
  'Élodie Amélie Hélène Renée Chloë François Jérôme André Benoît Gaël Joël Noël Loïc Anaïs Maëlle Zoë Raphaël Océane'
).split(' ');
const LAST = (
  'Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand ' +
  'Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martinez Smith Johnson Williams ' +
  'Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson White Harris Clark Lewis Robinson Walker Young Allen King ' +
  'Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Torres Parker Collins ' +
  'Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Bailey Reed Kelly Howard Cox Ward Richardson Watson Brooks ' +
  'Chevalier Gauthier Perrin Morin Clément Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perret Mathieu Dumont Fontaine'
).split(' ');
const DEPARTMENTS = [
  'Engineering',
  'Ingénierie',
  'Sales',
  'Marketing',
  'Finance',
  'RH',
  'Customer Care',
  'Legal',
  'Operations',
  'Data',
  'Product',
  'Innovation',
];
const LOCATIONS = ['Paris', 'Lyon', 'Lille', 'Nantes', 'London', 'Montréal', 'Berlin', 'Madrid', 'Bordeaux', 'Toulouse'];

const seedStarted = performance.now();
let seeded = false;

if ((await count('users', "handle LIKE 'bench\\_%'")) < PEOPLE) {
  seeded = true;
  await timed(log, `users + profiles: ${PEOPLE}`, async () => {
    const names = Array.from(
      { length: PEOPLE },
      () => `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`,
    );
    for (let done = 0; done < PEOPLE; done += 20_000) {
      const slice = names.slice(done, done + 20_000);
      await db.query(
        `INSERT INTO users (email, handle, display_name, password_hash, status, suspended_at)
         SELECT 'bench_' || (g + $1) || '@corp.example', 'bench_' || (g + $1), n, 'not-a-real-hash',
                CASE WHEN (g + $1) % 200 = 0 THEN 'suspended' ELSE 'active' END,
                CASE WHEN (g + $1) % 200 = 0 THEN now() END
           FROM unnest($2::text[]) WITH ORDINALITY AS x (n, g)`,
        [done, slice],
      );
    }
    // Skewed departments and locations: the big ones hold tens of thousands of people.
    await db.query(
      `INSERT INTO profiles (user_id, title, department, location)
       SELECT id, 'Bench title', ($1::text[])[1 + floor(power(random(), 1.5) * $2)::int], ($3::text[])[1 + floor(power(random(), 1.5) * $4)::int]
         FROM users WHERE handle LIKE 'bench\\_%'`,
      [DEPARTMENTS, DEPARTMENTS.length, LOCATIONS, LOCATIONS.length],
    );
  });
}

if ((await count('expertise')) === 0) {
  seeded = true;
  const keys = topicNames.map((n) => n.toLowerCase());
  await timed(log, `topic catalogue: ${keys.length}`, () =>
    db.query('INSERT INTO expertise_topics (topic, label) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [
      keys,
      topicNames,
    ]),
  );
  // Topic popularity is skewed (power law): a few topics are everyone's, most are niche.
  const skewed = (alias) =>
    `($1::text[])[1 + floor(power(random(), 3) * ${keys.length})::int]`.replace('random()', `random() + 0 * ${alias}`);
  const what = `expertise rows from ${POSTS} posts (1 or 2 topics each), declared skills, endorsements, answers`;
  await timed(log, what, async () => {
    await db.query('DROP TABLE IF EXISTS seed_people, seed_activity, seed_declared');
    await db.query(
      "CREATE UNLOGGED TABLE seed_people AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM users WHERE handle LIKE 'bench\\_%'",
    );
    await db.query('CREATE UNIQUE INDEX ON seed_people (n)');
    await db.query(
      `CREATE UNLOGGED TABLE seed_activity AS
       WITH posts AS (
              SELECT 1 + floor(random() * $2)::int AS author, ${skewed('g')} AS t1,
                     CASE WHEN random() < 0.5 THEN ${skewed('g')} END AS t2
                FROM generate_series(1, $3::int) g)
       SELECT author, topic, count(*)::int AS posts
         FROM (SELECT author, t1 AS topic FROM posts UNION ALL SELECT author, t2 FROM posts WHERE t2 IS NOT NULL) x
        GROUP BY author, topic`,
      [keys, PEOPLE, POSTS],
    );
    // Everyone declares 0..8 skills (skewed to popular ones), some endorsed.
    await db.query(
      `CREATE UNLOGGED TABLE seed_declared AS
       SELECT DISTINCT ON (p.n, t.topic) p.n AS author, t.topic,
              floor(power(random(), 4) * 30)::int AS endorsements
         FROM seed_people p
        CROSS JOIN LATERAL (SELECT ${skewed('p.n')} AS topic FROM generate_series(1, (p.n % 9)::int)) t`,
      [keys],
    );
    await db.query(
      `INSERT INTO expertise (user_id, topic, declared, endorsements, accepted_answers, answer_upvotes, posts, reviews, score)
       SELECT p.id, e.topic, e.declared, e.endorsements, e.accepted_answers, e.answer_upvotes, e.posts, e.reviews, ${scoring.topicPointsSql('e')}
         FROM (SELECT coalesce(a.author, d.author) AS author, coalesce(a.topic, d.topic) AS topic,
                      d.author IS NOT NULL AS declared, coalesce(d.endorsements, 0) AS endorsements,
                      CASE WHEN random() < 0.05 THEN 1 + floor(random() * 5)::int ELSE 0 END AS accepted_answers,
                      CASE WHEN random() < 0.08 THEN floor(random() * 40)::int ELSE 0 END AS answer_upvotes,
                      coalesce(a.posts, 0) AS posts,
                      CASE WHEN random() < 0.01 THEN 1 + floor(random() * 3)::int ELSE 0 END AS reviews
                 FROM seed_activity a FULL JOIN seed_declared d ON d.author = a.author AND d.topic = a.topic) e
         JOIN seed_people p ON p.n = e.author`,
    );
    await db.query('DROP TABLE seed_people, seed_activity, seed_declared');
  });
}

if ((await count('questions')) < QUESTIONS) {
  seeded = true;
  const keys = topicNames.map((n) => n.toLowerCase());
  await timed(log, `questions: ${QUESTIONS}, 30% answered, 5 routes each`, async () => {
    const verbs = [
      'configure',
      'install',
      'debug',
      'learn',
      'migrate',
      'monitor',
      'secure',
      'test',
      'deploy',
      'optimise',
      'déclarer',
      'organiser',
    ];
    const titles = Array.from({ length: QUESTIONS }, () => {
      const topic = topicNames[Math.floor(rand() ** 3 * topicNames.length)];
      const verb = verbs[Math.floor(rand() * verbs.length)];
      return [
        `How do I ${verb} ${topic} for ${word()}?`,
        `Comment ${verb} ${topic} avec ${word()} ?`,
        `Best way to ${verb} ${topic} ${word()}`,
      ][Math.floor(rand() * 3)];
    });
    const topicOf = titles.map(() => [keys[Math.floor(rand() ** 3 * keys.length)]]);
    for (let done = 0; done < QUESTIONS; done += 20_000) {
      await db.query(
        `WITH u AS (SELECT array_agg(id) AS ids, count(*)::int AS total FROM users WHERE handle LIKE 'bench\\_%')
         INSERT INTO questions (asker_id, title, body, topics, created_at, routed_round, last_routed_at)
         SELECT u.ids[1 + floor(random() * u.total)::int], t, 'Bench question body', ARRAY[k],
                now() - random() * interval '365 days', 1, now() - random() * interval '365 days'
           FROM u, unnest($1::text[], $2::text[]) AS x (t, k)`,
        [titles.slice(done, done + 20_000), topicOf.slice(done, done + 20_000).map((t) => t[0])],
      );
    }
    await db.query(
      `WITH u AS (SELECT array_agg(id) AS ids, count(*)::int AS total FROM users WHERE handle LIKE 'bench\\_%')
       INSERT INTO answers (question_id, author_id, body, accepted, accepted_at)
       SELECT q.id, u.ids[1 + floor(random() * u.total)::int], 'Bench answer', true, now()
         FROM u, questions q WHERE random() < 0.3`,
    );
    await db.query(
      `UPDATE questions q SET status = 'answered', accepted_answer_id = a.id, answered_at = a.created_at, answer_count = 1
         FROM answers a WHERE a.question_id = q.id AND a.accepted`,
    );
    await db.query(
      `WITH u AS (SELECT array_agg(id) AS ids, count(*)::int AS total FROM users WHERE handle LIKE 'bench\\_%')
       INSERT INTO question_routes (question_id, user_id, round, position, routed_at)
       SELECT q.id, u.ids[1 + floor(random() * u.total)::int], 1, g - 1, q.created_at
         FROM u, questions q
        CROSS JOIN generate_series(1, 5) g
       ON CONFLICT DO NOTHING`,
    );
  });
}

if (seeded) {
  await timed(log, 'VACUUM ANALYZE', async () => {
    for (const table of ['users', 'profiles', 'expertise', 'expertise_topics', 'questions', 'answers', 'question_routes']) {
      await db.query(`VACUUM ANALYZE ${table}`);
    }
  });
}
const seedSeconds = seeded ? Number(((performance.now() - seedStarted) / 1000).toFixed(1)) : 0;

// ---- the app's queries ---------------------------------------------------------------------

const synonyms = new Map(
  (await db.query('SELECT alias_key, canonical_key FROM skill_synonyms')).rows.map((r) => [r.alias_key, r.canonical_key]),
);

/** Runs `build(client)` in a transaction (set_config(..., true) lasts until its end). */
async function inTransaction(work) {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

// Copied from IdentityService.matchNames (libs/identity/src/identity.service.ts).
const NAME_MATCH = {
  setup: { text: `SELECT set_config('pg_trgm.word_similarity_threshold', '0.45', true)`, values: [] },
  query: (terms) => ({
    text: `SELECT t.term, m.id, m.similarity
             FROM unnest($1::text[]) AS t (term)
            CROSS JOIN LATERAL (
                  SELECT u.id, word_similarity(ruche_fold(t.term), ruche_fold(u.display_name)) AS similarity
                    FROM users u
                   WHERE ruche_fold(t.term) <% ruche_fold(u.display_name) AND u.status = 'active'
                   ORDER BY similarity DESC, u.id
                   LIMIT $2) m`,
    values: [terms, 20],
  }),
};
// Copied from PeopleService.idsInPlace (libs/people/src/people.service.ts).
const inPlaceQuery = (department) => ({
  text: 'SELECT user_id FROM profiles WHERE ruche_fold(department) = ruche_fold($1)',
  values: [department],
});
// Copied from IdentityService.activeIds, summaries and PeopleService.profileSummaries.
const activeQuery = (ids) => ({ text: "SELECT id FROM users WHERE id = ANY ($1::uuid[]) AND status = 'active'", values: [ids] });
const summariesQuery = (ids) => ({
  text: 'SELECT id, handle, display_name FROM users WHERE id = ANY ($1::uuid[])',
  values: [ids],
});
const profilesQuery = (ids) => ({ text: 'SELECT * FROM profiles WHERE user_id = ANY ($1::uuid[])', values: [ids] });

/** ExpertSearch.search, step by step; returns the ranked items and the statements it ran. */
async function expertSearch(q, department) {
  const plan = topics.planQuery(q, synonyms);
  const statements = [];
  const run = async (name, query, client = db) => {
    statements.push({ name, query });
    return (await client.query(query.text, query.values)).rows;
  };
  const only = department ? new Set((await run('idsInPlace (people)', inPlaceQuery(department))).map((r) => r.user_id)) : null;
  const matched = await inTransaction(async (client) => {
    await client.query(sql.fuzzyThresholdQuery().text, sql.fuzzyThresholdQuery().values);
    return run('topicMatch', sql.topicMatchQuery(plan.exact, plan.fuzzy), client);
  });
  const matches = new Map();
  for (const r of matched) {
    const weight = Math.min(1, Number(r.weight));
    if ((matches.get(r.topic)?.weight ?? -1) >= weight) continue;
    matches.set(r.topic, { topic: r.topic, label: r.label, weight, ...(r.via !== null ? { via: r.via } : {}) });
  }
  const nameTerms = plan.nameTerms.filter((term) => {
    const match = matches.get(topics.topicKey(term, synonyms));
    return !match || match.via !== undefined;
  });
  const names = nameTerms.length
    ? await inTransaction(async (client) => {
        await client.query(NAME_MATCH.setup.text);
        return run('matchNames (identity)', NAME_MATCH.query(nameTerms), client);
      })
    : [];
  const nameHits = names.filter((h) => !only || only.has(h.id));
  const found = await run(
    'candidateRows',
    sql.candidateRowsQuery({
      topics: [...matches.keys()],
      onlyIds: only ? [...only] : null,
      alsoIds: [...new Set(nameHits.map((h) => h.id))],
    }),
  );
  const evidence = new Map();
  const of = (id) => evidence.get(id) ?? evidence.set(id, { topics: [], names: [] }).get(id);
  for (const row of found) {
    of(row.user_id).topics.push({
      match: matches.get(row.topic),
      counters: {
        declared: row.declared,
        endorsements: row.endorsements,
        acceptedAnswers: row.accepted_answers,
        answerUpvotes: row.answer_upvotes,
        posts: row.posts,
        reviews: row.reviews,
      },
    });
  }
  for (const h of nameHits) of(h.id).names.push({ term: h.term, similarity: Number(h.similarity) });
  const active = new Set((await run('activeIds (identity)', activeQuery([...evidence.keys()]))).map((r) => r.id));
  const ranked = [...evidence]
    .filter(([id]) => active.has(id))
    .map(([id, e]) => ({ id, ...scoring.rankPerson(e) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, LIMIT);
  const people = await run('summaries (identity)', summariesQuery(ranked.map((r) => r.id)));
  await run('profileSummaries (people)', profilesQuery(ranked.map((r) => r.id)));
  const nameOf = new Map(people.map((p) => [p.id, p.display_name]));
  return {
    items: ranked.map((r) => ({ name: nameOf.get(r.id), score: r.score, reasons: r.reasons })),
    statements,
    candidates: evidence.size,
  };
}

/** ExpertSearch.topExperts (routing a question): candidates per topic, summed, active only. */
async function topExperts(topicKeys, exclude) {
  const statements = [];
  const q = sql.topExpertsQuery({ topics: topicKeys, excludeIds: exclude, take: 5 * 4 + 20 });
  statements.push({ name: 'topExperts', query: q });
  const found = (await db.query(q.text, q.values)).rows;
  const a = activeQuery(found.map((r) => r.user_id));
  statements.push({ name: 'activeIds (identity)', query: a });
  const active = new Set((await db.query(a.text, a.values)).rows.map((r) => r.id));
  return {
    ids: found
      .map((r) => r.user_id)
      .filter((id) => active.has(id))
      .slice(0, 5),
    statements,
  };
}

// Copied from QuestionsService.similar and list (libs/questions/src/questions.service.ts).
async function similarQuestions(title) {
  const words = topics.significantWords(title);
  const query = {
    text: `SELECT q.id, q.title, q.status, q.answer_count, q.created_at, word_similarity(ruche_fold($1), ruche_fold(q.title)) AS similarity
             FROM questions q
            WHERE ruche_fold($1) <% ruche_fold(q.title)
            ORDER BY similarity DESC, (q.status = 'answered') DESC, q.created_at DESC, q.id
            LIMIT $2`,
    values: [words, 5],
  };
  const rows = await inTransaction(async (client) => {
    await client.query(`SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)`);
    return (await client.query(query.text, query.values)).rows;
  });
  return {
    rows,
    statements: [{ name: 'similar', query, setup: `SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)` }],
  };
}
const questionsByTopicQuery = (topic, status) => ({
  text: `SELECT q.id, q.title, q.created_at FROM questions q
          WHERE q.topics @> ARRAY[$2::text] ${status ? 'AND q.status = $3' : ''}
          ORDER BY q.created_at DESC, q.id DESC LIMIT $1`,
  values: status ? [21, topic, status] : [21, topic],
});
const questionsForMeQuery = (userId) => ({
  text: `SELECT q.id, q.title, r.routed_at FROM question_routes r JOIN questions q ON q.id = r.question_id
          WHERE r.user_id = $2::uuid ORDER BY r.routed_at DESC, q.id DESC LIMIT $1`,
  values: [21, userId],
});

// ---- measure -------------------------------------------------------------------------------

/** The plan's shape: node types and indexes, with the measured time and buffers. */
async function explain(statement) {
  return inTransaction(async (client) => {
    if (statement.name === 'topicMatch') await client.query(sql.fuzzyThresholdQuery().text, sql.fuzzyThresholdQuery().values);
    if (statement.name.startsWith('matchNames')) await client.query(NAME_MATCH.setup.text);
    if (statement.setup) await client.query(statement.setup);
    return explainPlan(client, statement.name, statement.query);
  });
}

const popular = (await db.query('SELECT topic, count(*)::int AS n FROM expertise GROUP BY topic ORDER BY n DESC LIMIT 3')).rows;
const rare = await one(
  "SELECT topic, count(*)::int AS n FROM expertise WHERE topic NOT LIKE '% %' GROUP BY topic ORDER BY n, topic LIMIT 1",
);
const someone = await one('SELECT u.id, u.display_name FROM users u WHERE u.handle = $1', [`bench_${Math.min(4242, PEOPLE)}`]);
const misspell = (w) => (w.length > 5 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : `${w}e`);
const typoName = someone.display_name
  .split(' ')
  .map((part) => (part.length > 4 ? part.slice(0, -2) + part.at(-1) + part.at(-2) : part))
  .join(' ');
const bigDepartment = (
  await one('SELECT department, count(*)::int AS n FROM profiles GROUP BY department ORDER BY n DESC LIMIT 1')
).department;
const userIds = (await db.query("SELECT id FROM users WHERE handle LIKE 'bench\\_%' ORDER BY id LIMIT 5000")).rows.map(
  (r) => r.id,
);

const searches = [
  { name: `one popular topic ("${popular[0].topic}", ${popular[0].n} people)`, q: popular[0].topic },
  { name: `one rare topic ("${rare.topic}", ${rare.n} people)`, q: rare.topic },
  {
    name: 'three topics in a sentence, French',
    q: `Qui connaît ${popular[0].topic}, ${popular[1].topic} et ${popular[2].topic} ?`,
  },
  { name: `a misspelt popular topic ("${misspell(popular[0].topic)}")`, q: misspell(popular[0].topic) },
  { name: `a misspelt name ("${typoName}" for "${someone.display_name}")`, q: typoName },
  { name: 'synonyms ("k8s ml")', q: 'k8s ml' },
  { name: `popular topic in the biggest department ("${bigDepartment}")`, q: popular[0].topic, department: bigDepartment },
  { name: 'metacharacters', q: 'kubernetes & (go | !rust) :* \'x\' "y"' },
];

// Warm the cache the way a running server is warm.
for (let i = 0; i < 3; i++) for (const s of searches) await expertSearch(s.q, s.department);

const results = {};
for (const s of searches) {
  log(`measuring: ${s.name}`);
  let last;
  const wholeSearchMs = await timeRuns(RUNS, async () => {
    last = await expertSearch(s.q, s.department);
  });
  const heavy = last.statements.filter((st) => !/summaries|profileSummaries/.test(st.name));
  results[`experts: ${s.name}`] = {
    wholeSearchMs,
    candidates: last.candidates,
    top: last.items.slice(0, 3),
    explain: await Promise.all(heavy.map(explain)),
  };
}

{
  log('measuring: routing (topExperts)');
  let last;
  const ms = await timeRuns(RUNS, async (i) => {
    last = await topExperts([popular[0].topic, popular[1].topic], [userIds[i % userIds.length]]);
  });
  results['routing: top 5 experts on two popular topics'] = {
    ms,
    explain: await Promise.all(last.statements.map(explain)),
  };
}

// The rarest expertise topic that has a question (at small sizes the rarest may have none).
const nicheTitle = (
  await one(
    `SELECT q.title FROM questions q
      JOIN (SELECT topic, count(*) AS n FROM expertise WHERE topic NOT LIKE '% %' GROUP BY topic) e ON q.topics @> ARRAY[e.topic]
     ORDER BY e.n, e.topic, q.id LIMIT 1`,
  )
).title;
for (const [name, title] of [
  [`questions: similar to a niche question's title ("${nicheTitle}")`, nicheTitle],
  [
    `questions: similar, words found in a tenth of all titles ("How do I configure ${popular[0].topic}?")`,
    `How do I configure ${popular[0].topic}?`,
  ],
  ['questions: similar, nothing like it ("quantum chromodynamics")', 'quantum chromodynamics'],
]) {
  log(`measuring: ${name}`);
  let last;
  const ms = await timeRuns(RUNS, async () => {
    last = await similarQuestions(title);
  });
  results[name] = { ms, found: last.rows.length, explain: await Promise.all(last.statements.map(explain)) };
}

for (const [name, build] of [
  ['questions: by popular topic, open, first page', () => questionsByTopicQuery(popular[0].topic, 'open')],
  ['questions: by rare topic, first page', () => questionsByTopicQuery(rare.topic, null)],
  ['questions: for me, first page', (i) => questionsForMeQuery(userIds[i % userIds.length])],
]) {
  log(`measuring: ${name}`);
  const queries = Array.from({ length: RUNS }, (_, i) => build(i)); // built outside the timed part
  const ms = await timeRuns(RUNS, (i) => db.query(queries[i].text, queries[i].values));
  results[name] = { ms, explain: [await explain({ name, query: build(0) })] };
}

console.log(
  JSON.stringify(
    {
      database: DATABASE,
      ...(await server()),
      data: {
        people: await count('users'),
        postsBehindExpertise: POSTS,
        expertiseRows: await count('expertise'),
        topics: await count('expertise_topics'),
        questions: await count('questions'),
        questionRoutes: await count('question_routes'),
        expertiseTableAndIndexes: await size('expertise'),
        usersTableAndIndexes: await size('users'),
        questionsTableAndIndexes: await size('questions'),
      },
      seedSeconds,
      runsPerScenario: RUNS,
      limit: LIMIT,
      results,
    },
    null,
    2,
  ),
);
await db.end();
