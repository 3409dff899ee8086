import { jest } from '@jest/globals';
import type { PollView } from '@ruche/contracts';
import { addMember, banFromGroup, createGroup } from './factories/group.factory.js';
import { registerCrowd } from './factories/idea.factory.js';
import { registerModerator, report, resolve, setSuspended } from './factories/moderation.factory.js';
import { actingAs, registerUser, type TestUser } from './factories/user.factory.js';
import { connectSocket, type TestSocket } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Polls in posts (#14): created with the post (validated, nothing written when refused), voted on
 * through `PUT|DELETE /api/posts/:id/poll/vote`, counts exact under a crowd, results live on
 * `post:<id>`, and the post's visibility, bans and moderation applied to every vote.
 */

/** A poll as the api shows it (the wire type in contracts). */
type PollBody = PollView;

interface PostWithPoll {
  id: string;
  poll: PollBody | null;
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe('polls in posts', () => {
  jest.setTimeout(120_000);
  const t = useTestApp({}, 60_000);
  let admin: TestUser;
  let author: TestUser;
  let voter: TestUser;
  let other: TestUser;
  let moderator: TestUser;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    author = await registerUser(t, { displayName: 'Poll Author' });
    voter = await registerUser(t, { displayName: 'Voter' });
    other = await registerUser(t, { displayName: 'Other Voter' });
    moderator = await registerModerator(t, admin);
  }, 60_000);
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });

  async function postPoll(poll: object, who = author, extra: object = {}): Promise<PostWithPoll> {
    const res = await actingAs(t, who).post('/api/posts', { body: 'Where shall we meet?', poll, ...extra });
    if (res.status !== 201) throw new Error(`POST /api/posts failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const vote = (who: TestUser, postId: string, optionIds: string[]) =>
    t.http.put(`/api/posts/${postId}/poll/vote`).set('Authorization', who.auth).send({ optionIds });
  const retract = (who: TestUser, postId: string) =>
    t.http.delete(`/api/posts/${postId}/poll/vote`).set('Authorization', who.auth);

  async function pollCounts(pollId: string) {
    const [row] = await t.sql<{ voters: number; rows_voters: string; counters: number[]; counted: number[] }>(
      `SELECT pp.voter_count AS voters,
              (SELECT count(DISTINCT user_id) FROM post_poll_votes v WHERE v.poll_id = pp.id) AS rows_voters,
              ARRAY(SELECT o.vote_count FROM post_poll_options o WHERE o.poll_id = pp.id ORDER BY o.position) AS counters,
              ARRAY(SELECT (SELECT count(*) FROM post_poll_votes v WHERE v.option_id = o.id)::int
                      FROM post_poll_options o WHERE o.poll_id = pp.id ORDER BY o.position) AS counted
         FROM post_polls pp WHERE pp.id = $1`,
      [pollId],
    );
    return { voters: row.voters, rowsVoters: Number(row.rows_voters), counters: row.counters, counted: row.counted };
  }

  async function tableCounts() {
    const [row] = await t.sql<{ posts: string; polls: string; options: string }>(
      `SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM post_polls) AS polls,
              (SELECT count(*) FROM post_poll_options) AS options`,
    );
    return row;
  }

  describe('creating', () => {
    it('a post carries its poll: options in order, no votes, open, and it reads back the same', async () => {
      const closesAt = inAnHour();
      const post = await postPoll({
        question: '  Lunch spot?  ',
        options: [' Canteen ', 'Park', 'Desk'],
        multiple: false,
        closesAt,
      });
      expect(post.poll).toMatchObject({
        question: 'Lunch spot?',
        options: [
          { text: 'Canteen', votes: 0 },
          { text: 'Park', votes: 0 },
          { text: 'Desk', votes: 0 },
        ],
        multiple: false,
        closesAt: new Date(closesAt).toISOString(),
        closed: false,
        totalVoters: 0,
        myVotes: [],
      });
      const read = await actingAs(t, voter).get(`/api/posts/${post.id}`).expect(200);
      expect(read.body.poll).toEqual(post.poll);
      const feed = await actingAs(t, author).get('/api/feed?scope=company').expect(200);
      expect(feed.body.items.find((p: PostWithPoll) => p.id === post.id).poll).toEqual(post.poll);
      const home = await actingAs(t, author).get('/api/feed').expect(200);
      expect(home.body.items.find((p: PostWithPoll) => p.id === post.id).poll).toEqual(post.poll);
    });

    it('a post without a poll says so', async () => {
      const res = await actingAs(t, author).post('/api/posts', { body: 'No poll here' }).expect(201);
      expect(res.body.poll).toBeNull();
    });

    const bad: [string, unknown][] = [
      ['one option', { options: ['Only'], multiple: false }],
      ['no options', { options: [], multiple: false }],
      ['eleven options', { options: Array.from({ length: 11 }, (_, i) => `Option ${i}`), multiple: false }],
      ['an empty option', { options: ['A', '   '], multiple: false }],
      ['an option too long', { options: ['A', 'x'.repeat(201)], multiple: false }],
      ['a repeated option (case and spaces aside)', { options: ['Park', ' park '], multiple: false }],
      ['an option that is not text', { options: ['A', 42], multiple: false }],
      ['a NUL in an option', { options: ['A', 'B\u0000'], multiple: false }],
      ['multiple missing', { options: ['A', 'B'] }],
      ['multiple not a boolean', { options: ['A', 'B'], multiple: 'yes' }],
      ['a closing time in the past', { options: ['A', 'B'], multiple: false, closesAt: '2020-01-01T00:00:00Z' }],
      ['a closing time that is not a date', { options: ['A', 'B'], multiple: false, closesAt: 'tomorrow' }],
      ['a closing time years away', { options: ['A', 'B'], multiple: false, closesAt: '2999-01-01T00:00:00Z' }],
      ['a question too long', { question: 'q'.repeat(301), options: ['A', 'B'], multiple: false }],
      ['an unknown field', { options: ['A', 'B'], multiple: false, anonymous: true }],
      ['a poll that is not an object', 'yes'],
    ];
    it.each(bad)('refuses %s with 400, writing nothing', async (_what, poll) => {
      const before = await tableCounts();
      const res = await actingAs(t, author).post('/api/posts', { body: 'A poll', poll });
      expect(res.status).toBe(400);
      expect(await tableCounts()).toEqual(before);
    });

    it('editing a post keeps its poll and its votes; a poll cannot be sent with an edit', async () => {
      const post = await postPoll({ options: ['A', 'B'], multiple: false });
      await vote(voter, post.id, [post.poll!.options[0].id]).expect(200);
      const edited = await actingAs(t, author).patch(`/api/posts/${post.id}`, { body: 'Reworded' }).expect(200);
      expect(edited.body.poll).toMatchObject({ id: post.poll!.id, totalVoters: 1, options: [{ votes: 1 }, { votes: 0 }] });
      await actingAs(t, author)
        .patch(`/api/posts/${post.id}`, { body: 'Again', poll: { options: ['C', 'D'], multiple: false } })
        .expect(400);
      expect(
        (await actingAs(t, voter).get(`/api/posts/${post.id}`).expect(200)).body.poll.options.map(
          (o: { text: string }) => o.text,
        ),
      ).toEqual(['A', 'B']);
    });
  });

  describe('voting', () => {
    it('single choice: vote, change, retract; counts and my choice follow', async () => {
      const post = await postPoll({ options: ['Tea', 'Coffee'], multiple: false });
      const [tea, coffee] = post.poll!.options.map((o) => o.id);
      const first = await vote(voter, post.id, [tea]).expect(200);
      expect(first.body).toMatchObject({ totalVoters: 1, myVotes: [tea], options: [{ votes: 1 }, { votes: 0 }] });
      await vote(other, post.id, [tea]).expect(200);
      const changed = await vote(voter, post.id, [coffee]).expect(200);
      expect(changed.body).toMatchObject({ totalVoters: 2, myVotes: [coffee], options: [{ votes: 1 }, { votes: 1 }] });
      // The same choice again changes nothing.
      expect((await vote(voter, post.id, [coffee]).expect(200)).body).toMatchObject({ totalVoters: 2, myVotes: [coffee] });
      expect((await actingAs(t, voter).get(`/api/posts/${post.id}`)).body.poll.myVotes).toEqual([coffee]);
      expect((await actingAs(t, other).get(`/api/posts/${post.id}`)).body.poll.myVotes).toEqual([tea]);
      const gone = await retract(voter, post.id).expect(200);
      expect(gone.body).toMatchObject({ totalVoters: 1, myVotes: [], options: [{ votes: 1 }, { votes: 0 }] });
      // Withdrawing twice is harmless.
      expect((await retract(voter, post.id).expect(200)).body).toMatchObject({ totalVoters: 1, myVotes: [] });
      const counts = await pollCounts(post.poll!.id);
      expect(counts).toEqual({ voters: 1, rowsVoters: 1, counters: [1, 0], counted: [1, 0] });
    });

    it('single choice refuses two options; multiple takes several and replaces the whole choice', async () => {
      const single = await postPoll({ options: ['A', 'B'], multiple: false });
      await vote(
        voter,
        single.id,
        single.poll!.options.map((o) => o.id),
      ).expect(400);
      const multi = await postPoll({ options: ['Mon', 'Tue', 'Wed'], multiple: true });
      const [mon, tue, wed] = multi.poll!.options.map((o) => o.id);
      const both = await vote(voter, multi.id, [wed, mon]).expect(200);
      expect(both.body).toMatchObject({
        totalVoters: 1,
        myVotes: [mon, wed],
        options: [{ votes: 1 }, { votes: 0 }, { votes: 1 }],
      });
      const replaced = await vote(voter, multi.id, [tue]).expect(200);
      expect(replaced.body).toMatchObject({
        totalVoters: 1,
        myVotes: [tue],
        options: [{ votes: 0 }, { votes: 1 }, { votes: 0 }],
      });
      expect(await pollCounts(multi.poll!.id)).toEqual({ voters: 1, rowsVoters: 1, counters: [0, 1, 0], counted: [0, 1, 0] });
    });

    it('refuses bad choices with 400 and changes nothing', async () => {
      const post = await postPoll({ options: ['A', 'B'], multiple: true });
      const [a] = post.poll!.options.map((o) => o.id);
      const elsewhere = await postPoll({ options: ['X', 'Y'], multiple: true });
      await vote(voter, post.id, [a]).expect(200);
      for (const body of [
        { optionIds: [] },
        { optionIds: [elsewhere.poll!.options[0].id] },
        { optionIds: [a, a.toUpperCase()] },
        { optionIds: ['not-a-uuid'] },
        { optionIds: a },
        {},
        { optionIds: [a], extra: 1 },
      ]) {
        const res = await t.http.put(`/api/posts/${post.id}/poll/vote`).set('Authorization', voter.auth).send(body);
        expect([res.status, body]).toEqual([400, body]);
      }
      expect(await pollCounts(post.poll!.id)).toEqual({ voters: 1, rowsVoters: 1, counters: [1, 0], counted: [1, 0] });
      expect((await actingAs(t, voter).get(`/api/posts/${post.id}`)).body.poll.myVotes).toEqual([a]);
    });

    it('accepts ids in any letter case; garbage ids are 400; a post without a poll is 404', async () => {
      const post = await postPoll({ options: ['A', 'B'], multiple: false });
      const b = post.poll!.options[1].id;
      const res = await vote(voter, post.id.toUpperCase(), [b.toUpperCase()]).expect(200);
      expect(res.body.myVotes).toEqual([b]);
      await vote(voter, 'nope', [b]).expect(400);
      await retract(voter, `${post.id}x`).expect(400);
      const plain = await actingAs(t, author).post('/api/posts', { body: 'Just text' }).expect(201);
      await vote(voter, plain.body.id, [b]).expect(404);
      await retract(voter, plain.body.id).expect(404);
      await vote(voter, '00000000-0000-4000-8000-000000000000', [b]).expect(404);
    });

    it('a closed poll refuses votes and withdrawals with 409 and shows closed', async () => {
      const post = await postPoll({
        options: ['A', 'B'],
        multiple: false,
        closesAt: new Date(Date.now() + 60_000).toISOString(),
      });
      const a = post.poll!.options[0].id;
      await vote(voter, post.id, [a]).expect(200);
      // The clock cannot be moved: the closing time is brought to the past in the database.
      await t.sql(`UPDATE post_polls SET closes_at = now() - interval '1 second' WHERE id = $1`, [post.poll!.id]);
      const refused = await vote(other, post.id, [a]).expect(409);
      expect(refused.body.code).toBe('poll_closed');
      await retract(voter, post.id).expect(409);
      const read = await actingAs(t, voter).get(`/api/posts/${post.id}`).expect(200);
      expect(read.body.poll).toMatchObject({ closed: true, totalVoters: 1, myVotes: [a] });
    });
  });

  describe('who may vote', () => {
    it('a private group poll is 404 to non-members on every path, open to members', async () => {
      const group = await createGroup(t, author, { visibility: 'private' });
      await addMember(t, author, group.id, voter);
      const post = await postPoll({ options: ['A', 'B'], multiple: false }, author, { groupId: group.id });
      const a = post.poll!.options[0].id;
      await actingAs(t, other).get(`/api/posts/${post.id}`).expect(404);
      await vote(other, post.id, [a]).expect(404);
      await retract(other, post.id).expect(404);
      await vote(voter, post.id, [a]).expect(200);
      expect(await pollCounts(post.poll!.id)).toMatchObject({ voters: 1, counters: [1, 0] });
    });

    it('someone banned from the group is refused as for reactions; the ban leaves the counts alone', async () => {
      const group = await createGroup(t, author, { visibility: 'public' });
      const post = await postPoll({ options: ['A', 'B'], multiple: false }, author, { groupId: group.id });
      const banned = await registerUser(t);
      await banFromGroup(t, author, group.id, banned.id);
      const reaction = await t.http.put(`/api/posts/${post.id}/reactions/like`).set('Authorization', banned.auth);
      expect(reaction.status).toBe(403);
      await vote(banned, post.id, [post.poll!.options[0].id]).expect(reaction.status);
      await retract(banned, post.id).expect(reaction.status);
      expect(await pollCounts(post.poll!.id)).toMatchObject({ voters: 0, counters: [0, 0] });
    });

    it('a suspended person is refused as for reactions', async () => {
      const post = await postPoll({ options: ['A', 'B'], multiple: false });
      const suspended = await registerUser(t);
      await setSuspended(t, admin, suspended.id, true);
      const reaction = await t.http.put(`/api/posts/${post.id}/reactions/like`).set('Authorization', suspended.auth);
      expect(reaction.status).toBeGreaterThanOrEqual(400);
      await vote(suspended, post.id, [post.poll!.options[0].id]).expect(reaction.status);
      expect(await pollCounts(post.poll!.id)).toMatchObject({ voters: 0, counters: [0, 0] });
    });

    it('a hidden post hides its poll: votes are 404 for everyone but moderators', async () => {
      const post = await postPoll({ options: ['A', 'B'], multiple: false });
      const a = post.poll!.options[0].id;
      const filed = await report(t, voter, post.id);
      await resolve(t, moderator, filed.id, 'hide');
      await t.settle();
      await actingAs(t, other).get(`/api/posts/${post.id}`).expect(404);
      await vote(other, post.id, [a]).expect(404);
      const seen = await actingAs(t, moderator).get(`/api/posts/${post.id}`).expect(200);
      expect(seen.body.poll).toMatchObject({ id: post.poll!.id });
      expect(await pollCounts(post.poll!.id)).toMatchObject({ voters: 0 });
    });

    it('requires a token', async () => {
      const post = await postPoll({ options: ['A', 'B'], multiple: false });
      await t.http
        .put(`/api/posts/${post.id}/poll/vote`)
        .send({ optionIds: [post.poll!.options[0].id] })
        .expect(401);
      await t.http.delete(`/api/posts/${post.id}/poll/vote`).expect(401);
    });
  });

  describe('under concurrency', () => {
    let crowd: TestUser[];
    beforeAll(async () => {
      crowd = await registerCrowd(t, 200);
    }, 120_000);

    it('200 people voting at once leave exact counts, and the live counts arrive in commit order', async () => {
      const post = await postPoll({ options: ['North', 'South', 'East'], multiple: true });
      const [north, south, east] = post.poll!.options.map((o) => o.id);
      const watcher = await connectSocket(t.url, author.accessToken);
      sockets.push(watcher);
      expect(await watcher.subscribe(`post:${post.id}`)).toEqual({ ok: true });
      // Everyone votes North, every second person South too, nobody East.
      const choiceOf = (i: number) => (i % 2 === 0 ? [north, south] : [north]);
      const answers = await Promise.all(crowd.map((person, i) => vote(person, post.id, choiceOf(i))));
      expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
      const read = await actingAs(t, author).get(`/api/posts/${post.id}`).expect(200);
      expect(read.body.poll).toMatchObject({
        totalVoters: 200,
        options: [
          { id: north, votes: 200 },
          { id: south, votes: 100 },
          { id: east, votes: 0 },
        ],
      });
      expect(await pollCounts(post.poll!.id)).toEqual({
        voters: 200,
        rowsVoters: 200,
        counters: [200, 100, 0],
        counted: [200, 100, 0],
      });
      // The highest totalVoters any answer saw is the final one: each answer carries the counts its vote committed.
      expect(Math.max(...answers.map((a) => a.body.totalVoters as number))).toBe(200);
      // One event per vote, in the order of the poll's lock: 1, 2, ... 200 voters, the last one final.
      const events = (await watcher.waitForCount('poll.voted', 200, 30_000)).filter((e) => e.postId === post.id);
      expect(events.map((e) => (e.poll as PollBody).totalVoters)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect((events[199].poll as PollBody).options.map((o) => o.votes)).toEqual([200, 100, 0]);
    });

    it('the same person changing their choice many times at once ends with exactly one choice', async () => {
      const post = await postPoll({ options: ['A', 'B', 'C', 'D'], multiple: false });
      const options = post.poll!.options.map((o) => o.id);
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 5 === 4 ? retract(voter, post.id) : vote(voter, post.id, [options[i % 4]]))),
      );
      expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
      const counts = await pollCounts(post.poll!.id);
      expect(counts.counters).toEqual(counts.counted);
      expect(counts.voters).toBe(counts.rowsVoters);
      const rows = await t.sql('SELECT option_id FROM post_poll_votes WHERE poll_id = $1 AND user_id = $2', [
        post.poll!.id,
        voter.id,
      ]);
      expect(rows.length).toBeLessThanOrEqual(1);
      expect(counts.counters.reduce((a, b) => a + b, 0)).toBe(rows.length);
      const mine = (await actingAs(t, voter).get(`/api/posts/${post.id}`)).body.poll.myVotes;
      expect(mine).toEqual(rows.map((r) => r.option_id));
    });

    it('in a multiple-choice poll, concurrent changes by one person leave one coherent choice', async () => {
      const post = await postPoll({ options: ['A', 'B', 'C'], multiple: true });
      const [a, b, c] = post.poll!.options.map((o) => o.id);
      const choices = [[a], [a, b], [b, c], [c], [a, b, c]];
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => vote(other, post.id, choices[i % choices.length])));
      expect(answers.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
      const rows = await t.sql<{ option_id: string }>(
        'SELECT option_id FROM post_poll_votes WHERE poll_id = $1 AND user_id = $2',
        [post.poll!.id, other.id],
      );
      const final = rows.map((r) => r.option_id).sort();
      expect(choices.map((ch) => [...ch].sort())).toContainEqual(final);
      const counts = await pollCounts(post.poll!.id);
      expect(counts).toMatchObject({ voters: 1, rowsVoters: 1 });
      expect(counts.counters).toEqual(counts.counted);
    });
  });

  describe('live results', () => {
    it('a socket subscribed to post:<id> sees the counts change, with nobody’s choices', async () => {
      const post = await postPoll({ options: ['A', 'B'], multiple: false });
      const [a, b] = post.poll!.options.map((o) => o.id);
      const watcher = await connectSocket(t.url, other.accessToken);
      sockets.push(watcher);
      expect(await watcher.subscribe(`post:${post.id}`)).toEqual({ ok: true });
      await vote(voter, post.id, [a]).expect(200);
      const first = await watcher.waitFor('poll.voted', (p) => p.postId === post.id);
      expect(first).toMatchObject({
        postId: post.id,
        poll: {
          id: post.poll!.id,
          totalVoters: 1,
          closed: false,
          options: [
            { id: a, votes: 1 },
            { id: b, votes: 0 },
          ],
        },
      });
      expect(JSON.stringify(first)).not.toContain('myVotes');
      await vote(voter, post.id, [b]).expect(200);
      await watcher.waitFor('poll.voted', (p) => (p.poll as PollBody).options[1].votes === 1);
      await retract(voter, post.id).expect(200);
      const last = await watcher.waitFor('poll.voted', (p) => (p.poll as PollBody).totalVoters === 0);
      expect(last).toMatchObject({ poll: { options: [{ votes: 0 }, { votes: 0 }] } });
    });

    it('the closing time reached sends poll.closed with the final counts to post:<id>', async () => {
      const post = await postPoll({ options: ['A', 'B'], multiple: false, closesAt: new Date(Date.now() + 4_000).toISOString() });
      const [a, b] = post.poll!.options.map((o) => o.id);
      const watcher = await connectSocket(t.url, other.accessToken);
      sockets.push(watcher);
      expect(await watcher.subscribe(`post:${post.id}`)).toEqual({ ok: true });
      await vote(voter, post.id, [b]).expect(200);
      const closed = await watcher.waitFor('poll.closed', (p) => p.postId === post.id, 20_000);
      expect(closed).toMatchObject({
        postId: post.id,
        poll: {
          id: post.poll!.id,
          closed: true,
          totalVoters: 1,
          options: [
            { id: a, votes: 0 },
            { id: b, votes: 1 },
          ],
        },
      });
      await vote(other, post.id, [a]).expect(409);
    });

    it('a private group poll cannot be watched by a non-member', async () => {
      const group = await createGroup(t, author, { visibility: 'private' });
      const post = await postPoll({ options: ['A', 'B'], multiple: false }, author, { groupId: group.id });
      const outsider = await connectSocket(t.url, other.accessToken);
      sockets.push(outsider);
      expect(await outsider.subscribe(`post:${post.id}`)).toEqual({ ok: false, error: 'not found' });
      await vote(author, post.id, [post.poll!.options[0].id]).expect(200);
      await t.settle();
      expect(outsider.received.filter((r) => r.event === 'poll.voted' && r.payload.postId === post.id)).toEqual([]);
    });
  });
});
