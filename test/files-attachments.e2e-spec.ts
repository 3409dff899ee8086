import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FilesService } from '@ruche/files';
import type { AttachmentView } from '@ruche/contracts';
import { filesUnder, getBinary, png, registerFilesCast, uploadFile } from './factories/file.factory.js';
import { addMember, createGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator } from './factories/idea.factory.js';
import { report, resolve } from './factories/moderation.factory.js';
import { actingAs, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/** The names of the files stored under `dir`. */
const storedUnder = (dir: string) => filesUnder(dir).map((path) => basename(path));

/**
 * A file is as visible as what it is attached to, by every path: a bearer token, a signed link, the
 * post's views. Only the author's own unattached uploads can be attached, each to one item; a
 * deleted post takes its files with it; an unattached upload is gone after a day.
 */
describe('files: attachments', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruche-attach-'));
  const t = useTestApp({ RUCHE_DATA_DIR: dataDir, FILES_URL_TTL_SECONDS: '60' });
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let mallory: TestUser;
  let mod: TestUser;

  beforeAll(async () => {
    [admin, alice, bob, mallory, mod] = await registerFilesCast(t);
  });

  const as = (user: TestUser) => actingAs(t, user);
  const post = (author: TestUser, body: Record<string, unknown>) => as(author).post('/api/posts', body);
  const get = (path: string, viewer?: TestUser) => (viewer ? as(viewer).get(path) : t.http.get(path));

  it('a file in a private group’s post: members read it by token, link and view; others get 404 by every path', async () => {
    const group = await createGroup(t, alice, { visibility: 'private' });
    await addMember(t, alice, group.id, bob);
    const image = await uploadFile(t, alice, await png(800, 600), 'plan.png');
    const doc = await uploadFile(t, alice, 'minutes of the meeting', 'minutes.txt');
    const res = await post(alice, { body: 'Plans', groupId: group.id, attachmentIds: [image.id.toUpperCase(), doc.id] });
    expect(res.status).toBe(201);
    const [pic, text] = res.body.attachments as AttachmentView[];
    expect(pic).toMatchObject({ id: image.id, name: 'plan.png', contentType: 'image/png', width: 800, height: 600 });
    expect(pic.url).toMatch(new RegExp(`^/api/files/${image.id}\\?exp=\\d+&sig=[\\w-]+$`));
    expect(pic.thumbnailUrl).toMatch(new RegExp(`^/api/files/${image.id}/thumbnail\\?exp=\\d+&sig=`));
    expect(text).toEqual({ id: doc.id, name: 'minutes.txt', size: doc.size, contentType: 'text/plain', url: expect.any(String) });

    // Bob, a member, sees the same attachments in the post and reads both files.
    const seen = await get(`/api/posts/${res.body.id}`, bob);
    expect(seen.body.attachments.map((a: AttachmentView) => a.id)).toEqual([image.id, doc.id]);
    expect((await get(`/api/files/${image.id}`, bob)).status).toBe(200);
    expect((await get(`/api/files/${doc.id}/`.slice(0, -1), bob)).status).toBe(200);
    // The signed links need no token (an <img> sends none).
    expect((await get(pic.url)).status).toBe(200);
    const thumb = await getBinary(t, pic.thumbnailUrl!);
    expect([thumb.status, thumb.headers['content-type']]).toEqual([200, 'image/webp']);

    // Mallory, not a member: 404 with her token, on both files, both renditions.
    for (const path of [
      `/api/files/${image.id}`,
      `/api/files/${image.id}/thumbnail`,
      `/api/files/${image.id}/web`,
      `/api/files/${doc.id}`,
    ]) {
      expect({ path, status: (await get(path, mallory)).status }).toEqual({ path, status: 404 });
    }
    expect((await get(`/api/posts/${res.body.id}`, mallory)).status).toBe(404);
    // A removed member loses access at once.
    expect((await as(alice).delete(`/api/groups/${group.id}/members/${bob.id}`)).status).toBe(204);
    expect((await get(`/api/files/${doc.id}`, bob)).status).toBe(404);
  });

  it('checks the signed link: tampered, expired, for another file or another rendition → 404', async () => {
    const image = await uploadFile(t, alice, await png(), 'signed.png');
    const other = await uploadFile(t, alice, await png(), 'other.png');
    const res = await post(alice, { body: 'Signed', attachmentIds: [image.id, other.id] });
    const [a, b] = res.body.attachments as AttachmentView[];
    const url = new URL(a.url, 'http://x');
    const exp = url.searchParams.get('exp')!;
    const sig = url.searchParams.get('sig')!;
    expect((await get(a.url)).status).toBe(200);
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
    expect((await get(`/api/files/${image.id}?exp=${exp}&sig=${flipped}`)).status).toBe(404);
    expect((await get(`/api/files/${image.id}?exp=${Number(exp) + 60}&sig=${sig}`)).status).toBe(404);
    expect((await get(`/api/files/${other.id}?exp=${exp}&sig=${sig}`)).status).toBe(404);
    expect((await get(`/api/files/${image.id}/thumbnail?exp=${exp}&sig=${sig}`)).status).toBe(404);
    expect((await get(`/api/files/${image.id}?exp=${exp}`)).status).toBe(404);
    expect((await get(`/api/files/${image.id}?sig=${sig}`)).status).toBe(404);
    expect((await get(b.url)).status).toBe(200);
    // A link signed a while ago has expired (signed here as the server would have two minutes back).
    const urls = t.app.get(FilesService).urls;
    const old = urls.url(image.id, 'original', Date.now() - 180_000);
    expect((await get(old)).status).toBe(404);
    expect((await get(urls.url(image.id))).status).toBe(200);
  });

  it('attaches only the author’s own unattached files, each to one item; a refusal writes no post', async () => {
    const mine = await uploadFile(t, alice, 'alice wrote this', 'a.txt');
    const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM posts');
    const stolen = await post(mallory, { body: 'Look what I found', attachmentIds: [mine.id] });
    expect(stolen.status).toBe(400);
    expect(stolen.body).toMatchObject({ code: 'file_not_attachable' });
    const missing = await post(alice, { body: 'Nothing', attachmentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(missing.status).toBe(400);
    const bad = await post(alice, { body: 'Bad', attachmentIds: ['not-an-id'] });
    expect(bad.status).toBe(400);
    const twice = await post(alice, { body: 'Twice', attachmentIds: [mine.id, mine.id.toUpperCase()] });
    expect(twice.status).toBe(400);
    expect(await t.sql<{ n: string }>('SELECT count(*) AS n FROM posts')).toEqual(before);
    expect((await t.sql<{ item_id: string | null }>('SELECT item_id FROM files WHERE id = $1', [mine.id]))[0].item_id).toBeNull();

    // Two posts racing for one file: exactly one gets it.
    const contested = await uploadFile(t, alice, 'contested', 'c.txt');
    const race = await Promise.all([1, 2, 3, 4].map((n) => post(alice, { body: `Race ${n}`, attachmentIds: [contested.id] })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 400, 400, 400]);
    const [{ n }] = await t.sql<{ n: string }>("SELECT count(*) AS n FROM files WHERE id = $1 AND item_type = 'post'", [
      contested.id,
    ]);
    expect(Number(n)).toBe(1);
  });

  it('an edit replaces the list: a file taken off is its uploader’s alone again; left out, the list stays', async () => {
    const one = await uploadFile(t, alice, 'one', 'one.txt');
    const two = await uploadFile(t, alice, 'two', 'two.txt');
    const created = await post(alice, { body: 'Both', attachmentIds: [one.id, two.id] });
    const kept = await as(alice).patch(`/api/posts/${created.body.id}`, { body: 'Edited text only' });
    expect(kept.body.attachments.map((a: AttachmentView) => a.id)).toEqual([one.id, two.id]);
    const edited = await as(alice).patch(`/api/posts/${created.body.id}`, { body: 'Only two', attachmentIds: [two.id] });
    expect(edited.status).toBe(200);
    expect(edited.body.attachments.map((a: AttachmentView) => a.id)).toEqual([two.id]);
    expect((await get(`/api/files/${one.id}`, bob)).status).toBe(404);
    expect((await get(`/api/files/${one.id}`, alice)).status).toBe(200);
    expect((await get(`/api/files/${two.id}`, bob)).status).toBe(200);
    // Someone else's edit cannot move files.
    const foreign = await as(bob).patch(`/api/posts/${created.body.id}`, { body: 'x', attachmentIds: [] });
    expect(foreign.status).toBe(403);
  });

  it('a post hidden by moderation hides its files; deleting it purges them (bytes, row, usage)', async () => {
    const hidden = await uploadFile(t, bob, 'to be hidden', 'h.txt');
    const p1 = await post(bob, { body: 'Rude post', attachmentIds: [hidden.id] });
    const case1 = await report(t, alice, p1.body.id);
    await resolve(t, mod, case1.id, 'hide');
    await t.settle();
    expect((await get(`/api/files/${hidden.id}`, alice)).status).toBe(404);
    expect((await get(p1.body.attachments[0].url)).status).toBe(404);
    expect((await get(`/api/files/${hidden.id}`, mod)).status).toBe(200);

    const image = await uploadFile(t, bob, await png(), 'gone.png');
    const p2 = await post(bob, { body: 'Soon gone', attachmentIds: [image.id] });
    const link = p2.body.attachments[0].url as string;
    const usageBefore = Number(
      (await t.sql<{ bytes: string }>('SELECT bytes FROM file_usage WHERE user_id = $1', [bob.id]))[0].bytes,
    );
    expect(storedUnder(join(dataDir, 'files')).filter((f) => f.startsWith(image.id))).toHaveLength(3);
    expect((await as(bob).delete(`/api/posts/${p2.body.id}`)).status).toBe(204);
    // Unreadable at once, by token and by link, even before the purge has run.
    expect((await get(`/api/files/${image.id}`, bob)).status).toBe(404);
    expect((await get(link)).status).toBe(404);
    await t.settle();
    expect(storedUnder(join(dataDir, 'files')).filter((f) => f.startsWith(image.id))).toEqual([]);
    expect(await t.sql('SELECT id FROM files WHERE id = $1', [image.id])).toEqual([]);
    const usageAfter = Number(
      (await t.sql<{ bytes: string }>('SELECT bytes FROM file_usage WHERE user_id = $1', [bob.id]))[0].bytes,
    );
    expect(usageBefore - usageAfter).toBe(image.size);
  });

  it('an upload left unattached for a day is deleted by the sweep; attached files stay', async () => {
    const stale = await uploadFile(t, mallory, 'forgotten', 'old.txt');
    const fresh = await uploadFile(t, mallory, 'recent', 'new.txt');
    const used = await uploadFile(t, mallory, 'used', 'used.txt');
    await post(mallory, { body: 'Uses one', attachmentIds: [used.id] });
    await t.sql(
      "UPDATE files SET expires_at = now() - interval '1 second', created_at = now() - interval '25 hours' WHERE id = $1",
      [stale.id],
    );
    await t.sql("UPDATE files SET created_at = now() - interval '25 hours' WHERE id = $1", [used.id]);
    // The sweep is what the timed job runs (every ten minutes, one instance).
    expect(await t.app.get(FilesService).sweep()).toBe(1);
    const left = (await t.sql<{ id: string }>('SELECT id FROM files WHERE owner_id = $1', [mallory.id])).map((r) => r.id).sort();
    expect(left).toEqual([fresh.id, used.id].sort());
    expect(storedUnder(join(dataDir, 'files')).includes(stale.id)).toBe(false);
    const [usage] = await t.sql<{ bytes: string }>('SELECT bytes FROM file_usage WHERE user_id = $1', [mallory.id]);
    expect(Number(usage.bytes)).toBe(fresh.size + used.size);
    // Attaching an expired upload is refused.
    const late = await uploadFile(t, mallory, 'late', 'late.txt');
    await t.sql("UPDATE files SET expires_at = now() - interval '1 second' WHERE id = $1", [late.id]);
    expect((await post(mallory, { body: 'Too late', attachmentIds: [late.id] })).status).toBe(400);
    expect((await get(`/api/files/${late.id}`, mallory)).status).toBe(404);
  });

  it('posts in the home and company feeds carry their attachments', async () => {
    const file = await uploadFile(t, alice, 'feed file', 'feed.txt');
    const created = await post(alice, { body: 'In the feed', attachmentIds: [file.id] });
    const feed = await get('/api/feed?scope=company', alice);
    expect(feed.status).toBe(200);
    const item = feed.body.items.find((p: { id: string }) => p.id === created.body.id);
    expect(item.attachments).toEqual([expect.objectContaining({ id: file.id, name: 'feed.txt' })]);
    const home = await get('/api/feed', alice);
    expect(home.body.items.find((p: { id: string }) => p.id === created.body.id)?.attachments).toHaveLength(1);
  });

  it('comments, questions, answers and ideas carry attachments too, each file on one item only', async () => {
    const group = await createGroup(t, alice, { visibility: 'private' });
    await addMember(t, alice, group.id, bob);
    const groupPost = await post(alice, { body: 'Private thread', groupId: group.id });
    const commentFile = await uploadFile(t, bob, 'comment attachment', 'reply.txt');
    const comment = await as(bob).post(`/api/posts/${groupPost.body.id}/comments`, {
      body: 'See attached',
      attachmentIds: [commentFile.id],
    });
    expect(comment.status).toBe(201);
    expect(comment.body.attachments).toEqual([expect.objectContaining({ id: commentFile.id, name: 'reply.txt' })]);
    const listed = await get(`/api/posts/${groupPost.body.id}/comments`, alice);
    expect(listed.body.items[0].attachments).toEqual([expect.objectContaining({ id: commentFile.id })]);
    expect((await get(`/api/files/${commentFile.id}`, alice)).status).toBe(200);
    expect((await get(`/api/files/${commentFile.id}`, mallory)).status).toBe(404);
    // The same file cannot go on a second item.
    const again = await as(bob).post(`/api/posts/${groupPost.body.id}/comments`, {
      body: 'Again',
      attachmentIds: [commentFile.id],
    });
    expect(again.status).toBe(400);

    const questionFile = await uploadFile(t, alice, await png(), 'error.png');
    const question = await as(alice).post('/api/questions', {
      title: 'Why does the build fail?',
      body: 'Screenshot attached',
      topics: ['builds'],
      attachmentIds: [questionFile.id],
    });
    expect(question.status).toBe(201);
    expect(question.body.attachments).toEqual([expect.objectContaining({ id: questionFile.id, contentType: 'image/png' })]);
    const answerFile = await uploadFile(t, bob, 'the fix', 'fix.md');
    const answer = await as(bob).post(`/api/questions/${question.body.id}/answers`, {
      body: 'Try this',
      attachmentIds: [answerFile.id],
    });
    expect(answer.status).toBe(201);
    expect(answer.body.attachments).toEqual([expect.objectContaining({ id: answerFile.id, contentType: 'text/markdown' })]);
    const detail = await get(`/api/questions/${question.body.id}`, mallory);
    expect(detail.body.attachments.map((a: AttachmentView) => a.id)).toEqual([questionFile.id]);
    expect(detail.body.answers[0].attachments.map((a: AttachmentView) => a.id)).toEqual([answerFile.id]);
    expect((await get(`/api/files/${answerFile.id}`, mallory)).status).toBe(200);
    const stolen = await as(mallory).post(`/api/questions/${question.body.id}/answers`, {
      body: 'Mine',
      attachmentIds: [answerFile.id],
    });
    expect(stolen.status).toBe(400);

    const innovator = await registerInnovator(t, admin);
    const campaign = await openCampaign(t, innovator, [innovator]);
    const ideaFile = await uploadFile(t, bob, 'business case', 'case.txt');
    const idea = await as(bob).post(`/api/campaigns/${campaign.id}/ideas`, {
      title: 'Fewer meetings',
      body: 'See the case',
      attachmentIds: [ideaFile.id],
    });
    expect(idea.status).toBe(201);
    expect(idea.body.attachments).toEqual([expect.objectContaining({ id: ideaFile.id })]);
    expect((await get(`/api/ideas/${idea.body.id}`, alice)).body.attachments).toHaveLength(1);
    const edited = await as(bob).patch(`/api/ideas/${idea.body.id}`, { attachmentIds: [] });
    expect(edited.status).toBe(200);
    expect((await get(`/api/ideas/${idea.body.id}`, alice)).body.attachments).toEqual([]);
    expect((await get(`/api/files/${ideaFile.id}`, alice)).status).toBe(404);
  });
});
