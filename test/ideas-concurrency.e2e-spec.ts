import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  type CampaignBody,
  ideaOf,
  openCampaign,
  registerCrowd,
  registerInnovator,
  submitIdea,
  transition,
  vote,
} from './factories/idea.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * Vote counts stay exact under heavy concurrency: hundreds of people voting at the same instant,
 * votes and retractions racing each other, retries, and votes racing the advance.
 */
describe('ideas: votes under concurrency', () => {
  jest.setTimeout(120_000);
  const t = useTestApp({}, 120_000);
  let ines: TestUser;
  let author: TestUser;
  let crowd: TestUser[];
  let campaign: CampaignBody;

  beforeAll(async () => {
    const admin = await registerUser(t, { displayName: 'Admin' });
    ines = await registerInnovator(t, admin);
    author = await registerUser(t, { displayName: 'Author' });
    crowd = await registerCrowd(t, 200);
    campaign = await openCampaign(t, ines, [admin]);
  }, 120_000);

  const put = (user: TestUser, ideaId: string) => t.http.put(`/api/ideas/${ideaId}/vote`).set('Authorization', user.auth);
  const del = (user: TestUser, ideaId: string) => t.http.delete(`/api/ideas/${ideaId}/vote`).set('Authorization', user.auth);
  const stored = async (ideaId: string) => {
    const [row] = await t.sql<{ vote_count: number; rows: number }>(
      'SELECT vote_count, (SELECT count(*)::int FROM idea_votes WHERE idea_id = $1) AS rows FROM ideas WHERE id = $1',
      [ideaId],
    );
    return row;
  };

  it('200 simultaneous votes from 200 people give exactly 200', async () => {
    const idea = await submitIdea(t, author, campaign.id);
    const results = await Promise.all(crowd.map((user) => put(user, idea.id)));
    expect(results.map((r) => r.status)).toEqual(crowd.map(() => 200));
    // Each vote saw its own exact count: together they are 1..200, each once.
    expect(results.map((r) => r.body.voteCount as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    expect(await stored(idea.id)).toEqual({ vote_count: 200, rows: 200 });
    expect((await ideaOf(t, author, idea.id)).voteCount).toBe(200);
    const announced = await t.sql<{ n: number }>(
      `SELECT (payload->>'voteCount')::int AS n FROM outbox WHERE type = 'idea.voted' AND subject_id = $1 ORDER BY id`,
      [idea.id],
    );
    expect(announced.map((e) => e.n)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('concurrent vote / unvote pairs end exact', async () => {
    const idea = await submitIdea(t, author, campaign.id);
    const [pairs, steady, leavers] = [crowd.slice(0, 80), crowd.slice(80, 140), crowd.slice(140, 200)];
    // The leavers voted earlier; now they retract while others vote, some twice at once.
    await Promise.all(leavers.map((user) => vote(t, user, idea.id)));
    const results = await Promise.all([
      ...pairs.flatMap((user) => [put(user, idea.id), del(user, idea.id)]),
      ...steady.flatMap((user) => [put(user, idea.id), put(user, idea.id)]),
      ...leavers.map((user) => del(user, idea.id)),
    ]);
    expect(results.every((r) => r.status === 200)).toBe(true);
    const { vote_count, rows } = await stored(idea.id);
    expect(vote_count).toBe(rows);
    // Steady voters count once each, leavers not at all, each pair 0 or 1 depending on who won.
    const voters = new Set(
      (await t.sql<{ user_id: string }>('SELECT user_id FROM idea_votes WHERE idea_id = $1', [idea.id])).map((r) => r.user_id),
    );
    expect(steady.every((u) => voters.has(u.id))).toBe(true);
    expect(leavers.some((u) => voters.has(u.id))).toBe(false);
    expect(rows).toBeGreaterThanOrEqual(steady.length);
    expect(rows).toBeLessThanOrEqual(steady.length + pairs.length);
    expect((await ideaOf(t, author, idea.id)).voteCount).toBe(rows);

    // Then everyone retracts at once: back to exactly zero.
    await Promise.all(crowd.map((user) => del(user, idea.id)));
    expect(await stored(idea.id)).toEqual({ vote_count: 0, rows: 0 });
  });

  it('one person retrying many times at once counts once', async () => {
    const idea = await submitIdea(t, author, campaign.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => put(crowd[0], idea.id)));
    expect(results.every((r) => r.status === 200 && r.body.voteCount === 1 && r.body.myVote === true)).toBe(true);
    expect(await stored(idea.id)).toEqual({ vote_count: 1, rows: 1 });
  });

  /** Until a backend of this database waits on a lock (the vote's counter update, held). */
  async function lockWaiter(): Promise<void> {
    for (let i = 0; i < 500; i++) {
      const [{ count }] = await t.sql<{ count: number }>(
        "SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (count > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('never saw a backend waiting on a lock');
  }

  /**
   * The vote's last statement (counter, event, re-check) goes with its COMMIT in one message: when
   * the idea changes while the vote waits for its row, the statement must fail rather than commit
   * a vote row without its count. Here a test transaction holds the idea's row, the vote (checks
   * passed, row inserted) waits on it, and the idea changes before the lock is released.
   */
  async function voteHeldWhile(ideaId: string, voter: TestUser, change: string) {
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('SELECT id FROM ideas WHERE id = $1 FOR NO KEY UPDATE', [ideaId]);
      const pending = put(voter, ideaId).then((res) => res);
      await lockWaiter();
      await runner.query(change, [ideaId]);
      await runner.commitTransaction();
      return await pending;
    } finally {
      await runner.release();
    }
  }

  it('a vote whose idea is decided or hidden while it waits for the row is refused whole; other changes let it count', async () => {
    const announced = async (ideaId: string) =>
      (
        await t.sql<{ n: number }>(
          `SELECT (payload->>'voteCount')::int AS n FROM outbox WHERE type = 'idea.voted' AND subject_id = $1`,
          [ideaId],
        )
      ).map((e) => e.n);
    const decided = await submitIdea(t, author, campaign.id);
    const refused = await voteHeldWhile(decided.id, crowd[0], `UPDATE ideas SET status = 'not_selected' WHERE id = $1`);
    expect(refused.status).toBe(409);
    expect(await stored(decided.id)).toEqual({ vote_count: 0, rows: 0 });
    expect(await announced(decided.id)).toEqual([]);

    const hidden = await submitIdea(t, author, campaign.id);
    await vote(t, crowd[1], hidden.id);
    const unseen = await voteHeldWhile(hidden.id, crowd[0], `UPDATE ideas SET moderation_state = 'hidden' WHERE id = $1`);
    expect(unseen.status).toBe(404);
    expect(await stored(hidden.id)).toEqual({ vote_count: 1, rows: 1 });
    expect(await announced(hidden.id)).toEqual([1]);

    const edited = await submitIdea(t, author, campaign.id);
    const counted = await voteHeldWhile(edited.id, crowd[0], `UPDATE ideas SET title = title || ' (edited)' WHERE id = $1`);
    expect(counted.status).toBe(200);
    expect(counted.body).toEqual({ ideaId: edited.id, voteCount: 1, myVote: true });
    expect(await stored(edited.id)).toEqual({ vote_count: 1, rows: 1 });
    expect(await announced(edited.id)).toEqual([1]);
  });

  it('votes racing the advance land before it (counted, and ranked) or after it (409), never in between', async () => {
    const race = await openCampaign(t, ines, [author], { advanceTopN: 1 });
    const early = await submitIdea(t, author, race.id);
    const late = await submitIdea(t, ines, race.id);
    for (const user of crowd.slice(0, 30)) await vote(t, user, early.id);
    const voters = crowd.slice(30, 130);
    // The advance fires while the votes are in flight: once the first 20 have been answered.
    let answered = 0;
    let advance: Promise<unknown> | undefined;
    const results = await Promise.all(
      voters.map(async (user) => {
        const res = await put(user, late.id);
        if (++answered === 20) advance = transition(t, ines, race.id, 'advance');
        return res;
      }),
    );
    await advance;
    const accepted = results.filter((r) => r.status === 200).length;
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const final = await stored(late.id);
    expect(final).toEqual({ vote_count: accepted, rows: accepted });
    // The ranking saw exactly the committed votes: the later idea wins only with more than 30.
    const [earlyNow, lateNow] = [await ideaOf(t, ines, early.id), await ideaOf(t, ines, late.id)];
    expect(lateNow.voteCount).toBe(accepted);
    expect([earlyNow.status, lateNow.status]).toEqual(
      accepted > 30 ? ['not_selected', 'in_review'] : ['in_review', 'not_selected'],
    );
  });
});
