import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttachmentView } from '@ruche/contracts';
import { uploadFile } from './factories/file.factory.js';
import { addMember, createGroup } from './factories/group.factory.js';
import { answerQuestion, askQuestion } from './factories/question.factory.js';
import { registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

interface Kind {
  name: 'comment' | 'question' | 'answer';
  /** Creates one, by `author`, with `attachmentIds`. */
  create: (author: TestUser, attachmentIds: string[]) => Promise<string>;
  /** The PATCH path and a body that changes the text. */
  patch: (id: string) => string;
  /** The field holding the text in the PATCH body. */
  text: string;
  /** The item's attachments as its reader sees them. */
  attachments: (id: string, viewer: TestUser) => Promise<AttachmentView[]>;
  revisions: string;
}

/**
 * `attachmentIds` on the edit of a comment, a question or an answer (#14), with the rules of a
 * create: the author's own unattached uploads only (or those already on the item), one item per
 * file; the full list replaces the old one (a file left off is detached: its uploader's alone
 * again, swept after a day); left out, the files stay. A refused file refuses the whole edit.
 */
describe('edits: attachments on comments, questions and answers', () => {
  const t = useTestApp({
    RUCHE_DATA_DIR: mkdtempSync(join(tmpdir(), 'ruche-edit-files-')),
    // Fewer connections than racing edits: one file still ends on exactly one item.
    DATABASE_POOL_MAX: '4',
  });
  let alice: TestUser;
  let bob: TestUser;
  let mallory: TestUser;
  let postId: string;
  let questionId: string;

  beforeAll(async () => {
    [alice, bob, mallory] = await registerUsers(t, ['Alice', 'Bob', 'Mallory']);
    const post = await t.http.post('/api/posts').set('Authorization', bob.auth).send({ body: 'Thread' });
    postId = post.body.id;
    questionId = (await askQuestion(t, bob, { title: 'Where are the slides?' })).id;
  });

  /** Posts `body` as `author`; the new item's id (201 expected). */
  const created = async (author: TestUser, path: string, body: object): Promise<string> => {
    const res = await t.http.post(path).set('Authorization', author.auth).send(body);
    expect(res.status).toBe(201);
    return res.body.id;
  };

  const kinds: Kind[] = [
    {
      name: 'comment',
      create: (author, attachmentIds) => created(author, `/api/posts/${postId}/comments`, { body: 'A comment', attachmentIds }),
      patch: (id) => `/api/comments/${id}`,
      text: 'body',
      attachments: async (id, viewer) => {
        const res = await t.http.get(`/api/posts/${postId}/comments`).set('Authorization', viewer.auth);
        return res.body.items.find((c: { id: string }) => c.id === id).attachments;
      },
      revisions: 'SELECT count(*) AS n FROM post_comment_revisions WHERE comment_id = $1',
    },
    {
      name: 'question',
      create: (author, attachmentIds) =>
        created(author, '/api/questions', { title: 'A question?', body: 'Why', topics: ['general'], attachmentIds }),
      patch: (id) => `/api/questions/${id}`,
      text: 'body',
      attachments: async (id, viewer) => (await t.http.get(`/api/questions/${id}`).set('Authorization', viewer.auth)).body.attachments,
      revisions: 'SELECT count(*) AS n FROM question_revisions WHERE question_id = $1',
    },
    {
      name: 'answer',
      create: (author, attachmentIds) =>
        created(author, `/api/questions/${questionId}/answers`, { body: 'An answer', attachmentIds }),
      patch: (id) => `/api/answers/${id}`,
      text: 'body',
      attachments: async (id, viewer) => {
        const res = await t.http.get(`/api/questions/${questionId}`).set('Authorization', viewer.auth);
        return res.body.answers.find((a: { id: string }) => a.id === id).attachments;
      },
      revisions: 'SELECT count(*) AS n FROM answer_revisions WHERE answer_id = $1',
    },
  ];

  const fileRow = async (id: string) =>
    (await t.sql<{ item_type: string | null; item_id: string | null; expiring: boolean }>(
      'SELECT item_type, item_id, expires_at IS NOT NULL AS expiring FROM files WHERE id = $1',
      [id],
    ))[0];

  describe.each(kinds)('$name', (kind) => {
    it('adds, replaces and keeps files; a file taken off is its uploader’s alone again', async () => {
      const first = await uploadFile(t, alice, 'first', 'first.txt');
      const id = await kind.create(alice, [first.id]);
      const second = await uploadFile(t, alice, 'second', 'second.txt');
      const third = await uploadFile(t, alice, 'third', 'third.txt');

      // The full list, in the order given: first stays, second and third join.
      const added = await t.http
        .patch(kind.patch(id))
        .set('Authorization', alice.auth)
        .send({ [kind.text]: 'Edited with files', attachmentIds: [third.id, first.id, second.id] });
      expect(added.status).toBe(200);
      const addedFiles: AttachmentView[] = added.body.attachments;
      expect(addedFiles.map((a) => a.id)).toEqual([third.id, first.id, second.id]);
      expect((await kind.attachments(id, bob)).map((a) => a.id)).toEqual([third.id, first.id, second.id]);

      // Left out: the files stay, and the edit's own answer carries them.
      const kept = await t.http.patch(kind.patch(id)).set('Authorization', alice.auth).send({ [kind.text]: 'Text only' });
      expect(kept.status).toBe(200);
      expect(kept.body.attachments.map((a: AttachmentView) => a.id)).toEqual([third.id, first.id, second.id]);

      // Replaced: `first` is taken off, unattached again (swept after a day), and no reader but its uploader sees it.
      const replaced = await t.http
        .patch(kind.patch(id))
        .set('Authorization', alice.auth)
        .send({ [kind.text]: 'Fewer files', attachmentIds: [second.id, third.id] });
      expect(replaced.status).toBe(200);
      expect((await kind.attachments(id, bob)).map((a) => a.id)).toEqual([second.id, third.id]);
      expect(await fileRow(first.id)).toEqual({ item_type: null, item_id: null, expiring: true });
      expect((await t.http.get(`/api/files/${first.id}`).set('Authorization', bob.auth)).status).toBe(404);
      expect((await t.http.get(`/api/files/${first.id}`).set('Authorization', alice.auth)).status).toBe(200);

      // [] takes them all off.
      const none = await t.http
        .patch(kind.patch(id))
        .set('Authorization', alice.auth)
        .send({ [kind.text]: 'No files', attachmentIds: [] });
      expect(none.status).toBe(200);
      expect(await kind.attachments(id, bob)).toEqual([]);
      expect(await fileRow(second.id)).toMatchObject({ item_id: null });
    });

    it('refuses someone else’s file, a file on another item, a missing or malformed id: 4xx and nothing written', async () => {
      const id = await kind.create(alice, []);
      const [{ n: revisionsBefore }] = await t.sql<{ n: string }>(kind.revisions, [id]);
      const malloryFile = await uploadFile(t, mallory, 'not yours', 'm.txt');
      const elsewhere = await uploadFile(t, alice, 'already used', 'used.txt');
      await kind.create(alice, [elsewhere.id]);
      const mine = await uploadFile(t, alice, 'mine', 'mine.txt');

      for (const attachmentIds of [[malloryFile.id], [mine.id, elsewhere.id], ['00000000-0000-4000-8000-000000000000']]) {
        const res = await t.http
          .patch(kind.patch(id))
          .set('Authorization', alice.auth)
          .send({ [kind.text]: 'Should not stick', attachmentIds });
        expect({ attachmentIds, status: res.status, code: res.body.code }).toEqual({
          attachmentIds,
          status: 400,
          code: 'file_not_attachable',
        });
      }
      for (const attachmentIds of [['not-an-id'], [mine.id, mine.id], 'x', Array.from({ length: 21 }, () => mine.id)]) {
        const res = await t.http
          .patch(kind.patch(id))
          .set('Authorization', alice.auth)
          .send({ [kind.text]: 'Should not stick', attachmentIds });
        expect(res.status).toBe(400);
      }
      // Nothing written: no revision, text unchanged, the files where they were.
      expect(await t.sql(kind.revisions, [id])).toEqual([{ n: revisionsBefore }]);
      const texts = await t.sql<{ body: string }>(`SELECT body FROM ${kind.name === 'comment' ? 'post_comments' : `${kind.name}s`} WHERE id = $1`, [id]);
      expect(texts[0].body).not.toBe('Should not stick');
      expect(await fileRow(malloryFile.id)).toMatchObject({ item_id: null });
      expect(await fileRow(mine.id)).toMatchObject({ item_id: null });
      expect(await kind.attachments(id, bob)).toEqual([]);
    });

    it('only the author edits: someone else sending their own file gets 403 and attaches nothing', async () => {
      const id = await kind.create(alice, []);
      const bobFile = await uploadFile(t, bob, 'bob file', 'b.txt');
      const res = await t.http
        .patch(kind.patch(id))
        .set('Authorization', bob.auth)
        .send({ [kind.text]: 'Hijack', attachmentIds: [bobFile.id] });
      expect(res.status).toBe(403);
      expect(await fileRow(bobFile.id)).toMatchObject({ item_id: null });
    });
  });

  it('a comment in a private group: a non-member cannot edit (404) and its new files stay unreadable to them', async () => {
    const group = await createGroup(t, alice, { visibility: 'private' });
    await addMember(t, alice, group.id, bob);
    const post = await t.http.post('/api/posts').set('Authorization', alice.auth).send({ body: 'Private', groupId: group.id });
    const comment = await t.http.post(`/api/posts/${post.body.id}/comments`).set('Authorization', bob.auth).send({ body: 'Mine' });
    const file = await uploadFile(t, bob, 'private notes', 'p.txt');
    const edited = await t.http
      .patch(`/api/comments/${comment.body.id}`)
      .set('Authorization', bob.auth)
      .send({ body: 'With notes', attachmentIds: [file.id] });
    expect(edited.status).toBe(200);
    expect((await t.http.get(`/api/files/${file.id}`).set('Authorization', alice.auth)).status).toBe(200);
    expect((await t.http.get(`/api/files/${file.id}`).set('Authorization', mallory.auth)).status).toBe(404);
    const mal = await uploadFile(t, mallory, 'x', 'x.txt');
    const res = await t.http
      .patch(`/api/comments/${comment.body.id}`)
      .set('Authorization', mallory.auth)
      .send({ body: 'x', attachmentIds: [mal.id] });
    expect(res.status).toBe(404);
  });

  it('twelve edits racing to attach one file to twelve answers: exactly one gets it', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => answerQuestion(t, alice, questionId, `Race ${i}`)));
    const contested = await uploadFile(t, alice, 'contested', 'c.txt');
    const results = await Promise.all(
      answers.map((a) =>
        t.http.patch(`/api/answers/${a.id}`).set('Authorization', alice.auth).send({ body: 'Mine now', attachmentIds: [contested.id] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array.from({ length: 11 }, () => 400)]);
    const [{ n }] = await t.sql<{ n: string }>("SELECT count(*) AS n FROM files WHERE id = $1 AND item_type = 'answer'", [contested.id]);
    expect(Number(n)).toBe(1);
  });
});
