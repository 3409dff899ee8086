import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { png, registerFilesCast, uploadFile } from './factories/file.factory.js';
import { addMember, createGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator } from './factories/idea.factory.js';
import { report, resolve } from './factories/moderation.factory.js';
import { askQuestion } from './factories/question.factory.js';
import type { TestUser } from './factories/user.factory.js';
import { minimalDocx, minimalPdf } from './support/documents.js';
import { useTestApp } from './support/test-app.js';

/** A made-up word no other test writes: lowercase letters only, so both stemmers keep it whole. */
const word = (prefix: string) =>
  prefix +
  Array.from(randomBytes(8))
    .map((b) => String.fromCharCode(97 + (b % 26)))
    .join('');

interface HitBody {
  type: string;
  id: string;
  title: string;
  snippet: string;
}

/**
 * The text of PDF, Office and text documents is extracted after upload (a job, never the request)
 * and found through the one search box as a hit on the item the file is attached to, with that
 * item's visibility: a private group's document is found by members only, and deleting or hiding
 * the item takes the hit away. A corrupt document gets no text and breaks nothing.
 */
describe('files: document text in search', () => {
  const t = useTestApp({ RUCHE_DATA_DIR: mkdtempSync(join(tmpdir(), 'ruche-text-')) });
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let mallory: TestUser;
  let mod: TestUser;

  beforeAll(async () => {
    [admin, alice, bob, mallory, mod] = await registerFilesCast(t);
  });

  const search = async (viewer: TestUser, q: string, type?: string): Promise<HitBody[]> => {
    const res = await t.http
      .get('/api/search')
      .query(type ? { q, type } : { q })
      .set('Authorization', viewer.auth);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const post = async (as: TestUser, body: Record<string, unknown>) => {
    const res = await t.http.post('/api/posts').set('Authorization', as.auth).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const textOf = async (fileId: string) =>
    (await t.sql<{ text: string | null; extracted: boolean }>(
      'SELECT text, text_extracted_at IS NOT NULL AS extracted FROM files WHERE id = $1',
      [fileId],
    ))[0];

  it('finds a post by a word only in its attached Word document, and a question by one only in its PDF', async () => {
    const inDocx = word('docx');
    const inPdf = word('pdf');
    const docx = await uploadFile(t, alice, await minimalDocx(['Quarterly review', `The ${inDocx} budget line`]), 'review.docx');
    expect(docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const pdf = await uploadFile(t, alice, minimalPdf(`Runbook for ${inPdf} outages`), 'runbook.pdf');
    expect(pdf.contentType).toBe('application/pdf');
    // Before its job ran nothing is known; the upload itself never waited for the extraction.
    const withDoc = await post(alice, { body: 'Notes from the review, see attached.', attachmentIds: [docx.id] });
    const question = await t.http
      .post('/api/questions')
      .set('Authorization', alice.auth)
      .send({ title: 'Who owns the runbook?', body: 'It is attached.', topics: ['ops'], attachmentIds: [pdf.id] });
    expect(question.status).toBe(201);
    await t.settle();

    expect(await textOf(docx.id)).toEqual({ text: `Quarterly review\nThe ${inDocx} budget line`, extracted: true });
    expect((await textOf(pdf.id)).text).toContain(`Runbook for ${inPdf} outages`);

    const byDocx = await search(bob, inDocx);
    expect(byDocx.map((h) => [h.type, h.id])).toEqual([['post', withDoc.id]]);
    expect(byDocx[0].title).toBe('Notes from the review, see attached.');
    expect(byDocx[0].snippet).toContain(inDocx);
    const byPdf = await search(bob, inPdf);
    expect(byPdf.map((h) => [h.type, h.id])).toEqual([['question', question.body.id]]);
  });

  it('finds a post through a document on one of its comments, a question through one on its answer, an idea through its own', async () => {
    const inComment = word('cmt');
    const inAnswer = word('ans');
    const inIdea = word('idea');
    const parent = await post(bob, { body: 'Anyone has the figures?' });
    const csv = await uploadFile(t, alice, `region,total\n${inComment},42\n`, 'figures.csv');
    const comment = await t.http
      .post(`/api/posts/${parent.id}/comments`)
      .set('Authorization', alice.auth)
      .send({ body: 'Here they are', attachmentIds: [csv.id] });
    expect(comment.status).toBe(201);

    const question = await askQuestion(t, bob, { title: 'Where is the onboarding guide?' });
    const guide = await uploadFile(t, alice, minimalPdf(`Onboarding ${inAnswer} guide`), 'guide.pdf');
    const answer = await t.http
      .post(`/api/questions/${question.id}/answers`)
      .set('Authorization', alice.auth)
      .send({ body: 'This one', attachmentIds: [guide.id] });
    expect(answer.status).toBe(201);

    const innovator = await registerInnovator(t, admin);
    const campaign = await openCampaign(t, innovator, [innovator]);
    const sketch = await uploadFile(t, alice, await minimalDocx([`A ${inIdea} prototype`]), 'sketch.docx');
    const idea = await t.http
      .post(`/api/campaigns/${campaign.id}/ideas`)
      .set('Authorization', alice.auth)
      .send({ title: 'Better prototypes', body: 'Details attached', attachmentIds: [sketch.id] });
    expect(idea.status).toBe(201);
    await t.settle();

    expect((await search(mallory, inComment)).map((h) => [h.type, h.id])).toEqual([['post', parent.id]]);
    expect((await search(mallory, inAnswer)).map((h) => [h.type, h.id])).toEqual([['question', question.id]]);
    expect((await search(mallory, inIdea)).map((h) => [h.type, h.id])).toEqual([['idea', idea.body.id]]);
    // Positive control for the type filter: the same word under another type finds nothing.
    expect(await search(mallory, inIdea, 'post')).toEqual([]);
  });

  it('a private group’s document is found by its members only', async () => {
    const secret = word('priv');
    const group = await createGroup(t, alice, { visibility: 'private' });
    await addMember(t, alice, group.id, bob);
    const file = await uploadFile(t, alice, minimalPdf(`Acquisition ${secret} terms`), 'terms.pdf');
    const inGroup = await post(alice, { body: 'Terms', groupId: group.id, attachmentIds: [file.id] });
    await t.settle();

    expect((await search(bob, secret)).map((h) => h.id)).toEqual([inGroup.id]);
    expect((await search(alice, secret)).map((h) => h.id)).toEqual([inGroup.id]);
    expect(await search(mallory, secret)).toEqual([]);
    // Moderators outside the group do not see it either (the feed's rule).
    expect(await search(mod, secret)).toEqual([]);
  });

  it('deleting the item, or a moderator removing it, takes the hit away', async () => {
    const gone = word('gone');
    const hidden = word('hid');
    const first = await uploadFile(t, alice, await minimalDocx([`Plan ${gone}`]), 'plan.docx');
    const second = await uploadFile(t, alice, await minimalDocx([`Plan ${hidden}`]), 'plan2.docx');
    const toDelete = await post(alice, { body: 'Plan A', attachmentIds: [first.id] });
    const toRemove = await post(alice, { body: 'Plan B', attachmentIds: [second.id] });
    await t.settle();
    expect((await search(bob, gone)).map((h) => h.id)).toEqual([toDelete.id]);
    expect((await search(bob, hidden)).map((h) => h.id)).toEqual([toRemove.id]);

    expect((await t.http.delete(`/api/posts/${toDelete.id}`).set('Authorization', alice.auth)).status).toBe(204);
    // At once, before the files are purged: the item's visibility already excludes it.
    expect(await search(bob, gone)).toEqual([]);
    await resolve(t, mod, (await report(t, bob, toRemove.id)).id, 'remove');
    await t.settle();
    for (const viewer of [bob, alice]) {
      expect(await search(viewer, gone)).toEqual([]);
      expect(await search(viewer, hidden)).toEqual([]);
    }
    // The deleted post's file was purged with it, text and all.
    expect(await t.sql('SELECT id FROM files WHERE id = $1', [first.id])).toEqual([]);
  });

  it('a file taken off its item by an edit no longer finds the item', async () => {
    const off = word('off');
    const file = await uploadFile(t, alice, `notes about ${off}`, 'notes.txt');
    const p = await post(alice, { body: 'With notes', attachmentIds: [file.id] });
    await t.settle();
    expect((await search(bob, off)).map((h) => h.id)).toEqual([p.id]);
    const edit = await t.http.patch(`/api/posts/${p.id}`).set('Authorization', alice.auth).send({ body: 'Without notes', attachmentIds: [] });
    expect(edit.status).toBe(200);
    expect(await search(bob, off)).toEqual([]);
    expect(await search(alice, off)).toEqual([]);
  });

  it('a corrupt document or an image gets no text and breaks nothing; the upload still works', async () => {
    const broken = await uploadFile(t, alice, Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without end'), 'broken.pdf');
    expect(broken.contentType).toBe('application/pdf');
    const zipLike = await minimalDocx(['ok']);
    // A docx whose central directory is cut off: still typed by its first bytes, unreadable as a zip.
    const truncated = await uploadFile(t, alice, zipLike.subarray(0, Math.floor(zipLike.length * 0.6)), 'cut.docx');
    const image = await uploadFile(t, alice, await png(), 'pic.png');
    const p = await post(alice, { body: 'Broken files', attachmentIds: [broken.id, image.id] });
    await t.settle();
    expect(await textOf(broken.id)).toEqual({ text: null, extracted: true });
    // Whatever file-type made of the cut zip, it is stored and its text is empty or absent.
    expect((await textOf(truncated.id)).text ?? null).toBeNull();
    // Images are not extracted at all (no job): nothing was attempted.
    expect(await textOf(image.id)).toEqual({ text: null, extracted: false });
    const view = await t.http.get(`/api/posts/${p.id}`).set('Authorization', bob.auth);
    expect(view.status).toBe(200);
    expect(view.body.attachments).toHaveLength(2);
    // The app is healthy: a normal document right after is read.
    const fine = word('fine');
    const ok = await uploadFile(t, alice, minimalPdf(`All ${fine} again`), 'ok.pdf');
    await t.settle();
    expect((await textOf(ok.id)).text).toContain(fine);
  });

  it('keeps at most 100,000 characters of a long text', async () => {
    const tail = word('tail');
    const long = `${'lorem ipsum '.repeat(10_000)}${tail}`;
    const file = await uploadFile(t, alice, long, 'long.txt');
    await post(alice, { body: 'Long one', attachmentIds: [file.id] });
    await t.settle();
    const { text } = await textOf(file.id);
    expect(text!.length).toBe(100_000);
    // The word past the cap is not searchable: the cap is what is indexed.
    expect(await search(bob, tail)).toEqual([]);
  });
});
