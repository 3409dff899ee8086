import fc from 'fast-check';
import { findLoneSurrogate } from '@ruche/platform';
import { addMember, createGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator, review, submitIdea, transition, vote } from './factories/idea.factory.js';
import { grantRoles, report } from './factories/moderation.factory.js';
import { png, uploadFile } from './factories/file.factory.js';
import { createPost } from './factories/post.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { writeOperations } from './support/write-operations.js';

/**
 * Property-based fuzzing of every DTO: each write route with a body gets hostile variations of a
 * valid body (deep nesting, type confusion, nulls, huge, invisible and malformed strings, extra
 * keys, arrays for objects and objects for arrays, raw bytes). Whatever comes in, the answer is a
 * 2xx or a 4xx, never a 5xx, and a 4xx writes nothing at all.
 *
 * "Nothing at all" is read from a write log this test installs in its own database: a row trigger
 * on every table adds a line for each row inserted, updated or deleted, in the writing transaction,
 * so a rolled-back attempt leaves no line and a committed write always does — in any table, the
 * outbox included. (PostgreSQL's transaction counter would do, but it is shared by every database
 * of the server, and other test files run next to this one.)
 *
 * Seeded, so a failure replays; `FUZZ_RUNS` raises the runs per route for a longer session.
 */

const SEED = 20_261_106;
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);

interface Target {
  as: () => TestUser;
  path: () => string;
  valid: () => Record<string, unknown>;
}

// ---- hostile values -----------------------------------------------------------------------------

const INVISIBLE_CHARS = [' ', '\t', '\n', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\u3164', '\uFFA0', '\u115F', '\u202E', '\uFEFF', '\u2800'];
const invisible = fc.array(fc.constantFrom(...INVISIBLE_CHARS), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
const loneSurrogate = fc
  .tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 4 }))
  .map(([before, unit, after]) => before + String.fromCharCode(unit) + after);
const huge = fc.constantFrom(257, 1_001, 5_001, 10_001, 20_001, 50_001, 200_000).map((n) => 'x'.repeat(n));
const withNul = fc.string({ maxLength: 8 }).map((s) => `${s}\u0000${s}`);
const idLike = fc.oneof(
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => `{${id}}`),
  fc.uuid().map((id) => id.replace(/-/g, '')),
  fc.constant('00000000-0000-0000-0000-000000000000'),
);
const tricky = fc.constantFrom(
  "' OR 1=1 --",
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '2027-02-30',
  '9999-12-31T23:59:59Z',
  '-1',
  '1e400',
  'NaN',
  'null',
  'true',
  '__proto__',
  '👨\u200D👩\u200D👧',
  'مرحبا',
);
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  invisible,
  loneSurrogate,
  huge,
  withNul,
  idLike,
  tricky,
);
const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, -1, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 0.5),
  text,
);
const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};
const deep = fc.tuple(fc.integer({ min: 20, max: 3000 }), scalar).map(([depth, leaf]) => nested(depth, leaf));
const { value: hostile } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    deep,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'prototype')), tie('value'), {
      maxKeys: 4,
    }),
  ),
}));

// ---- bodies ------------------------------------------------------------------------------------

type Mutation = (body: Record<string, unknown>) => unknown;

/** One change to a body (or the whole body replaced); applied in a row, they compose. */
function mutation(keys: string[]): fc.Arbitrary<Mutation> {
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.string({ maxLength: 8 });
  return fc.oneof(
    // A field gets any value: nulls, type confusion, huge, invisible or malformed text, deep nesting.
    fc.tuple(key, hostile).map(([k, v]): Mutation => (body) => ({ ...body, [k]: v })),
    // An array where a scalar is expected, an object where an array is, and so on.
    fc.tuple(key, fc.constantFrom('array', 'object', 'arrayOfNull', 'many')).map(([k, shape]): Mutation => (body) => {
      const current = body[k];
      const changed = { array: [current], object: { value: current }, arrayOfNull: [null], many: Array(2000).fill(typeof current === 'string' && current.length < 100 ? current : 'x') };
      return { ...body, [k]: changed[shape as keyof typeof changed] };
    }),
    // An extra key, prototype pollution attempts included.
    fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'authorId', 'roles', 'status')), hostile).map(
      ([k, v]): Mutation =>
        (body) => {
          const copy: Record<string, unknown> = { ...body };
          Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
          return copy;
        },
    ),
    // A field left out.
    key.map((k): Mutation => (body) => {
      const copy = { ...body };
      delete copy[k];
      return copy;
    }),
    // Not an object at all.
    hostile.map((v): Mutation => () => v),
  );
}

/**
 * What goes on the wire: JSON (lone surrogates escaped, as JSON.stringify writes them), JSON text
 * nested deeper than any serializer would go (100,000 levels), or raw bytes.
 */
type Wire = ({ json: unknown } | { text: string } | { bytes: Uint8Array }) & { [fc.toStringMethod]: () => string };

const DEEP_SLOT = '\u0001deep\u0001';

function wire(payload: { json: unknown } | { text: string } | { bytes: Uint8Array }): Wire {
  // fast-check prints a counterexample by walking it: a 3,000-level value would overflow the stack.
  return { ...payload, [fc.toStringMethod]: () => describeWire(payload) };
}

function bodies(valid: () => Record<string, unknown>): fc.Arbitrary<Wire> {
  const keys = Object.keys(valid());
  const mutated = fc.array(mutation(keys), { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce<unknown>((b, m) => m(b as Record<string, unknown>), valid()));
  const veryDeep = fc.tuple(fc.constantFrom(...keys, ''), fc.constantFrom(5_000, 20_000, 100_000)).map(([key, depth]) => {
    const nestedText = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    if (!key) return wire({ text: nestedText });
    return wire({ text: JSON.stringify({ ...valid(), [key]: DEEP_SLOT }).replace(JSON.stringify(DEEP_SLOT), nestedText) });
  });
  return fc.oneof(
    { arbitrary: mutated.map((json) => wire({ json })), weight: 17 },
    { arbitrary: veryDeep, weight: 2 },
    { arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => wire({ bytes })), weight: 1 },
  );
}

/** A short, printable description of a case, for the failure report. */
function describeWire(payload: { json: unknown } | { text: string } | { bytes: Uint8Array }): string {
  const text =
    'json' in payload
      ? (JSON.stringify(payload.json) ?? 'undefined')
      : 'text' in payload
        ? payload.text
        : `bytes ${Buffer.from(payload.bytes).toString('hex')}`;
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

/** What the contract says about a body whatever the route: not an object, or holding a lone surrogate, is a 4xx. */
function mustBeRefused(payload: Wire): string | undefined {
  if (!('json' in payload)) return undefined;
  const body = payload.json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'a body that is not an object';
  if (findLoneSurrogate(body) !== undefined) return 'a body with an unpaired surrogate';
  return undefined;
}

/** The write log (see the header): one row trigger per table, partitions inheriting their parent's. */
async function installWriteLog(t: TestApp): Promise<void> {
  await t.sql('CREATE TABLE fuzz_write_log (id bigserial PRIMARY KEY, name text NOT NULL)');
  await t.sql(`CREATE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO fuzz_write_log (name) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
  await t.sql(`DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'fuzz_write_log'
    LOOP
      EXECUTE format('CREATE TRIGGER fuzz_log_write AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION fuzz_log_write()', r.relname);
    END LOOP; END $$`);
}

// ---- the run -----------------------------------------------------------------------------------

describe('DTO fuzzing: every write route, hostile bodies', () => {
  let t: TestApp;
  let admin: TestUser, alice: TestUser, bob: TestUser, target: TestUser, innovator: TestUser, moderator: TestUser;
  const ids: Record<string, string> = {};
  let refreshToken: string;
  const cases: Record<string, { total: number; accepted: number; refused: number; failed: number }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    [admin, alice, bob, target] = await registerUsers(t, ['Admin', 'Alice', 'Bob', 'Target']);
    const sessions = await registerUser(t, { displayName: 'Sessions' });
    refreshToken = sessions.refreshToken;
    innovator = await registerInnovator(t, admin);
    moderator = await grantRoles(t, admin, await registerUser(t, { displayName: 'Moderator' }), ['moderator']);

    ids.post = (await createPost(t, alice, 'A post for the fuzzer')).id;
    const pollPost = await t.http
      .post('/api/posts')
      .set('Authorization', alice.auth)
      .send({ body: 'A poll for the fuzzer', poll: { options: ['Yes', 'No'], multiple: true } })
      .expect(201);
    ids.pollPost = pollPost.body.id;
    ids.pollOption = pollPost.body.poll.options[0].id;
    ids.file = (await uploadFile(t, alice, 'month,sales\n1,10\n', 'chart.csv')).id;
    ids.photo = (await uploadFile(t, alice, await png(), 'me.png')).id;
    ids.group = (await createGroup(t, alice, { name: 'Fuzzed group' })).id;
    await addMember(t, alice, ids.group, bob);
    ids.report = (await report(t, bob, ids.post)).id;

    ids.draft = (
      await t.http
        .post('/api/campaigns')
        .set('Authorization', innovator.auth)
        .send({ title: 'Draft', description: 'To edit', criteria: [{ name: 'Impact', weight: 1 }], reviewerIds: [alice.id], advanceTopN: 2 })
    ).body.id;
    const open = await openCampaign(t, innovator, [alice]);
    ids.campaign = open.id;
    const reviewed = await openCampaign(t, innovator, [alice]);
    const ideaA = await submitIdea(t, bob, reviewed.id);
    const ideaB = await submitIdea(t, bob, reviewed.id);
    await vote(t, alice, ideaA.id);
    await vote(t, alice, ideaB.id);
    await transition(t, innovator, reviewed.id, 'advance');
    await review(t, alice, ideaB.id, { Impact: 4, Feasibility: 3 });
    await t.http.post(`/api/ideas/${ideaB.id}/decision`).set('Authorization', innovator.auth).send({ status: 'selected' }).expect(200);
    ids.ideaInReview = ideaA.id;
    ids.ideaSelected = ideaB.id;
    ids.ideaSubmitted = (await submitIdea(t, bob, open.id)).id;
    ids.ideaOther = (await submitIdea(t, alice, open.id)).id;

    const question = await t.http
      .post('/api/questions')
      .set('Authorization', alice.auth)
      .send({ title: 'How do we fuzz?', topics: ['testing'] });
    ids.question = question.body.id;
    ids.answer = (await t.http.post(`/api/questions/${ids.question}/answers`).set('Authorization', bob.auth).send({ body: 'Seeded.' })).body.id;
    ids.comment = (await t.http.post(`/api/posts/${ids.post}/comments`).set('Authorization', bob.auth).send({ body: 'Seeded.' })).body.id;
    await t.http.put('/api/guidelines').set('Authorization', admin.auth).send({ body: '# Be kind' }).expect(200);
    ids.trainingDraft = (
      await t.http
        .post('/api/training/paths')
        .set('Authorization', admin.auth)
        .send({ title: 'Draft path', audience: 'newcomers', steps: [{ kind: 'read', title: 'Read' }] })
        .expect(201)
    ).body.id;
    await installWriteLog(t);
  });

  afterAll(async () => {
    const total = Object.values(cases).reduce((sum, c) => sum + c.total, 0);
    const refused = Object.values(cases).reduce((sum, c) => sum + c.refused, 0);
    const accepted = Object.values(cases).reduce((sum, c) => sum + c.accepted, 0);
    const failed = Object.values(cases).reduce((sum, c) => sum + c.failed, 0);
    // The closing note quotes this line.
    console.log(`DTO fuzz: ${total} cases on ${Object.keys(cases).length} routes (seed ${SEED}, ${RUNS} runs each): ${refused} refused with a 4xx, ${accepted} accepted, ${failed} failing`);
    await t.close();
  });

  const guidelinesVersion = async () => Number((await t.sql<{ v: number }>('SELECT coalesce(max(version), 0) AS v FROM guidelines'))[0].v);

  /** Every write route with a body, what a valid body looks like, and who sends it. */
  const TARGETS: Record<string, Target> = {
    'POST /api/auth/register': {
      as: () => alice,
      path: () => '/api/auth/register',
      valid: () => ({ email: `fuzz.${Math.random().toString(36).slice(2)}@corp.example`, password: 'correct horse battery', displayName: 'Fuzz' }),
    },
    'POST /api/auth/login': { as: () => alice, path: () => '/api/auth/login', valid: () => ({ email: alice.email, password: alice.password }) },
    'POST /api/auth/refresh': { as: () => alice, path: () => '/api/auth/refresh', valid: () => ({ refreshToken }) },
    'POST /api/auth/logout': { as: () => alice, path: () => '/api/auth/logout', valid: () => ({ refreshToken: alice.refreshToken }) },
    'POST /api/auth/oidc/exchange': { as: () => alice, path: () => '/api/auth/oidc/exchange', valid: () => ({ code: 'no-such-code' }) },
    // SAML is not configured here: a valid body reaches the handler and gets 404 sso_not_configured (test/saml.e2e-spec.ts signs in for real).
    'POST /api/auth/saml/acs': { as: () => alice, path: () => '/api/auth/saml/acs', valid: () => ({ SAMLResponse: 'PHNhbWxwOlJlc3BvbnNlLz4=', RelayState: 'a.b' }) },
    'POST /api/me/password': {
      as: () => alice,
      path: () => '/api/me/password',
      valid: () => ({ currentPassword: 'not her password', newPassword: 'a fresh long passphrase' }),
    },
    'PUT /api/admin/users/{id}/password': {
      as: () => admin,
      path: () => `/api/admin/users/${target.id}/password`,
      valid: () => ({ newPassword: 'a temporary passphrase' }),
    },
    'POST /api/admin/invitations': {
      as: () => admin,
      path: () => '/api/admin/invitations',
      valid: () => ({ email: `invited.${Math.random().toString(36).slice(2)}@corp.example`, roles: ['moderator'] }),
    },
    'PUT /api/admin/users/{id}/roles': { as: () => admin, path: () => `/api/admin/users/${target.id}/roles`, valid: () => ({ roles: ['employee'] }) },
    'PATCH /api/me': { as: () => alice, path: () => '/api/me', valid: () => ({ displayName: 'Alice', title: 'Engineer', skills: ['Go', 'SQL'] }) },
    'POST /api/posts': {
      as: () => alice,
      path: () => '/api/posts',
      valid: () => ({ body: 'Hello', groupId: ids.group, poll: { question: 'Which?', options: ['One', 'Two'], multiple: false } }),
    },
    'PUT /api/posts/{id}/poll/vote': { as: () => bob, path: () => `/api/posts/${ids.pollPost}/poll/vote`, valid: () => ({ optionIds: [ids.pollOption] }) },
    'PATCH /api/posts/{id}': { as: () => alice, path: () => `/api/posts/${ids.post}`, valid: () => ({ body: 'Edited' }) },
    'PATCH /api/files/{id}': { as: () => alice, path: () => `/api/files/${ids.file}`, valid: () => ({ alt: 'A chart of sales' }) },
    'PUT /api/me/avatar': { as: () => alice, path: () => '/api/me/avatar', valid: () => ({ fileId: ids.photo }) },
    'POST /api/posts/{id}/comments': { as: () => bob, path: () => `/api/posts/${ids.post}/comments`, valid: () => ({ body: 'A comment' }) },
    'PATCH /api/comments/{id}': { as: () => bob, path: () => `/api/comments/${ids.comment}`, valid: () => ({ body: 'An **edited** comment' }) },
    'PATCH /api/questions/{id}': {
      as: () => alice,
      path: () => `/api/questions/${ids.question}`,
      valid: () => ({ title: 'How do we fuzz now?', body: 'With `fast-check`', topics: ['testing'] }),
    },
    'PATCH /api/answers/{id}': { as: () => bob, path: () => `/api/answers/${ids.answer}`, valid: () => ({ body: 'Seeded, *edited*.' }) },
    'POST /api/groups': { as: () => alice, path: () => '/api/groups', valid: () => ({ name: 'Group', description: 'About', visibility: 'public' }) },
    'PATCH /api/groups/{id}': { as: () => alice, path: () => `/api/groups/${ids.group}`, valid: () => ({ name: 'Fuzzed group', description: 'd', visibility: 'public' }) },
    'PUT /api/groups/{id}/members/{userId}': { as: () => alice, path: () => `/api/groups/${ids.group}/members/${bob.id}`, valid: () => ({ role: 'member' }) },
    'POST /api/groups/{id}/bans': {
      as: () => alice,
      path: () => `/api/groups/${ids.group}/bans`,
      valid: () => ({ userId: target.id, reason: 'Spam', until: '2099-01-01T00:00:00Z' }),
    },
    'POST /api/campaigns': {
      as: () => innovator,
      path: () => '/api/campaigns',
      valid: () => ({ title: 'Campaign', description: 'Why', topics: ['travel'], criteria: [{ name: 'Impact', weight: 2 }], reviewerIds: [alice.id], advanceTopN: 3 }),
    },
    'PATCH /api/campaigns/{id}': {
      as: () => innovator,
      path: () => `/api/campaigns/${ids.draft}`,
      valid: () => ({ title: 'Draft', topics: ['x'], criteria: [{ name: 'Impact', weight: 1 }], reviewerIds: [alice.id], advanceTopN: 2 }),
    },
    'POST /api/campaigns/{id}/ideas': { as: () => bob, path: () => `/api/campaigns/${ids.campaign}/ideas`, valid: () => ({ title: 'Idea', body: 'Body' }) },
    'PATCH /api/ideas/{id}': { as: () => bob, path: () => `/api/ideas/${ids.ideaSubmitted}`, valid: () => ({ title: 'Idea', body: 'Body' }) },
    'POST /api/ideas/{id}/comments': { as: () => alice, path: () => `/api/ideas/${ids.ideaSubmitted}/comments`, valid: () => ({ body: 'Nice' }) },
    'POST /api/ideas/{id}/reviews': {
      as: () => alice,
      path: () => `/api/ideas/${ids.ideaInReview}/reviews`,
      valid: () => ({ scores: { Impact: 4, Feasibility: 2 }, comment: 'Good' }),
    },
    'POST /api/ideas/{id}/decision': {
      as: () => innovator,
      path: () => `/api/ideas/${ids.ideaInReview}/decision`,
      valid: () => ({ status: 'rejected', rationale: 'Not now' }),
    },
    'POST /api/ideas/{id}/merge': { as: () => innovator, path: () => `/api/ideas/${ids.ideaOther}/merge`, valid: () => ({ intoId: ids.ideaSubmitted }) },
    'PATCH /api/ideas/{id}/implementation': {
      as: () => innovator,
      path: () => `/api/ideas/${ids.ideaSelected}/implementation`,
      valid: () => ({ ownerId: bob.id, progress: 10, milestones: [{ title: 'Pilot', date: '2027-03-31', done: false }] }),
    },
    'POST /api/questions': { as: () => alice, path: () => '/api/questions', valid: () => ({ title: 'Why?', body: 'Because', topics: ['kubernetes'] }) },
    'POST /api/questions/{id}/answers': { as: () => bob, path: () => `/api/questions/${ids.question}/answers`, valid: () => ({ body: 'An answer' }) },
    'POST /api/questions/{id}/accept': { as: () => alice, path: () => `/api/questions/${ids.question}/accept`, valid: () => ({ answerId: ids.answer }) },
    'POST /api/announcements': {
      as: () => admin,
      path: () => '/api/announcements',
      valid: () => ({
        title: 'All staff',
        body: 'Read me',
        audience: { departments: ['Sales'], locations: ['Paris'] },
        publishAt: new Date(Date.now() + 3_600_000).toISOString(),
        expiresAt: new Date(Date.now() + 7_200_000).toISOString(),
      }),
    },
    'POST /api/reports': { as: () => target, path: () => '/api/reports', valid: () => ({ targetType: 'post', targetId: ids.post, reason: 'Spam' }) },
    'POST /api/moderation/reports/{id}/resolve': {
      as: () => moderator,
      path: () => `/api/moderation/reports/${ids.report}/resolve`,
      valid: () => ({ action: 'dismiss', note: 'Fine' }),
    },
    'PUT /api/moderation/settings': { as: () => moderator, path: () => '/api/moderation/settings', valid: () => ({ autoHideThreshold: 5, blockedTerms: ['spam'] }) },
    'PUT /api/guidelines': { as: () => admin, path: () => '/api/guidelines', valid: () => ({ body: '# Be kind' }) },
    'POST /api/guidelines/accept': { as: () => bob, path: () => '/api/guidelines/accept', valid: () => ({ version: 1 }) },
    'PUT /api/admin/users/{id}/suspension': {
      as: () => admin,
      path: () => `/api/admin/users/${target.id}/suspension`,
      valid: () => ({ suspended: false, reason: 'Reinstated' }),
    },
    // Erasure is final: the valid bodies are refused (wrong password, a handle that is not the
    // account's), so hostile variations of them never erase anyone (test/personal-data.e2e-spec.ts erases for real).
    'POST /api/me/erase': {
      as: () => alice,
      path: () => '/api/me/erase',
      valid: () => ({ confirmation: alice.handle, password: 'not her password' }),
    },
    'POST /api/admin/users/{id}/erase': {
      as: () => admin,
      path: () => `/api/admin/users/${target.id}/erase`,
      valid: () => ({ confirmation: 'not_the_handle' }),
    },
    'PUT /api/admin/users/{id}/deactivation': {
      as: () => admin,
      path: () => `/api/admin/users/${target.id}/deactivation`,
      valid: () => ({ deactivated: false, reason: 'Back from leave' }),
    },
    'PUT /api/admin/users/{id}/manager': {
      as: () => admin,
      path: () => `/api/admin/users/${target.id}/manager`,
      valid: () => ({ managerId: alice.id }),
    },
    'PUT /api/admin/skill-synonyms': { as: () => admin, path: () => '/api/admin/skill-synonyms', valid: () => ({ synonyms: [{ alias: 'k8s', canonical: 'kubernetes' }] }) },
    'PUT /api/admin/link-previews/rules': {
      as: () => admin,
      path: () => '/api/admin/link-previews/rules',
      valid: () => ({ rules: [{ host: 'example.com', rule: 'deny' }] }),
    },
    'PUT /api/me/mentoring': { as: () => alice, path: () => '/api/me/mentoring', valid: () => ({ topics: ['go'], available: true, maxMentees: 2 }) },
    'POST /api/mentoring/requests': { as: () => bob, path: () => '/api/mentoring/requests', valid: () => ({ skill: 'go', note: 'Help' }) },
    'POST /api/notifications/read': { as: () => alice, path: () => '/api/notifications/read', valid: () => ({ kinds: ['mention', 'comment'] }) },
    'POST /api/training/paths': {
      as: () => admin,
      path: () => '/api/training/paths',
      valid: () => ({ title: 'Welcome', audience: 'newcomers', steps: [{ kind: 'read', title: 'How we work', body: 'Openly' }] }),
    },
    'PATCH /api/training/paths/{id}': {
      as: () => admin,
      path: () => `/api/training/paths/${ids.trainingDraft}`,
      valid: () => ({ title: 'Renamed', steps: [{ kind: 'first_post', title: 'Say hello' }] }),
    },
    'PUT /api/me/first-run': { as: () => alice, path: () => '/api/me/first-run', valid: () => ({ outcome: 'skipped' }) },
    'PUT /api/topics/{topic}/helper': { as: () => alice, path: () => '/api/topics/testing/helper', valid: () => ({ weeklyCap: 3 }) },
    'POST /api/kudos': { as: () => alice, path: () => '/api/kudos', valid: () => ({ targetType: 'answer', targetId: ids.answer, message: 'Thanks!' }) },
    // #15: refused for want of a real challenge, token, enrolment or password, so a 4xx that must write nothing.
    'POST /api/auth/login/totp': {
      as: () => alice,
      path: () => '/api/auth/login/totp',
      valid: () => ({ challenge: 'no-such-challenge', code: '123456' }),
    },
    'POST /api/auth/verify': { as: () => alice, path: () => '/api/auth/verify', valid: () => ({ token: 'no-such-token' }) },
    'POST /api/auth/password/forgot': { as: () => alice, path: () => '/api/auth/password/forgot', valid: () => ({ email: alice.email }) },
    'POST /api/auth/password/reset': {
      as: () => alice,
      path: () => '/api/auth/password/reset',
      valid: () => ({ token: 'no-such-token', password: 'a fresh long passphrase' }),
    },
    'POST /api/me/2fa/totp/confirm': { as: () => alice, path: () => '/api/me/2fa/totp/confirm', valid: () => ({ code: '123456' }) },
    'POST /api/me/2fa/disable': {
      as: () => alice,
      path: () => '/api/me/2fa/disable',
      valid: () => ({ password: 'not her password', code: '123456' }),
    },
    'PUT /api/me/recognition': { as: () => alice, path: () => '/api/me/recognition', valid: () => ({ publicRecognition: false }) },
    'PUT /api/notifications/preferences': {
      as: () => alice,
      path: () => '/api/notifications/preferences',
      valid: () => ({ preferences: [{ kind: 'mention', enabled: true, push: false }] }),
    },
    // Web Push (#16): endpoints outside the push services are refused, so a valid-looking body is one of theirs.
    'POST /api/push/subscriptions': {
      as: () => alice,
      path: () => '/api/push/subscriptions',
      valid: () => ({
        endpoint: 'https://fcm.googleapis.com/fcm/send/fuzz',
        keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
      }),
    },
    'DELETE /api/push/subscriptions': {
      as: () => alice,
      path: () => '/api/push/subscriptions',
      valid: () => ({ endpoint: 'https://fcm.googleapis.com/fcm/send/fuzz' }),
    },
    'PUT /api/push/quiet-hours': { as: () => alice, path: () => '/api/push/quiet-hours', valid: () => ({ start: '22:00', end: '07:00' }) },
  };

  it('covers every route the app registers with a body (a new one cannot ship unfuzzed)', async () => {
    const withBody = writeOperations(t.app)
      .filter((op) => op.hasBody)
      .map((op) => `${op.method.toUpperCase()} ${op.path}`);
    expect(withBody.filter((route) => !TARGETS[route]).sort()).toEqual([]);
    expect(Object.keys(TARGETS).filter((route) => !withBody.includes(route)).sort()).toEqual([]);
    expect(await guidelinesVersion()).toBe(1);
  });

  /** Committed row writes so far, in every table (see the header). */
  const writes = async () => {
    await t.settle();
    return Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM fuzz_write_log'))[0].n);
  };

  /** The tables a committed write touched since `since` writes (to say what a refused request wrote). */
  const writtenSince = async (since: number) =>
    (await t.sql<{ name: string }>('SELECT DISTINCT name FROM (SELECT name FROM fuzz_write_log ORDER BY id OFFSET $1) w', [since]))
      .map((r) => r.name)
      .join(', ');

  const send = (route: string, target: Target, wire: Wire) => {
    const method = route.split(' ')[0].toLowerCase() as 'post' | 'put' | 'patch';
    const req = t.http[method](target.path()).set('Authorization', target.as().auth).set('Content-Type', 'application/json');
    if ('bytes' in wire) return req.serialize((b: Buffer) => b as unknown as string).send(Buffer.from(wire.bytes) as unknown as object);
    return req.send('text' in wire ? wire.text : JSON.stringify(wire.json));
  };

  it('the write log sees a committed write, and not a rolled-back one', async () => {
    const before = await writes();
    await t.http.patch('/api/me').set('Authorization', bob.auth).send({ title: 'Logged' }).expect(200);
    const afterWrite = await writes();
    expect(afterWrite).toBeGreaterThan(before);
    await t.sql(`BEGIN; UPDATE profiles SET title = 'Rolled back'; ROLLBACK`);
    expect(await writes()).toBe(afterWrite);
  });

  it.each(Object.keys(TARGETS))('%s: truncated JSON or a non-object body is a 400 that writes nothing', async (route) => {
    const before = await writes();
    for (const body of [wire({ text: '{"body":' }), wire({ json: [1, 2] })]) {
      const [what, res] = [describeWire(body), await send(route, TARGETS[route], body)];
      expect({ what, answer: res.body }).toMatchObject({ what, answer: { statusCode: 400 } });
    }
    expect(await writes()).toBe(before);
  });

  it.each(Object.keys(TARGETS))('%s: never a 5xx, and a 4xx writes nothing', async (route) => {
    const target = TARGETS[route];
    const tally = (cases[route] = { total: 0, accepted: 0, refused: 0, failed: 0 });
    await fc.assert(
      fc.asyncProperty(bodies(target.valid), async (wire) => {
        const before = await writes();
        const res = await send(route, target, wire);
        tally.total++;
        const what = `${route} ${describeWire(wire)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        const refusal = mustBeRefused(wire);
        const failure =
          res.status >= 500 || res.status < 200 ? `server error: ${what}` : refusal && res.status < 400 ? `${refusal} was accepted: ${what}` : null;
        if (failure) {
          tally.failed++;
          throw new Error(failure);
        }
        if (res.status >= 300) {
          tally.refused++;
          const after = await writes();
          if (after !== before) {
            tally.failed++;
            throw new Error(`a refused request wrote ${after - before} rows (${await writtenSince(before)}): ${what}`);
          }
        } else {
          tally.accepted++;
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(tally.total).toBeGreaterThanOrEqual(RUNS);
  });
});
