import { createGroup } from './factories/group.factory.js';
import {
  acceptGuidelines,
  auditOf,
  registerModerator,
  publishGuidelines,
  queueOf,
  resolve,
  setSettings,
} from './factories/moderation.factory.js';
import { createPost, ids, listAll } from './factories/post.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

const NOT_ACCEPTED = /^guidelines_not_accepted/;

/**
 * Company guidelines (versioned; accepted before writing, again after each new version) and
 * blocked terms (content held for review instead of published).
 */
describe('moderation: guidelines and blocked terms', () => {
  const t = useTestApp();
  let admin: TestUser, moderator: TestUser, member: TestUser, other: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    moderator = await registerModerator(t, admin);
    [member, other] = await registerUsers(t, ['Member', 'Other']);
  });

  const as = (user: TestUser) => actingAs(t, user);
  const count = async (table: string) => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  describe('guidelines', () => {
    it('before any version nothing is required, and there is nothing to accept', async () => {
      expect((await as(member).get('/api/guidelines')).body).toEqual({
        version: null,
        body: '',
        bodyHtml: '',
        publishedAt: null,
        publishedBy: null,
        acceptedVersion: null,
        mustAccept: false,
      });
      expect((await as(member).post('/api/posts', { body: 'Before any guidelines' })).status).toBe(201);
      expect((await as(member).post('/api/guidelines/accept', { version: 1 })).status).toBe(409);
    });

    it('a published version must be accepted before posting or commenting; a new one asks again', async () => {
      const earlier = await createPost(t, other, 'Written before the guidelines');
      const v1 = await publishGuidelines(t, admin, '# Be kind\n\nNo harassment.');
      expect(v1).toBe(1);
      // The publisher accepted what they published.
      expect((await as(admin).get('/api/guidelines')).body).toMatchObject({ version: 1, mustAccept: false, acceptedVersion: 1 });
      const view = (await as(member).get('/api/guidelines')).body;
      expect(view).toMatchObject({
        version: 1,
        body: '# Be kind\n\nNo harassment.',
        publishedBy: { id: admin.id },
        acceptedVersion: null,
        mustAccept: true,
      });

      const posts = await count('posts');
      const comments = await count('post_comments');
      const refused = await as(member).post('/api/posts', { body: 'Not yet' });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(NOT_ACCEPTED);
      expect((await as(member).post(`/api/posts/${earlier.id}/comments`, { body: 'Not yet either' })).status).toBe(403);
      expect(await count('posts')).toBe(posts);
      expect(await count('post_comments')).toBe(comments);
      // Reading is never gated.
      expect((await as(member).get(`/api/posts/${earlier.id}`)).status).toBe(200);

      expect((await as(member).post('/api/guidelines/accept', { version: 2 })).status).toBe(409);
      await acceptGuidelines(t, member, 1);
      await acceptGuidelines(t, member, 1); // idempotent
      expect((await as(member).post('/api/posts', { body: 'Now I may' })).status).toBe(201);

      // The same text again is not a new version.
      expect(await publishGuidelines(t, admin, '# Be kind\n\nNo harassment.')).toBe(1);
      const v2 = await publishGuidelines(t, admin, '# Be kind\n\nNo harassment. No spam.');
      expect(v2).toBe(2);
      expect((await as(member).get('/api/guidelines')).body).toMatchObject({ version: 2, acceptedVersion: 1, mustAccept: true });
      expect((await as(member).post('/api/posts', { body: 'Blocked again' })).status).toBe(403);
      const old = await as(member).post('/api/guidelines/accept', { version: 1 });
      expect(old.status).toBe(409);
      expect(old.body.message).toContain('accept version 2');
      await acceptGuidelines(t, member, 2);
      expect((await as(member).post('/api/posts', { body: 'Back in' })).status).toBe(201);

      const audit = await auditOf(t, moderator, '?action=guidelines.published');
      expect(audit.map((a) => a.details.version)).toEqual([2, 1]);
      expect(audit[0].actor?.id).toBe(admin.id);
      expect(await count('guidelines')).toBe(2);
    });
  });

  describe('blocked terms', () => {
    beforeAll(async () => {
      // Everyone here has accepted the current guidelines, so only screening is under test.
      const { version } = (await as(admin).get('/api/guidelines')).body;
      for (const user of [moderator, member, other]) await acceptGuidelines(t, user, version);
    });

    it('settings start at a threshold of 3 and no terms; terms are stored normalized', async () => {
      const initial = (await as(moderator).get('/api/moderation/settings')).body;
      expect(initial).toMatchObject({ autoHideThreshold: 3, blockedTerms: [] });
      const updated = await setSettings(t, admin, { blockedTerms: ['  Crypto Scam ', 'crypto scam', 'Ärger'] });
      expect(updated).toMatchObject({ autoHideThreshold: 3, blockedTerms: ['crypto scam', 'arger'] });
      const audit = await auditOf(t, moderator, '?action=moderation.settings_changed');
      expect(audit[0]).toMatchObject({ actor: { id: admin.id }, details: { blockedTerms: ['crypto scam', 'arger'] } });
    });

    it('a post containing one is held: its author and moderators see it, nobody else', async () => {
      const res = await as(member).post('/api/posts', { body: 'Join my CRYPTO  scam today' });
      expect(res.status).toBe(201);
      expect(res.body.moderation).toEqual({ state: 'held' });
      expect((await as(member).get(`/api/posts/${res.body.id}`)).body.moderation).toEqual({ state: 'held' });
      expect((await as(moderator).get(`/api/posts/${res.body.id}`)).status).toBe(200);
      expect((await as(other).get(`/api/posts/${res.body.id}`)).status).toBe(404);
      expect(ids(await listAll(t, other, '/api/feed?scope=company'))).not.toContain(res.body.id);
      expect(ids(await listAll(t, other, `/api/users/${member.id}/posts`))).not.toContain(res.body.id);
      expect(ids(await listAll(t, member, `/api/users/${member.id}/posts`))).toContain(res.body.id);
      await t.settle();
      const audit = await auditOf(t, moderator, `?action=moderation.hold&targetId=${res.body.id}`);
      expect(audit[0]).toMatchObject({ actor: null, details: { authorId: member.id, terms: ['crypto scam'] } });
    });

    it('whole words only: a term inside another word does not hold', async () => {
      const res = await as(member).post('/api/posts', { body: 'Cryptoscamming is not a word; neither is Ärgerlich' });
      expect(res.body.moderation).toBeUndefined();
    });

    it('a held comment is seen by its author and moderators, counted only once released', async () => {
      const post = await createPost(t, other, 'Comments welcome');
      const res = await as(member).post(`/api/posts/${post.id}/comments`, { body: 'So much Ärger here' });
      expect(res.status).toBe(201);
      expect(res.body.moderation).toEqual({ state: 'held' });
      const list = (viewer: TestUser) => listAll<{ id: string }>(t, viewer, `/api/posts/${post.id}/comments`);
      expect(ids(await list(member))).toEqual([res.body.id]);
      expect(ids(await list(moderator))).toEqual([res.body.id]);
      expect(ids(await list(other))).toEqual([]);
      expect((await as(other).get(`/api/posts/${post.id}`)).body.commentCount).toBe(0);
      // Others cannot see it, so cannot report it.
      expect((await as(other).post('/api/reports', { targetType: 'comment', targetId: res.body.id, reason: 'x' })).status).toBe(
        404,
      );

      await t.settle();
      const item = (await queueOf(t, moderator)).find((i) => i.target.id === res.body.id)!;
      expect(item).toMatchObject({ held: true, heldTerms: ['arger'], target: { type: 'comment', state: 'held' } });
      await resolve(t, moderator, item.reportId, 'dismiss');
      await t.settle();
      expect(ids(await list(other))).toEqual([res.body.id]);
      expect((await as(other).get(`/api/posts/${post.id}`)).body.commentCount).toBe(1);
    });

    it('a held post hidden by the reviewer is gone for its author too', async () => {
      const res = await as(member).post('/api/posts', { body: 'Another crypto scam' });
      await t.settle();
      const item = (await queueOf(t, moderator)).find((i) => i.target.id === res.body.id)!;
      await resolve(t, moderator, item.reportId, 'hide', 'Not allowed here');
      await t.settle();
      expect((await as(member).get(`/api/posts/${res.body.id}`)).status).toBe(404);
      expect((await as(moderator).get(`/api/posts/${res.body.id}`)).body.moderation).toEqual({ state: 'hidden' });
    });

    it('held content in a group goes to the group’s owners and admins too', async () => {
      const g = await createGroup(t, other, { name: 'Held in a group', visibility: 'public' });
      await as(member).post(`/api/groups/${g.id}/join`);
      const res = await as(member).post('/api/posts', { body: 'crypto scam in a group', groupId: g.id });
      expect(res.body.moderation).toEqual({ state: 'held' });
      await t.settle();
      const forOwner = await queueOf(t, other);
      expect(forOwner.map((i) => i.target.id)).toEqual([res.body.id]);
      // The hold's report was raised by the system: it is not in the author's list of reports.
      expect(await listAll(t, member, '/api/reports')).toEqual([]);
    });

    it('an emptied list holds nothing any more', async () => {
      await setSettings(t, admin, { blockedTerms: [] });
      const res = await as(member).post('/api/posts', { body: 'crypto scam talk is fine now' });
      expect(res.body.moderation).toBeUndefined();
    });
  });
});
