import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { FilesService } from '@ruche/files';
import { getBinary, png, uploadFile } from './factories/file.factory.js';
import { setSuspended } from './factories/moderation.factory.js';
import { createPost } from './factories/post.factory.js';
import { actingAs, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * Uploaded avatars (#16): a person makes one of their own image uploads their photo; every person
 * summary then carries its link, which an `<img>` loads without a token while the photo is current.
 */
describe('avatars: an uploaded photo instead of the generated avatar', () => {
  const t = useTestApp({ RUCHE_DATA_DIR: mkdtempSync(join(tmpdir(), 'ruche-avatars-')) });
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let dana: TestUser;
  let erin: TestUser;

  beforeAll(async () => {
    [admin, alice, bob, carol, dana, erin] = await registerUsers(t, ['Admin', 'Alice', 'Bob', 'Carol', 'Dana', 'Erin']);
  });

  const as = (user: TestUser) => actingAs(t, user);
  const avatarColumn = async (user: TestUser) =>
    (await t.sql<{ avatar_file_id: string | null }>('SELECT avatar_file_id FROM users WHERE id = $1', [user.id]))[0]
      .avatar_file_id;
  const image = (url: string) => getBinary(t, url);
  /** The author summary of `user`'s newest post, as a colleague's company feed shows it. */
  const authorInFeed = async (user: TestUser, viewer: TestUser) => {
    const { body } = await as(viewer).get('/api/feed?scope=company&limit=50').expect(200);
    return (body.items as { author: { id: string; avatarUrl?: string } }[]).find((p) => p.author.id === user.id)!.author;
  };

  it('a PNG of one’s own becomes the photo: feed and directory carry its link, which loads a small WebP without a token', async () => {
    await createPost(t, alice, 'Hello from Alice');
    expect((await authorInFeed(alice, bob)).avatarUrl).toBeUndefined();

    const photo = await uploadFile(t, alice, await png(900, 600), 'me.png');
    const set = await as(alice).put('/api/me/avatar', { fileId: photo.id.toUpperCase() }).expect(200);
    const url = `/api/users/${alice.id}/avatar?v=${photo.id}`;
    expect(set.body).toEqual({ avatarUrl: url });

    expect((await authorInFeed(alice, bob)).avatarUrl).toBe(url);
    // Her own account (the header) and her profile show it too.
    expect((await as(alice).get('/api/me').expect(200)).body.avatarUrl).toBe(url);
    expect((await as(bob).get(`/api/users/${alice.id}`).expect(200)).body.avatarUrl).toBe(url);
    const directory = await as(bob).get('/api/users?limit=50').expect(200);
    expect(directory.body.items.find((p: { id: string }) => p.id === alice.id).avatarUrl).toBe(url);
    expect(directory.body.items.find((p: { id: string }) => p.id === bob.id).avatarUrl).toBeUndefined();

    const res = await image(url).expect(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('private, max-age=86400');
    const meta = await sharp(res.body as Buffer).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(400);

    // Attached to her avatar, so never swept like a day-old unattached upload.
    expect(await t.sql('SELECT item_type, item_id, expires_at FROM files WHERE id = $1', [photo.id])).toEqual([
      { item_type: 'avatar', item_id: alice.id, expires_at: null },
    ]);
  });

  it('the image link: a wrong or old version is a 404; without a version a bearer token is needed', async () => {
    const current = await avatarColumn(alice);
    await image(`/api/users/${alice.id}/avatar?v=${bob.id}`).expect(404);
    await image(`/api/users/${alice.id}/avatar?v=nonsense`).expect(404);
    await image(`/api/users/${bob.id}/avatar?v=${current}`).expect(404);
    await t.http.get(`/api/users/${alice.id}/avatar`).expect(401);
    const byToken = await getBinary(t, `/api/users/${alice.id}/avatar`, bob);
    expect(byToken.status).toBe(200);
    expect(byToken.headers['cache-control']).toBe('private, no-cache');
    await t.http.get(`/api/users/${bob.id}/avatar`).set('Authorization', alice.auth).expect(404);
  });

  it('refuses another’s upload (404), a non-image or a GIF (400), a file on a post (400), bad ids (400): nothing written', async () => {
    const before = await avatarColumn(bob);
    const alicesUpload = await uploadFile(t, alice, await png(), 'mine.png');
    const csv = await uploadFile(t, bob, 'a,b\n1,2\n', 'data.csv');
    const gif = await uploadFile(
      t,
      bob,
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#112233' } })
        .gif()
        .toBuffer(),
      'moving.gif',
    );
    const onPost = await uploadFile(t, bob, await png(), 'attached.png');
    await as(bob)
      .post('/api/posts', { body: 'With a picture', attachmentIds: [onPost.id] })
      .expect(201);

    expect((await as(bob).put('/api/me/avatar', { fileId: alicesUpload.id })).status).toBe(404);
    const notImage = await as(bob).put('/api/me/avatar', { fileId: csv.id });
    expect({ status: notImage.status, code: notImage.body.code }).toEqual({ status: 400, code: 'avatar_not_image' });
    expect((await as(bob).put('/api/me/avatar', { fileId: gif.id })).status).toBe(400);
    expect((await as(bob).put('/api/me/avatar', { fileId: onPost.id })).status).toBe(400);
    for (const body of [{}, { fileId: 'not-an-id' }, { fileId: 42 }, { fileId: csv.id, extra: 1 }]) {
      expect((await as(bob).put('/api/me/avatar', body)).status).toBe(400);
    }
    expect(await avatarColumn(bob)).toBe(before);
    // Alice's upload stayed hers and unattached; Bob's CSV too.
    const files = await t.sql<{ id: string; item_type: string | null }>(
      'SELECT id, item_type FROM files WHERE id = ANY($1::uuid[]) ORDER BY id',
      [[alicesUpload.id, csv.id, gif.id]],
    );
    expect(files.map((f) => f.item_type)).toEqual([null, null, null]);
    expect((await as(bob).put('/api/me/avatar', { fileId: csv.id })).status).toBe(400);
    await t.http.put('/api/me/avatar').send({ fileId: csv.id }).expect(401);
  });

  it('a new photo replaces the old (its link stops); removing it brings back the generated avatar', async () => {
    const first = await uploadFile(t, carol, await png(), 'one.png');
    const second = await uploadFile(t, carol, await png(64, 64), 'two.png');
    await createPost(t, carol, 'Carol here');
    const { body: one } = await as(carol).put('/api/me/avatar', { fileId: first.id }).expect(200);
    const { body: two } = await as(carol).put('/api/me/avatar', { fileId: second.id }).expect(200);
    await image(one.avatarUrl).expect(404);
    await image(two.avatarUrl).expect(200);
    // The old photo is an ordinary unattached upload again: swept after its day.
    const [old] = await t.sql<{ item_type: string | null; expires_at: string | null }>(
      'SELECT item_type, expires_at FROM files WHERE id = $1',
      [first.id],
    );
    expect(old.item_type).toBeNull();
    expect(old.expires_at).not.toBeNull();

    expect((await as(carol).delete('/api/me/avatar').expect(200)).body).toEqual({ avatarUrl: null });
    expect(await avatarColumn(carol)).toBeNull();
    expect((await authorInFeed(carol, bob)).avatarUrl).toBeUndefined();
    await image(two.avatarUrl).expect(404);
    // Removing twice is harmless.
    await as(carol).delete('/api/me/avatar').expect(200);
  });

  it('many photos set at once (more requests than the pool has connections): one wins, and only it stays attached', async () => {
    const images = await Promise.all(Array.from({ length: 14 }, (_, i) => png(32 + i, 32)));
    const photos = await Promise.all(images.map((content, i) => uploadFile(t, erin, content, `p${i}.png`)));
    const answers = await Promise.all(photos.map((p) => as(erin).put('/api/me/avatar', { fileId: p.id })));
    expect(answers.map((a) => a.status)).toEqual(photos.map(() => 200));
    const attached = await t.sql<{ id: string }>("SELECT id FROM files WHERE item_type = 'avatar' AND item_id = $1", [erin.id]);
    expect(attached).toEqual([{ id: await avatarColumn(erin) }]);
    await as(erin).delete('/api/me/avatar').expect(200);
  });

  it('a suspended person’s photo is neither linked nor served until reinstated', async () => {
    const photo = await uploadFile(t, dana, await png(), 'dana.png');
    await createPost(t, dana, 'Dana here');
    const { body } = await as(dana).put('/api/me/avatar', { fileId: photo.id }).expect(200);
    await setSuspended(t, admin, dana.id, true);
    expect((await authorInFeed(dana, bob)).avatarUrl).toBeUndefined();
    await image(body.avatarUrl).expect(404);
    await setSuspended(t, admin, dana.id, false);
    expect((await authorInFeed(dana, bob)).avatarUrl).toBe(body.avatarUrl);
    await image(body.avatarUrl).expect(200);
  });

  it('erasure clears the photo and deletes its file', async () => {
    const photo = await uploadFile(t, erin, await png(), 'erin.png');
    const { body } = await as(erin).put('/api/me/avatar', { fileId: photo.id }).expect(200);
    await as(erin).post('/api/me/erase', { confirmation: erin.handle, password: erin.password }).expect(200);
    await t.settle();
    expect(await avatarColumn(erin)).toBeNull();
    await image(body.avatarUrl).expect(404);
    await t.app.get(FilesService).sweep();
    expect(await t.sql('SELECT id FROM files WHERE id = $1', [photo.id])).toEqual([]);
  });
});
