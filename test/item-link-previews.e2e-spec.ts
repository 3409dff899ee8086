import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { png } from './factories/file.factory.js';
import { addMember, createGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator, submitIdea } from './factories/idea.factory.js';
import { answerQuestion, askQuestion } from './factories/question.factory.js';
import { actingAs, registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor } from './support/socket-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Link previews beyond posts (#14): comments, questions, answers and ideas get the same cards
 * through libs/previews (one fetch path, one cache), in their views and live (`item.link_previews`)
 * to whoever may see the item. The page is served on 127.0.0.3, the test-only allow-list.
 */
describe('link previews on comments, questions, answers and ideas', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  const sockets = socketsFor(() => t, { settleFirst: true });

  beforeAll(async () => {
    const image = await png(60, 40);
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://listener');
      if (url.pathname === '/page') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<title>Page ${url.searchParams.get('n') ?? ''}</title>
          <meta property="og:description" content="About ${url.searchParams.get('n') ?? ''}"><meta property="og:image" content="/card.png">`);
      } else if (url.pathname === '/card.png') {
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': image.length });
        res.end(image);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.3' }, resolve));
    port = (server.address() as AddressInfo).port;
    t = await startTestApp({ RUCHE_LINK_PREVIEW_TEST_ALLOW_HOSTS: '127.0.0.3', LINK_PREVIEWS_TIMEOUT_MS: '1500' });
    [admin, alice, bob, carol] = await registerUsers(t, ['Admin', 'Alice', 'Bob', 'Carol']);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const page = (n: string) => `http://127.0.0.3:${port}/page?n=${n}`;
  const card = (n: string) => ({
    url: page(n),
    host: '127.0.0.3',
    title: `Page ${n}`,
    description: `About ${n}`,
    siteName: null,
    image: { url: expect.stringMatching(/^\/api\/files\/[0-9a-f-]{36}\/thumbnail\?exp=\d+&sig=/), width: 60, height: 40 },
  });
  const live = (socket: Awaited<ReturnType<typeof sockets>>, itemType: string, itemId: string, count = 1) =>
    socket.waitFor(
      'item.link_previews',
      (p) => p.itemType === itemType && p.itemId === itemId && (p.linkPreviews as unknown[]).length === count,
      10_000,
    );

  const newPost = async (author: TestUser, groupId?: string) => {
    const res = await actingAs(t, author).post('/api/posts', { body: 'A post', ...(groupId ? { groupId } : {}) });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const comments = async (viewer: TestUser, postId: string) => actingAs(t, viewer).get(`/api/posts/${postId}/comments`);

  describe('comments', () => {
    it('a comment gets its card: live to the post room, in the comment list; an edit that removes the link removes it', async () => {
      const post = await newPost(alice);
      const watcher = await sockets(bob);
      expect(await watcher.subscribe(`post:${post.id}`)).toEqual({ ok: true });
      const created = await actingAs(t, alice).post(`/api/posts/${post.id}/comments`, { body: `See ${page('c1')}.` });
      expect(created.status).toBe(201);
      expect(created.body.linkPreviews).toEqual([]); // the write does not wait for the fetch
      const event = await live(watcher, 'comment', created.body.id);
      expect(event).toMatchObject({
        itemType: 'comment',
        itemId: created.body.id,
        parentId: post.id,
        linkPreviews: [card('c1')],
      });
      const list = await comments(bob, post.id);
      expect(list.body.items.find((c: { id: string }) => c.id === created.body.id).linkPreviews).toEqual([card('c1')]);

      const edited = await actingAs(t, alice).patch(`/api/comments/${created.body.id}`, { body: 'No link now' });
      expect(edited.status).toBe(200);
      expect(edited.body.linkPreviews).toEqual([]);
      expect(
        (await comments(bob, post.id)).body.items.find((c: { id: string }) => c.id === created.body.id).linkPreviews,
      ).toEqual([]);
      expect(
        await t.sql("SELECT 1 FROM link_preview_uses WHERE item_type = 'comment' AND item_id = $1", [created.body.id]),
      ).toEqual([]);
    });

    it('a private group comment’s card goes to members only: outsiders get 404 and no event', async () => {
      const group = await createGroup(t, alice, { visibility: 'private' });
      await addMember(t, alice, group.id, bob);
      const post = await newPost(alice, group.id);
      const member = await sockets(bob);
      const outsider = await sockets(carol);
      expect(await member.subscribe(`post:${post.id}`)).toEqual({ ok: true });
      expect(await outsider.subscribe(`post:${post.id}`)).toEqual({ ok: false, error: 'not found' });
      const created = await actingAs(t, bob).post(`/api/posts/${post.id}/comments`, { body: `Internal ${page('private')}` });
      expect(created.status).toBe(201);
      await live(member, 'comment', created.body.id);
      expect((await comments(bob, post.id)).body.items[0].linkPreviews).toEqual([card('private')]);
      expect((await comments(carol, post.id)).status).toBe(404);
      await quietPeriod(300);
      expect(outsider.received.filter((r) => r.event === 'item.link_previews')).toEqual([]);
    });
  });

  describe('questions and answers', () => {
    it('a question and an answer get their cards, live and in the question’s view; edits replace them', async () => {
      const watcher = await sockets(bob);
      const question = await askQuestion(t, alice, { body: `Is ${page('q1')} current?` });
      expect(await watcher.subscribe(`question:${question.id}`)).toEqual({ ok: true });
      expect((await live(watcher, 'question', question.id)).linkPreviews).toEqual([card('q1')]);
      const answer = await answerQuestion(t, bob, question.id, `Yes, and see ${page('a1')} too`);
      expect(await live(watcher, 'answer', answer.id)).toMatchObject({
        itemType: 'answer',
        itemId: answer.id,
        parentId: question.id,
        linkPreviews: [card('a1')],
      });
      const view = await actingAs(t, carol).get(`/api/questions/${question.id}`);
      expect(view.body.linkPreviews).toEqual([card('q1')]);
      expect(view.body.answers[0].linkPreviews).toEqual([card('a1')]);
      const listed = await actingAs(t, carol).get('/api/questions');
      expect(listed.body.items.find((q: { id: string }) => q.id === question.id).linkPreviews).toEqual([card('q1')]);

      // The question's edit swaps its link for another; the answer's edit drops its link.
      const editedQuestion = await actingAs(t, alice).patch(`/api/questions/${question.id}`, { body: `Now ${page('q2')}` });
      expect(editedQuestion.status).toBe(200);
      await watcher.waitFor(
        'item.link_previews',
        (p) => p.itemId === question.id && (p.linkPreviews as { url: string }[])[0]?.url === page('q2'),
        10_000,
      );
      const editedAnswer = await actingAs(t, bob).patch(`/api/answers/${answer.id}`, { body: 'Never mind' });
      expect(editedAnswer.status).toBe(200);
      expect(editedAnswer.body.linkPreviews).toEqual([]);
      const after = await actingAs(t, carol).get(`/api/questions/${question.id}`);
      expect(after.body.linkPreviews).toEqual([card('q2')]);
      expect(after.body.answers[0].linkPreviews).toEqual([]);
    });
  });

  describe('ideas', () => {
    it('an idea gets its card, live and in its view; an edit that removes the link removes it', async () => {
      const innovator = await registerInnovator(t, admin);
      const campaign = await openCampaign(t, innovator, [innovator]);
      const watcher = await sockets(bob);
      expect(await watcher.subscribe(`campaign:${campaign.id}`)).toEqual({ ok: true });
      const idea = await submitIdea(t, alice, campaign.id, { body: `Like ${page('i1')}` });
      expect(await live(watcher, 'idea', idea.id)).toMatchObject({
        itemType: 'idea',
        itemId: idea.id,
        parentId: null,
        linkPreviews: [card('i1')],
      });
      expect((await actingAs(t, carol).get(`/api/ideas/${idea.id}`)).body.linkPreviews).toEqual([card('i1')]);
      const listed = await actingAs(t, carol).get(`/api/campaigns/${campaign.id}/ideas`);
      expect(listed.body.items.find((i: { id: string }) => i.id === idea.id).linkPreviews).toEqual([card('i1')]);

      const edited = await actingAs(t, alice).patch(`/api/ideas/${idea.id}`, { body: 'Without the link' });
      expect(edited.status).toBe(200);
      expect(edited.body.linkPreviews).toEqual([]);
      expect((await actingAs(t, carol).get(`/api/ideas/${idea.id}`)).body.linkPreviews).toEqual([]);
    });

    it('an idea comment gets its card: live to the idea’s watchers and in the comment list', async () => {
      const innovator = await registerInnovator(t, admin);
      const campaign = await openCampaign(t, innovator, [innovator]);
      const idea = await submitIdea(t, alice, campaign.id, { body: 'No link here' });
      const watcher = await sockets(carol);
      expect(await watcher.subscribe(`idea:${idea.id}`)).toEqual({ ok: true });
      const created = await actingAs(t, bob).post(`/api/ideas/${idea.id}/comments`, { body: `Prior art: ${page('ic1')}` });
      expect(created.status).toBe(201);
      expect(created.body.linkPreviews).toEqual([]);
      expect(await live(watcher, 'idea_comment', created.body.id)).toMatchObject({
        itemType: 'idea_comment',
        itemId: created.body.id,
        parentId: idea.id,
        linkPreviews: [card('ic1')],
      });
      const listed = await actingAs(t, carol).get(`/api/ideas/${idea.id}/comments`);
      expect(listed.body.items.find((c: { id: string }) => c.id === created.body.id).linkPreviews).toEqual([card('ic1')]);
    });
  });

  it('one page linked from a post, a comment, a question and an answer is fetched once, into one cache row', async () => {
    const connections: number[] = [];
    server.on('request', (req) => {
      if (req.url?.includes('n=shared')) connections.push(1);
    });
    const post = await actingAs(t, alice).post('/api/posts', { body: `Shared ${page('shared')}` });
    const question = await askQuestion(t, alice, { body: `Shared ${page('shared')}` });
    await actingAs(t, bob).post(`/api/posts/${post.body.id}/comments`, { body: `Shared ${page('shared')}` });
    await answerQuestion(t, bob, question.id, `Shared ${page('shared')}`);
    await t.settle();
    await quietPeriod(300);
    await t.settle();
    expect(await t.sql('SELECT id FROM link_previews WHERE url = $1', [page('shared')])).toHaveLength(1);
    expect(connections).toHaveLength(1);
    const view = await actingAs(t, carol).get(`/api/questions/${question.id}`);
    expect(view.body.linkPreviews).toEqual([card('shared')]);
    expect(view.body.answers[0].linkPreviews).toEqual([card('shared')]);
  });
});
