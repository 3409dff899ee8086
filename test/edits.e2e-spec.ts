import { QuestionRouting } from '@ruche/questions';
import { addMember, createGroup } from './factories/group.factory.js';
import { grantRoles } from './factories/moderation.factory.js';
import { acceptAnswer, answerQuestion, askQuestion, questionOf } from './factories/question.factory.js';
import { registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Editing and deleting comments, questions and answers (#14), through the real API on a real
 * PostgreSQL with a small pool: who may do what (the wrong user is refused), bad input writes
 * nothing, the edit history is for moderators only, deleting the accepted answer un-accepts it,
 * edits and deletions reach subscribers live over Socket.IO, and concurrent edits and deletes
 * beyond the pool size end consistent.
 */
describe('edits and deletions (#14)', () => {
  const t = useTestApp({ DATABASE_POOL_MAX: '4', RUCHE_WRITE_RATE_LIMIT: '0' });
  let admin: TestUser, alice: TestUser, bob: TestUser, carol: TestUser, mod: TestUser, groupAdmin: TestUser;

  beforeAll(async () => {
    [admin, alice, bob, carol, groupAdmin] = await registerUsers(t, ['Admin', 'Alice', 'Bob', 'Carol', 'Gina']);
    [mod] = await registerUsers(t, ['Mod']);
    mod = await grantRoles(t, admin, mod, ['moderator']);
  });

  const connect = socketsFor(() => t, { settleFirst: true });
  const as = (user: TestUser) => ({
    patch: (path: string, body: unknown) =>
      t.http
        .patch(path)
        .set('Authorization', user.auth)
        .send(body as object),
    del: (path: string) => t.http.delete(path).set('Authorization', user.auth),
    get: (path: string) => t.http.get(path).set('Authorization', user.auth),
  });
  const post = async (user: TestUser, body: string, groupId?: string) => {
    const res = await t.http.post('/api/posts').set('Authorization', user.auth).send({ body, groupId });
    expect(res.status).toBe(201);
    return res.body as { id: string; commentCount: number };
  };
  const comment = async (user: TestUser, postId: string, body: string) => {
    const res = await t.http.post(`/api/posts/${postId}/comments`).set('Authorization', user.auth).send({ body });
    expect(res.status).toBe(201);
    return res.body as { id: string; body: string; bodyHtml: string; editedAt: string | null };
  };
  const commentRow = async (id: string) =>
    (
      await t.sql<{ body: string; edited_at: Date | null; deleted_at: Date | null }>(
        'SELECT body, edited_at, deleted_at FROM post_comments WHERE id = $1',
        [id],
      )
    )[0];
  const revisions = async (table: string, column: string, id: string) =>
    Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [id]))[0].n);

  describe('comments', () => {
    it('its author edits: the new body, rendered, with an "edited" mark, in the list too', async () => {
      const { id: postId } = await post(alice, 'A post to discuss');
      const c = await comment(bob, postId, 'First take');
      expect(c.editedAt).toBeNull();
      expect(c.bodyHtml).toBe('<p>First take</p>\n');
      const res = await as(bob).patch(`/api/comments/${c.id}`, { body: 'Second **take**' }).expect(200);
      expect(res.body).toMatchObject({ id: c.id, body: 'Second **take**', bodyHtml: '<p>Second <strong>take</strong></p>\n' });
      expect(Date.parse(res.body.editedAt)).toBeGreaterThan(0);
      const list = await as(carol).get(`/api/posts/${postId}/comments`).expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: c.id, body: 'Second **take**', editedAt: res.body.editedAt }),
      ]);
    });

    it('nobody else edits it: not the post author, a stranger, a moderator or a group admin (403)', async () => {
      const group = await createGroup(t, groupAdmin, { visibility: 'public' });
      await addMember(t, groupAdmin, group.id, bob);
      await addMember(t, groupAdmin, group.id, alice);
      const { id: postId } = await post(alice, 'In a group', group.id);
      const c = await comment(bob, postId, 'Mine');
      for (const user of [alice, carol, mod, groupAdmin]) {
        await as(user).patch(`/api/comments/${c.id}`, { body: 'Hijacked' }).expect(403);
      }
      expect((await commentRow(c.id)).body).toBe('Mine');
      expect(await revisions('post_comment_revisions', 'comment_id', c.id)).toBe(0);
    });

    it('bad input is a 400 and writes nothing; ids in upper case are the same comment, others a 400', async () => {
      const { id: postId } = await post(alice, 'Validation');
      const c = await comment(bob, postId, 'Original');
      for (const body of [
        {},
        { body: '' },
        { body: '   ' },
        { body: 'x'.repeat(10_001) },
        { body: 'a\u0000b' },
        { body: 'ok', extra: 1 },
        { body: 42 },
      ]) {
        const res = await as(bob).patch(`/api/comments/${c.id}`, body);
        expect(res.status).toBe(400);
      }
      await as(bob).patch('/api/comments/not-an-id', { body: 'x' }).expect(400);
      await as(bob).patch('/api/comments/00000000-0000-4000-8000-000000000000', { body: 'x' }).expect(404);
      expect(await commentRow(c.id)).toMatchObject({ body: 'Original', edited_at: null });
      expect(await revisions('post_comment_revisions', 'comment_id', c.id)).toBe(0);
      await as(bob).patch(`/api/comments/${c.id.toUpperCase()}`, { body: 'Upper' }).expect(200);
      expect((await commentRow(c.id)).body).toBe('Upper');
    });

    it('the edit history (previous bodies) is for moderators only', async () => {
      const { id: postId } = await post(alice, 'History');
      const c = await comment(bob, postId, 'v1');
      await as(bob).patch(`/api/comments/${c.id}`, { body: 'v2' }).expect(200);
      await as(bob).patch(`/api/comments/${c.id}`, { body: 'v3' }).expect(200);
      for (const user of [bob, alice, carol]) await as(user).get(`/api/comments/${c.id}/history`).expect(403);
      const res = await as(mod).get(`/api/comments/${c.id}/history`).expect(200);
      expect(res.body.items.map((i: { body: string }) => i.body)).toEqual(['v2', 'v1']);
      expect(res.body.items[0].editedBy).toMatchObject({ id: bob.id });
    });

    it('deleted by its author, a moderator or the group admin; not by the post author or a stranger; count stays exact', async () => {
      const group = await createGroup(t, groupAdmin, { visibility: 'public' });
      for (const user of [alice, bob, carol]) await addMember(t, groupAdmin, group.id, user);
      const { id: postId } = await post(alice, 'Deletions', group.id);
      const [c1, c2, c3] = [
        await comment(bob, postId, 'one'),
        await comment(bob, postId, 'two'),
        await comment(bob, postId, 'three'),
      ];
      for (const user of [alice, carol]) await as(user).del(`/api/comments/${c1.id}`).expect(403);
      await as(bob).del(`/api/comments/${c1.id}`).expect(204);
      await as(mod).del(`/api/comments/${c2.id}`).expect(204);
      await as(groupAdmin).del(`/api/comments/${c3.id}`).expect(204);
      // Gone from every path, for everyone: a second delete, an edit, the list, the post's count.
      await as(bob).del(`/api/comments/${c1.id}`).expect(404);
      await as(bob).patch(`/api/comments/${c1.id}`, { body: 'back' }).expect(404);
      expect((await as(alice).get(`/api/posts/${postId}/comments`).expect(200)).body.items).toEqual([]);
      expect((await as(alice).get(`/api/posts/${postId}`).expect(200)).body.commentCount).toBe(0);
      expect((await commentRow(c1.id)).deleted_at).not.toBeNull();
    });

    it("a private group's comment is 404 to non-members on every path, moderators included", async () => {
      const group = await createGroup(t, groupAdmin, { visibility: 'private' });
      await addMember(t, groupAdmin, group.id, bob);
      const { id: postId } = await post(groupAdmin, 'Members only', group.id);
      const c = await comment(bob, postId, 'Secret');
      await as(carol).patch(`/api/comments/${c.id}`, { body: 'x' }).expect(404);
      await as(carol).del(`/api/comments/${c.id}`).expect(404);
      await as(mod).del(`/api/comments/${c.id}`).expect(404);
      await as(mod).get(`/api/comments/${c.id}/history`).expect(404);
      expect((await commentRow(c.id)).deleted_at).toBeNull();
    });

    it("an edited comment's new body reaches subscribers live, and so does its deletion", async () => {
      const { id: postId } = await post(alice, 'Live thread');
      const c = await comment(bob, postId, 'Before');
      const watcher = await connect(carol);
      expect(await watcher.subscribe(`post:${postId}`)).toEqual({ ok: true });
      await as(bob).patch(`/api/comments/${c.id}`, { body: 'After, with `code`' }).expect(200);
      const updated = await watcher.waitFor('comment.updated');
      expect(updated.comment).toMatchObject({
        id: c.id,
        postId,
        body: 'After, with `code`',
        bodyHtml: '<p>After, with <code>code</code></p>\n',
      });
      expect(typeof updated.eventId).toBe('number');
      await as(bob).del(`/api/comments/${c.id}`).expect(204);
      expect(await watcher.waitFor('comment.deleted')).toMatchObject({ postId, commentId: c.id, commentCount: 0 });
    });

    it('a private group comment edit never reaches a non-member socket', async () => {
      const group = await createGroup(t, groupAdmin, { visibility: 'private' });
      await addMember(t, groupAdmin, group.id, bob);
      const { id: postId } = await post(groupAdmin, 'Quiet', group.id);
      const c = await comment(bob, postId, 'Hush');
      const outsider = await connect(carol);
      expect(await outsider.subscribe(`post:${postId}`)).toEqual({ ok: false, error: 'not found' });
      await as(bob).patch(`/api/comments/${c.id}`, { body: 'Hush, edited' }).expect(200);
      await t.settle();
      await quietPeriod();
      expect(outsider.received.map((r) => r.event)).toEqual(['ready']);
    });

    it('concurrent edits and deletes beyond the pool size end consistent', async () => {
      const { id: postId } = await post(alice, 'Storm');
      const comments = [];
      for (let i = 0; i < 16; i++) comments.push(await comment(bob, postId, `c${i}`));
      // Each comment is edited twice and deleted once at the same time; one comment is deleted ten times.
      const target = comments[0];
      const results = await Promise.all([
        ...comments
          .slice(1)
          .flatMap((c, i) => [
            as(bob).patch(`/api/comments/${c.id}`, { body: `edit a ${i}` }),
            as(bob).patch(`/api/comments/${c.id}`, { body: `edit b ${i}` }),
            i % 2 === 0 ? as(bob).del(`/api/comments/${c.id}`) : as(mod).del(`/api/comments/${c.id}`),
          ]),
        ...Array.from({ length: 10 }, () => as(bob).del(`/api/comments/${target.id}`)),
      ]);
      expect(results.every((r) => [200, 204, 404].includes(r.status))).toBe(true);
      const targetDeletes = results.slice(-10).map((r) => r.status);
      expect(targetDeletes.filter((s) => s === 204)).toHaveLength(1);
      expect(targetDeletes.filter((s) => s === 404)).toHaveLength(9);
      const [{ live, count }] = await t.sql<{ live: number; count: number }>(
        `SELECT (SELECT count(*)::int FROM post_comments WHERE post_id = $1 AND deleted_at IS NULL) AS live,
                (SELECT comment_count FROM posts WHERE id = $1) AS count`,
        [postId],
      );
      expect(live).toBe(0);
      expect(count).toBe(0);
      // Every edit that answered 200 left exactly one revision; a deleted comment was never edited after.
      const edits = results.filter((r) => r.status === 200).length;
      const [{ n }] = await t.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM post_comment_revisions r JOIN post_comments c ON c.id = r.comment_id WHERE c.post_id = $1',
        [postId],
      );
      expect(n).toBe(edits);
      const late = await t.sql<{ id: string }>(
        `SELECT c.id FROM post_comments c WHERE c.post_id = $1 AND c.edited_at > c.deleted_at`,
        [postId],
      );
      expect(late).toEqual([]);
    });
  });

  describe('questions and answers', () => {
    it('the asker edits the question (title, body, topics): rendered, marked edited; nobody else may (403)', async () => {
      const q = await askQuestion(t, alice, { title: 'How to deploy?', body: 'Plain', topics: ['deploy'] });
      for (const user of [bob, mod]) await as(user).patch(`/api/questions/${q.id}`, { body: 'x' }).expect(403);
      const res = await as(alice)
        .patch(`/api/questions/${q.id}`, { title: 'How do I deploy?', body: '1. build\n2. ship' })
        .expect(200);
      expect(res.body).toMatchObject({
        title: 'How do I deploy?',
        body: '1. build\n2. ship',
        bodyHtml: '<ol>\n<li>build</li>\n<li>ship</li>\n</ol>\n',
        topics: q.topics,
      });
      expect(res.body.editedAt).not.toBeNull();
      await as(alice).patch(`/api/questions/${q.id}`, {}).expect(400);
      await as(alice).patch(`/api/questions/${q.id}`, { title: '' }).expect(400);
      await as(alice).patch(`/api/questions/${q.id}`, { topics: [] }).expect(400);
      expect(await revisions('question_revisions', 'question_id', q.id)).toBe(1);
      for (const user of [alice, bob]) await as(user).get(`/api/questions/${q.id}/history`).expect(403);
      const history = await as(mod).get(`/api/questions/${q.id}/history`).expect(200);
      expect(history.body.items).toEqual([expect.objectContaining({ title: 'How to deploy?', body: 'Plain' })]);
    });

    it('the author edits an answer; others may not; its history is for moderators', async () => {
      const q = await askQuestion(t, alice);
      const a = await answerQuestion(t, bob, q.id, 'Use the CLI');
      for (const user of [alice, carol, mod]) await as(user).patch(`/api/answers/${a.id}`, { body: 'Hijack' }).expect(403);
      await as(bob).patch(`/api/answers/${a.id}`, { body: '' }).expect(400);
      const res = await as(bob).patch(`/api/answers/${a.id}`, { body: 'Use the `ruche` CLI' }).expect(200);
      expect(res.body).toMatchObject({
        id: a.id,
        body: 'Use the `ruche` CLI',
        bodyHtml: '<p>Use the <code>ruche</code> CLI</p>\n',
      });
      expect(res.body.editedAt).not.toBeNull();
      const detail = await questionOf(t, carol, q.id);
      expect(detail.answers[0]).toMatchObject({ id: a.id, body: 'Use the `ruche` CLI', editedAt: res.body.editedAt });
      await as(bob).get(`/api/answers/${a.id}/history`).expect(403);
      expect((await as(mod).get(`/api/answers/${a.id}/history`).expect(200)).body.items).toEqual([
        expect.objectContaining({ body: 'Use the CLI', editedBy: expect.objectContaining({ id: bob.id }) }),
      ]);
    });

    it('deleting the accepted answer un-accepts it: the question is open again, counted exactly', async () => {
      const q = await askQuestion(t, alice);
      const a = await answerQuestion(t, bob, q.id);
      await answerQuestion(t, carol, q.id);
      await acceptAnswer(t, alice, q.id, a.id);
      for (const user of [alice, carol]) await as(user).del(`/api/answers/${a.id}`).expect(403);
      const watcher = await connect(carol);
      expect(await watcher.subscribe(`question:${q.id}`)).toEqual({ ok: true });
      await as(bob).del(`/api/answers/${a.id}`).expect(204);
      expect(await watcher.waitFor('answer.deleted')).toMatchObject({
        questionId: q.id,
        answerId: a.id,
        answerCount: 1,
        unaccepted: true,
      });
      const detail = await questionOf(t, alice, q.id);
      expect(detail).toMatchObject({ status: 'open', acceptedAnswerId: null, answerCount: 1 });
      expect(detail.answers.map((x) => x.id)).not.toContain(a.id);
      await as(bob).patch(`/api/answers/${a.id}`, { body: 'back' }).expect(404);
      // Another answer can be accepted now.
      await acceptAnswer(t, alice, q.id, detail.answers[0].id);
    });

    it('a moderator deletes any answer', async () => {
      const q = await askQuestion(t, alice);
      const a = await answerQuestion(t, bob, q.id);
      await as(mod).del(`/api/answers/${a.id}`).expect(204);
      expect((await questionOf(t, alice, q.id)).answerCount).toBe(0);
    });

    it('a question with answers is deleted by its asker or a moderator only, and its answerers hear of it', async () => {
      const q = await askQuestion(t, alice, { title: 'Soon gone?' });
      await answerQuestion(t, bob, q.id);
      for (const user of [bob, carol]) await as(user).del(`/api/questions/${q.id}`).expect(403);
      const answerer = await connect(bob);
      await as(alice).del(`/api/questions/${q.id}`).expect(204);
      expect(await answerer.waitFor('question.deleted')).toMatchObject({
        questionId: q.id,
        title: 'Soon gone?',
        answerAuthorIds: [bob.id],
      });
      for (const user of [alice, bob, mod]) await as(user).get(`/api/questions/${q.id}`).expect(404);
      await as(alice).del(`/api/questions/${q.id}`).expect(404);
      const list = await as(alice).get('/api/questions?limit=100').expect(200);
      expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(q.id);
      const other = await askQuestion(t, carol);
      await as(mod).del(`/api/questions/${other.id}`).expect(204);
    });

    it('a deleted question is never routed again', async () => {
      const q = await askQuestion(t, alice, { topics: ['deleted-topic'] });
      await as(alice).del(`/api/questions/${q.id}`).expect(204);
      await t.app.get(QuestionRouting).rerouteDue(new Date(Date.now() + 48 * 3600_000));
      const [{ round }] = await t.sql<{ round: number }>('SELECT routed_round AS round FROM questions WHERE id = $1', [q.id]);
      expect(round).toBe(1);
    });

    it('an edited question reaches its room live', async () => {
      const q = await askQuestion(t, alice, { body: 'old' });
      const watcher = await connect(bob);
      expect(await watcher.subscribe(`question:${q.id}`)).toEqual({ ok: true });
      await as(alice).patch(`/api/questions/${q.id}`, { body: 'new *body*' }).expect(200);
      const event = await watcher.waitFor('question.updated');
      expect(event.question).toMatchObject({ id: q.id, body: 'new *body*', bodyHtml: '<p>new <em>body</em></p>\n' });
    });

    it('concurrent answer edits and deletes beyond the pool size end consistent', async () => {
      const q = await askQuestion(t, alice);
      const answers = [];
      for (let i = 0; i < 12; i++) answers.push(await answerQuestion(t, bob, q.id, `answer ${i}`));
      await acceptAnswer(t, alice, q.id, answers[0].id);
      const results = await Promise.all(
        answers.flatMap((a, i) => [
          as(bob).patch(`/api/answers/${a.id}`, { body: `edited ${i}` }),
          as(i % 2 ? mod : bob).del(`/api/answers/${a.id}`),
          as(bob).del(`/api/answers/${a.id}`),
        ]),
      );
      expect(results.every((r) => [200, 204, 404].includes(r.status))).toBe(true);
      expect(results.filter((r) => r.status === 204)).toHaveLength(12);
      const [row] = await t.sql<{ answer_count: number; status: string; accepted_answer_id: string | null }>(
        'SELECT answer_count, status, accepted_answer_id FROM questions WHERE id = $1',
        [q.id],
      );
      expect(row).toEqual({ answer_count: 0, status: 'open', accepted_answer_id: null });
    });
  });
});
