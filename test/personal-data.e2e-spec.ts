import { unzipSync } from 'fflate';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportsService } from '@ruche/privacy';
import { getBinary, uploadFile } from './factories/file.factory.js';
import { addMember, createGroup } from './factories/group.factory.js';
import { auditOf, grantRoles } from './factories/moderation.factory.js';
import { notificationsOf } from './factories/notification.factory.js';
import { follow, updateProfile } from './factories/people.factory.js';
import { createPost } from './factories/post.factory.js';
import { answerQuestion, askQuestion } from './factories/question.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { connectSocket } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Personal data (#15): a person's export (a zip of every module's JSON and their files, built by a
 * job with progress, downloadable by them only for a day) and erasure (by them or an admin, in one
 * transaction: anonymised everywhere, content kept or deleted by RUCHE_ERASURE, sessions and
 * sockets ended at once, the audit log keeping a pseudonym only).
 */
describe('personal data: export and erasure', () => {
  const t = useTestApp({ RUCHE_DATA_DIR: mkdtempSync(join(tmpdir(), 'ruche-privacy-')) });
  let admin: TestUser;
  let moderator: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    [admin, moderator, bob] = await registerUsers(t, ['Admin', 'Moderator', 'Bob Builder']);
    moderator = await grantRoles(t, admin, moderator, ['employee', 'moderator']);
  });

  const as = (user: TestUser) => actingAs(t, user);

  /** Waits for the export job to finish; answers the export as last read. */
  async function finished(user: TestUser, id: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 100; i++) {
      await t.settle();
      const res = await as(user).get(`/api/me/exports/${id}`);
      expect(res.status).toBe(200);
      if (res.body.status === 'ready' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('export did not finish');
  }

  const download = (user: TestUser, id: string) => getBinary(t, `/api/me/exports/${id}/download`, user);

  it('exports every module’s data and files of the person, without another person’s private data; only they can read it', async () => {
    const alice = await registerUser(t, { displayName: 'Alice Archive' });
    await updateProfile(t, alice, { title: 'Plumber', department: 'Facilities', bio: 'Fixes leaks', skills: ['Pipes'] });
    const file = await uploadFile(t, alice, 'my handwritten notes', 'notes.txt');
    const mine = await as(alice).post('/api/posts', { body: 'Alice writes about valves', attachmentIds: [file.id] });
    expect(mine.status).toBe(201);
    await as(alice).put(`/api/posts/${mine.body.id}/reactions/like`).expect(200);
    const bobsPost = await createPost(t, bob, 'Bob public thoughts');
    await as(alice).post(`/api/posts/${bobsPost.id}/comments`, { body: 'Alice comments here' }).expect(201);
    await follow(t, alice, bob);
    const question = await askQuestion(t, alice, { title: 'How do valves work?', topics: ['valves'] });
    await answerQuestion(t, bob, question.id, 'Bob answers: they open and close');
    // Bob's private group, which Alice is not in: nothing of it may reach her archive.
    const secret = await createGroup(t, bob, { visibility: 'private' });
    await as(bob).post('/api/posts', { body: 'Top secret plan of Bob', groupId: secret.id }).expect(201);
    // A group Alice is in, and a notification she received (Bob mentions her).
    const club = await createGroup(t, bob, { visibility: 'private' });
    await addMember(t, bob, club.id, alice);
    await createPost(t, bob, `Thanks @${alice.handle} for the help`);
    await t.settle();

    const asked = await as(alice).post('/api/me/export');
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ id: expect.any(String), status: expect.stringMatching(/queued|running|ready/) });
    // Someone else's export is 404 by every path, admins included.
    for (const other of [bob, admin]) {
      expect((await as(other).get(`/api/me/exports/${asked.body.id}`)).status).toBe(404);
      expect((await download(other, asked.body.id)).status).toBe(404);
    }

    const done = await finished(alice, asked.body.id);
    expect(done).toMatchObject({ status: 'ready', progress: 100, downloadUrl: `/api/me/exports/${asked.body.id}/download` });
    const res = await download(alice, asked.body.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(res.body as Buffer));
    const json = (name: string) => JSON.parse(Buffer.from(entries[name] ?? new Uint8Array()).toString('utf8') || 'null');
    const all = Object.entries(entries)
      .filter(([name]) => name.endsWith('.json'))
      .map(([, bytes]) => Buffer.from(bytes).toString('utf8'))
      .join('\n');

    expect(json('identity/account.json')[0]).toMatchObject({ id: alice.id, email: alice.email, displayName: 'Alice Archive' });
    expect(json('people/profile.json')[0]).toMatchObject({ title: 'Plumber', department: 'Facilities', bio: 'Fixes leaks' });
    expect(json('people/skills.json').map((s: { name: string }) => s.name)).toEqual(['Pipes']);
    expect(json('people/follows.json')).toEqual([expect.objectContaining({ follower_id: alice.id, followee_id: bob.id })]);
    expect(json('feed/posts.json').map((p: { body: string }) => p.body)).toEqual(['Alice writes about valves']);
    expect(json('feed/comments.json').map((c: { body: string }) => c.body)).toEqual(['Alice comments here']);
    expect(json('feed/reactions.json')).toEqual([expect.objectContaining({ post_id: mine.body.id, kind: 'like' })]);
    expect(json('questions/questions.json').map((q: { title: string }) => q.title)).toEqual(['How do valves work?']);
    expect(json('groups/memberships.json').map((m: { group_id: string }) => m.group_id)).toEqual([club.id]);
    expect(json('notifications/notifications.json').length).toBeGreaterThan(0);
    expect(json('identity/sessions.json').length).toBeGreaterThan(0);
    expect(Buffer.from(entries[`files/${file.id}-notes.txt`]).toString()).toBe('my handwritten notes');
    // Nothing of others' private data, and no secret.
    expect(all).not.toContain('Top secret plan of Bob');
    expect(all).not.toMatch(/password_hash|token_hash|\$argon2/);

    // One export at a time: asking again while one runs answers it; once ready, a new one starts.
    const again = await as(alice).post('/api/me/export');
    expect(again.status).toBe(202);
    expect(again.body.id).not.toBe(asked.body.id);
    const twice = await as(alice).post('/api/me/export');
    expect(twice.body.id).toBe(again.body.id);
    await finished(alice, again.body.id);
    expect((await as(alice).get('/api/me/exports')).body.items.map((e: { id: string }) => e.id)).toEqual([
      again.body.id,
      asked.body.id,
    ]);

    // The link lasts a day: past it, the download is gone and the sweep deletes the archive.
    await t.sql(`UPDATE personal_data_exports SET expires_at = now() - interval '1 second' WHERE id = $1`, [asked.body.id]);
    expect((await download(alice, asked.body.id)).status).toBe(404);
    expect(await t.app.get(ExportsService).sweep()).toBe(1);
    expect((await as(alice).get(`/api/me/exports/${asked.body.id}`)).body).toMatchObject({
      status: 'expired',
      downloadUrl: null,
    });
    expect((await as(alice).get('/api/me/exports/not-an-id')).status).toBe(400);
    expect((await t.http.post('/api/me/export')).status).toBe(401);
  });

  it('concurrent export requests make one export', async () => {
    const carol = await registerUser(t, { displayName: 'Carol Concurrent' });
    const answers = await Promise.all(Array.from({ length: 25 }, () => as(carol).post('/api/me/export')));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await t.sql('SELECT id FROM personal_data_exports WHERE user_id = $1', [carol.id])).toHaveLength(1);
    await finished(carol, answers[0].body.id);
  });

  it('the person erases their account (anonymise): no trace in search, notifications or mentions; sessions and sockets end at once', async () => {
    const dana = await registerUser(t, { displayName: 'Dana Zephyrine', email: `dana.${Date.now()}@corp.example` });
    await updateProfile(t, dana, { title: 'Quartermaster', department: 'Logistics', bio: 'Loves zephyrs', skills: ['Sailing'] });
    const hers = await createPost(t, dana, 'Dana original thoughts on sailing');
    const bobs = await createPost(t, bob, `Great sailing with @${dana.handle} today`);
    await as(dana).post(`/api/posts/${bobs.id}/comments`, { body: 'Thanks Bob!' }).expect(201);
    await as(bob).post(`/api/posts/${hers.id}/comments`, { body: 'Nice one' }).expect(201);
    await follow(t, bob, dana);
    // Mentions of her in a question and in an answer (their HTML links her page).
    const asked = await askQuestion(t, bob, { title: 'Who sails?', body: `Ask @${dana.handle} about the regatta`, topics: ['sailing'] });
    const answered = await answerQuestion(t, bob, asked.id, `Also ask @${dana.handle}`);
    await t.settle();
    const search = (q: string, type: string) => as(bob).get(`/api/search?q=${encodeURIComponent(q)}&type=${type}`);
    expect((await search('Zephyrine', 'person')).body.items.map((i: { id: string }) => i.id)).toContain(dana.id);
    expect((await notificationsOf(t, bob)).some((n) => JSON.stringify(n).includes(dana.id))).toBe(true);
    const socket = await connectSocket(t.url, dana.accessToken);
    const closed = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));

    // Wrong password or confirmation: refused, nothing written.
    expect((await as(dana).post('/api/me/erase', { confirmation: dana.handle, password: 'not my password at all' })).status).toBe(
      403,
    );
    expect((await as(dana).post('/api/me/erase', { confirmation: 'someone_else', password: dana.password })).status).toBe(400);
    expect((await as(dana).post('/api/me/erase', { confirmation: dana.handle, password: dana.password, extra: 1 })).status).toBe(
      400,
    );
    expect((await t.sql<{ status: string }>('SELECT status FROM users WHERE id = $1', [dana.id]))[0].status).toBe('active');

    const erased = await as(dana).post('/api/me/erase', {
      confirmation: `@${dana.handle.toUpperCase()}`,
      password: dana.password,
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({
      userId: dana.id,
      pseudonym: expect.stringMatching(/^former_[0-9a-f]{20}$/),
      mode: 'anonymise',
    });
    expect(await closed).toBe('io server disconnect');
    socket.close();
    expect((await as(dana).get('/api/me')).status).toBe(401);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: dana.refreshToken })).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ email: dana.email, password: dana.password })).status).toBe(401);
    await t.settle();

    // Search: by name, title or post text, nothing names her.
    for (const [q, type] of [
      ['Zephyrine', 'person'],
      ['Quartermaster', 'person'],
      ['Zephyrine', 'post'],
    ])
      expect((await search(q, type)).body.items).toEqual([]);
    // Her post stays, under "Former employee"; Bob's mention of her renders as "Former employee", linking nowhere.
    const kept = (await as(bob).get(`/api/posts/${hers.id}`)).body;
    expect(kept.author).toMatchObject({ id: dana.id, displayName: 'Former employee' });
    expect(kept.author.handle).toBe(erased.body.pseudonym);
    const mention = (await as(bob).get(`/api/posts/${bobs.id}`)).body;
    expect(mention.body).toBe('Great sailing with Former employee today');
    expect(mention.bodyHtml).not.toContain(dana.id);
    expect(mention.bodyHtml).not.toContain(dana.handle);
    const question = (await as(bob).get(`/api/questions/${asked.id}`)).body;
    expect(question.body).toBe('Ask Former employee about the regatta');
    expect(question.bodyHtml).not.toContain(dana.id);
    const answer = question.answers.find((a: { id: string }) => a.id === answered.id);
    expect(answer.body).toBe('Also ask Former employee');
    expect(answer.bodyHtml).not.toContain(dana.id);
    // Her profile is empty; no notification mentions her; nobody follows her.
    const profile = (await as(bob).get(`/api/users/${dana.id}`)).body;
    expect(profile).toMatchObject({ displayName: 'Former employee', title: '', department: '', bio: '', skills: [] });
    expect((await notificationsOf(t, bob)).some((n) => JSON.stringify(n).includes(dana.id))).toBe(false);
    expect(await t.sql('SELECT 1 FROM follows WHERE follower_id = $1 OR followee_id = $1', [dana.id])).toEqual([]);
    expect(await t.sql('SELECT 1 FROM sessions WHERE user_id = $1', [dana.id])).toEqual([]);
    const [row] = await t.sql<{ email: string; display_name: string }>('SELECT email, display_name FROM users WHERE id = $1', [
      dana.id,
    ]);
    expect(row).toEqual({ email: `${erased.body.pseudonym}@erased.invalid`, display_name: 'Former employee' });

    // The audit log records the erasure with the pseudonym, never her name or email.
    const audit = await auditOf(t, moderator, `?targetId=${dana.id}`);
    expect(audit.map((a) => a.action)).toEqual(['user.erased']);
    const text = JSON.stringify(audit);
    expect(text).toContain(erased.body.pseudonym);
    for (const gone of ['Zephyrine', dana.email, dana.handle]) expect(text).not.toContain(gone);
    // Erasure is final: nobody can erase, deactivate or reactivate the account again.
    expect((await as(admin).post(`/api/admin/users/${dana.id}/erase`, { confirmation: erased.body.pseudonym })).status).toBe(404);
    const reactivate = await as(admin).put(`/api/admin/users/${dana.id}/deactivation`, { deactivated: false, reason: 'Back' });
    expect(reactivate.status).toBeGreaterThanOrEqual(400);
    expect((await t.sql<{ status: string }>('SELECT status FROM users WHERE id = $1', [dana.id]))[0].status).toBe('erased');
  });

  it('an admin erases with RUCHE_ERASURE=delete: the content goes, counts stay exact; only admins, with the handle typed', async () => {
    const peer = await t.startPeer({ RUCHE_ERASURE: 'delete' });
    const eve = await registerUser(t, { displayName: 'Eve Ephemeral' });
    const hers = await createPost(t, eve, 'Eve post to be deleted');
    const bobs = await createPost(t, bob, 'Bob asks something');
    await as(eve).post(`/api/posts/${bobs.id}/comments`, { body: 'Eve comment to be deleted' }).expect(201);
    const question = await askQuestion(t, bob, { title: 'Bob question for Eve', topics: ['eve'] });
    await answerQuestion(t, eve, question.id, 'Eve answer to be deleted');
    const erase = (actor: TestUser, id: string, confirmation: string) =>
      peer.http.post(`/api/admin/users/${id}/erase`).set('Authorization', actor.auth).send({ confirmation });

    expect((await erase(moderator, eve.id, eve.handle)).status).toBe(403);
    expect((await erase(bob, eve.id, eve.handle)).status).toBe(403);
    expect((await peer.http.post(`/api/admin/users/${eve.id}/erase`).send({ confirmation: eve.handle })).status).toBe(401);
    expect((await erase(admin, eve.id, 'not_her_handle')).status).toBe(400);
    expect((await erase(admin, admin.id, admin.handle)).status).toBe(400);
    expect((await erase(admin, '00000000-0000-4000-8000-000000000000', 'x_y')).status).toBe(404);
    expect((await as(eve).get('/api/me')).status).toBe(200);

    const res = await erase(admin, eve.id, eve.handle);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: eve.id, mode: 'delete' });
    expect((await as(eve).get('/api/me')).status).toBe(401);
    expect((await as(bob).get(`/api/posts/${hers.id}`)).status).toBe(404);
    const after = (await as(bob).get(`/api/posts/${bobs.id}`)).body;
    expect(after.commentCount).toBe(0);
    expect((await as(bob).get(`/api/posts/${bobs.id}/comments`)).body.items).toEqual([]);
    const q = (await as(bob).get(`/api/questions/${question.id}`)).body;
    expect(q.answerCount).toBe(0);
    const texts = await t.sql<{ body: string }>(
      `SELECT body FROM posts WHERE author_id = $1 UNION ALL SELECT body FROM post_comments WHERE author_id = $1
       UNION ALL SELECT body FROM answers WHERE author_id = $1`,
      [eve.id],
    );
    expect(texts.map((r) => r.body)).toEqual(['[erased]', '[erased]', '[erased]']);
    await t.settle();
    expect((await auditOf(t, moderator, `?targetId=${eve.id}`)).map((a) => [a.action, a.actor?.id])).toEqual([
      ['user.erased', admin.id],
    ]);
  });

  it('concurrent erase requests make one erasure and one audit row', async () => {
    const fay = await registerUser(t, { displayName: 'Fay Twice' });
    await createPost(t, fay, 'Fay was here');
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => as(admin).post(`/api/admin/users/${fay.id}/erase`, { confirmation: fay.handle })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual(Array(24).fill(404));
    await t.settle();
    expect(await t.sql(`SELECT id FROM audit_log WHERE action = 'user.erased' AND target_id = $1`, [fay.id])).toHaveLength(1);
  });
});
