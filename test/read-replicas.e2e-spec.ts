import pg from 'pg';
import { Database } from '@ruche/platform';
import { addMember, createGroup } from './factories/group.factory.js';
import { createPost, listPage } from './factories/post.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { findPostgresBinaries, type ReplicaCluster, startReplicaCluster } from './support/replica-cluster.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bin = findPostgresBinaries();
if (!bin) {
  process.stderr.write(
    'read-replicas: SKIPPED, no PostgreSQL binaries with pg_basebackup (looked in $PG_BIN and /usr/lib/postgresql/*/bin)\n',
  );
}

/**
 * A real streaming standby: `DATABASE_REPLICA_URLS` sends list reads to it, while the caller's
 * memberships, roles and own writes are read on the primary. Replay is paused on the standby to
 * make a stale read visible: what a read returns then says which server answered.
 */
const METRICS = 'replica-metrics-token-0123456789';

(bin ? describe : describe.skip)('read replicas', () => {
  let cluster: ReplicaCluster;
  let t: TestApp;
  let db: Database;

  beforeAll(async () => {
    cluster = await startReplicaCluster(bin!);
    // A wide lag bound, so a paused standby keeps serving (and its staleness shows); the peer below
    // has a narrow one.
    t = await startTestApp({ DATABASE_REPLICA_MAX_LAG_MS: '60000', METRICS_TOKEN: METRICS }, { serverUrl: cluster.primaryUrl, replicaUrls: [cluster.standbyUrl] });
    db = t.app.get(Database);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await cluster?.stop();
  });

  afterEach(() => cluster?.resumeReplay().catch(() => undefined));

  /** Lets the standby replay everything written so far, and the app know it. */
  async function replicated(app: TestApp = t): Promise<void> {
    await app.settle();
    const database = app.app.get(Database);
    for (let i = 0; i < 50; i++) {
      await cluster.caughtUp();
      await database.checkReplicas();
      // Background work may write between the two: done when the last sample was replayed.
      if ((database.replicaStatus()[0].lagMs ?? Infinity) < 100) return;
    }
    throw new Error('the app never saw the standby caught up');
  }

  const served = (app: TestApp = t) => app.app.get(Database).replicaStatus()[0].served;
  const feedIds = async (viewer: TestUser, path = '/api/feed?scope=company') => (await listPage(t, viewer, path)).items.map((p) => p.id);

  it('serves list reads from the standby, and a writer reads their own write on the primary', async () => {
    const author = await registerUser(t);
    const reader = await registerUser(t);
    const before = await createPost(t, author, 'Replicated before the pause');
    await replicated();
    expect(db.replicaStatus()).toEqual([expect.objectContaining({ up: true })]);

    await cluster.pauseReplay();
    const after = await createPost(t, author, 'Written while the standby is paused');

    const servedBefore = served();
    // The reader wrote nothing since the standby caught up: the standby answers, without the new post.
    expect(await feedIds(reader)).toEqual([before.id]);
    expect(served()).toBe(servedBefore + 1);
    // The author just wrote: their reads go to the primary until a replica holds the write.
    expect(await feedIds(author)).toEqual([after.id, before.id]);
    expect(served()).toBe(servedBefore + 1);

    await cluster.resumeReplay();
    await replicated();
    expect(await feedIds(reader)).toEqual([after.id, before.id]);
    expect(served()).toBe(servedBefore + 2);
    // Once the standby holds the author's write, the author is served by it too.
    expect(await feedIds(author)).toEqual([after.id, before.id]);
    expect(served()).toBe(servedBefore + 3);
  });

  it('a removed member does not see the private group through a standby that still lists them', async () => {
    const owner = await registerUser(t);
    const member = await registerUser(t);
    const group = await createGroup(t, owner, { visibility: 'private' });
    await addMember(t, owner, group.id, member);
    const post = (await t.http.post('/api/posts').set('Authorization', owner.auth).send({ body: 'Members only', groupId: group.id })).body;
    await replicated();
    const ownersPosts = `/api/users/${owner.id}/posts`;
    expect(await feedIds(member, ownersPosts)).toContain(post.id);

    await cluster.pauseReplay();
    await t.http.delete(`/api/groups/${group.id}/members/${member.id}`).set('Authorization', owner.auth).expect(204);
    // The standby has not replayed the removal...
    const [{ name }] = await t.sql<{ name: string }>('SELECT current_database() AS name');
    const standby = new pg.Client({ connectionString: new URL(`/${name}`, cluster.standbyUrl).toString() });
    await standby.connect();
    try {
      const stale = await standby.query('SELECT 1 FROM group_memberships WHERE group_id = $1 AND user_id = $2', [group.id, member.id]);
      expect(stale.rowCount).toBe(1);
    } finally {
      await standby.end();
    }
    // ...but memberships are read on the primary and passed to the standby's query as parameters.
    const servedBefore = served();
    expect(await feedIds(member, ownersPosts)).not.toContain(post.id);
    expect(served()).toBe(servedBefore + 1);
    expect((await t.http.get(`/api/groups/${group.id}/feed`).set('Authorization', member.auth)).status).toBe(404);
  });

  it('a post that became private a moment ago is dropped by the check on the primary', async () => {
    const owner = await registerUser(t);
    const outsider = await registerUser(t);
    const group = await createGroup(t, owner, { visibility: 'public' });
    const post = (await t.http.post('/api/posts').set('Authorization', owner.auth).send({ body: 'Public for now: zanzibarite', groupId: group.id })).body;
    await replicated();
    expect(await feedIds(outsider)).toContain(post.id);
    const found = async () =>
      ((await t.http.get('/api/search?q=zanzibarite&type=post').set('Authorization', outsider.auth).expect(200)).body.items as { id: string }[]).map(
        (hit) => hit.id,
      );
    expect(await found()).toEqual([post.id]);

    await cluster.pauseReplay();
    await t.http.patch(`/api/groups/${group.id}`).set('Authorization', owner.auth).send({ visibility: 'private' }).expect(200);
    const servedBefore = served();
    // The standby still has the post as public and finds it; the primary's confirmation drops it.
    expect(await feedIds(outsider)).not.toContain(post.id);
    expect(served()).toBe(servedBefore + 1);
    // Search too: the standby finds it, the primary's visibility rule for posts drops it.
    expect(await found()).toEqual([]);
    expect(served()).toBeGreaterThan(servedBefore + 1);
  });

  it('the people directory is read on the standby', async () => {
    const viewer = await registerUser(t, { displayName: 'Directory Reader' });
    await replicated();
    const servedBefore = served();
    const res = await t.http.get('/api/users').set('Authorization', viewer.auth).expect(200);
    expect((res.body.items as { id: string }[]).map((p) => p.id)).toContain(viewer.id);
    expect(served()).toBe(servedBefore + 1);
  });

  it('a standby further behind than DATABASE_REPLICA_MAX_LAG_MS serves nothing', async () => {
    const peer = await t.startPeer({ DATABASE_REPLICA_MAX_LAG_MS: '200' });
    const author = await registerUser(t);
    const reader = await registerUser(t);
    await replicated(peer);
    await cluster.pauseReplay();
    const post = await createPost(t, author, 'Fresh while the standby is paused');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await peer.app.get(Database).checkReplicas();
    const servedBefore = served(peer);
    // On the peer (where the reader never wrote) the paused standby is too far behind: the primary answers.
    const res = await peer.http.get('/api/feed?scope=company').set('Authorization', reader.auth).expect(200);
    expect((res.body.items as { id: string }[]).map((p) => p.id)).toContain(post.id);
    expect(served(peer)).toBe(servedBefore);
    expect(peer.app.get(Database).replicaStatus()[0].lagMs).toBeGreaterThan(200);
  });

  it('/metrics reports how far the standby is behind', async () => {
    await replicated();
    const res = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS}`).expect(200);
    const line = res.text.split('\n').find((l) => l.startsWith('ruche_db_replica_lag_seconds{'));
    expect(line).toMatch(/replica="127\.0\.0\.1:\d+\/ruche_test_[0-9a-f]+"/);
    expect(Number(line!.split(' ').at(-1))).toBeGreaterThanOrEqual(0);
  });

  // Last: it stops the standby for good.
  it('a standby that goes down between two checks costs a retry on the primary, not an error', async () => {
    const reader = await registerUser(t);
    const post = await createPost(t, reader, 'Written before the standby goes down');
    await replicated();
    expect(db.replicaStatus()[0].up).toBe(true);
    await cluster.killStandby();
    // Unless a check came in between, the app picks the standby, which refuses: the primary answers.
    expect(await feedIds(reader)).toContain(post.id);
    await db.checkReplicas();
    expect(db.replicaStatus()[0].up).toBe(false);
    const servedBefore = served();
    expect(await feedIds(reader)).toContain(post.id);
    expect(served()).toBe(servedBefore);
  });
});
