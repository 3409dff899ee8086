import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { png } from './factories/file.factory.js';
import { addMember, createGroup } from './factories/group.factory.js';
import { actingAs, registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor } from './support/socket-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Link previews (#14) against real servers on this machine. Every address here is loopback, so:
 *
 * - the SSRF targets (127.0.0.1, 127.0.0.2, [::1], [::ffff:127.0.0.1], 0.0.0.0, `localhost`, and a
 *   redirect from an allowed page to loopback) are posted as links and must be refused **without
 *   a connection**: the listener below serves every loopback address and counts connections by the
 *   address they were made to, and those counts stay at 0;
 * - a successful preview needs the test-only allow-list (`RUCHE_LINK_PREVIEW_TEST_ALLOW_HOSTS`,
 *   refused in production), which names 127.0.0.3 alone: the page, its image, a slow page and a
 *   huge one are served there.
 */

interface Listener {
  server: Server;
  port: number;
  /** Connections accepted, by the local address they reached (`127.0.0.1`, `::1`, ...). */
  connections: Map<string, number>;
  /** Bytes the huge page managed to write before the client hung up. */
  hugeWritten: number;
}

const HUGE_BYTES = 20 * 1024 * 1024;

async function startListener(image: Buffer): Promise<Listener> {
  const listener: Listener = { server: undefined as unknown as Server, port: 0, connections: new Map(), hugeWritten: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const port = listener.port;
    switch (new URL(req.url ?? '/', 'http://listener').pathname) {
      case '/page':
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': 'tracker=1' });
        res.end(`<!doctype html><html><head><title>Fallback title</title>
          <meta property="og:title" content="Quarterly plan &amp; goals">
          <meta property="og:description" content="What we will ship <b>this</b> quarter">
          <meta property="og:site_name" content="Intranet news">
          <meta property="og:image" content="/card.png">
          </head><body>hello</body></html>`);
        return;
      case '/card.png':
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': image.length });
        res.end(image);
        return;
      case '/to-loopback':
        res.writeHead(302, { Location: `http://127.0.0.1:${port}/page` });
        res.end();
        return;
      case '/to-v6-loopback':
        res.writeHead(301, { Location: `http://[::1]:${port}/page` });
        res.end();
        return;
      case '/slow':
        // Headers at once, then one byte now and then: only the total timeout ends it.
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.write('<html><head><title>slow');
        {
          const timer = setInterval(() => res.write(' '), 200);
          res.on('close', () => clearInterval(timer));
        }
        return;
      case '/huge': {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (listener.hugeWritten < HUGE_BYTES) {
            listener.hugeWritten += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
        return;
      }
      case '/loop':
        res.writeHead(302, { Location: `/loop?n=${Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n') ?? 0) + 1}` });
        res.end();
        return;
      case '/page-bad-image':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<title>No picture</title><meta property="og:image" content="/json"><meta property="og:description" content="x">');
        return;
      case '/json':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"title":"not a page"}');
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  });
  server.on('connection', (socket: Socket) => {
    const address = (socket.localAddress ?? '?').replace(/^::ffff:/, '');
    listener.connections.set(address, (listener.connections.get(address) ?? 0) + 1);
  });
  // Dual stack: one listener for every IPv4 loopback address and ::1.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '::', ipv6Only: false }, resolve));
  listener.server = server;
  listener.port = (server.address() as AddressInfo).port;
  return listener;
}

describe('link previews', () => {
  let t: TestApp;
  let listener: Listener;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  const sockets = socketsFor(() => t, { settleFirst: true });

  beforeAll(async () => {
    listener = await startListener(await png(120, 80));
    t = await startTestApp({
      RUCHE_LINK_PREVIEW_TEST_ALLOW_HOSTS: '127.0.0.3',
      LINK_PREVIEWS_TIMEOUT_MS: '1500',
      LINK_PREVIEWS_MAX_HTML_BYTES: String(256 * 1024),
    });
    [admin, alice, bob] = await registerUsers(t, ['Admin', 'Alice', 'Bob']);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => listener.server.close(resolve));
  });

  const allowed = (path: string) => `http://127.0.0.3:${listener.port}${path}`;
  const connectionsTo = (address: string) => listener.connections.get(address) ?? 0;

  const post = async (author: TestUser, body: string, groupId?: string) => {
    const res = await actingAs(t, author).post('/api/posts', { body, ...(groupId ? { groupId } : {}) });
    expect(res.status).toBe(201);
    return res.body as { id: string; linkPreviews: unknown[] };
  };

  /** Waits until the job engine has dealt with the preview of `url` (ready or failed). */
  const settled = async (url: string, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      await t.settle();
      const [row] = await t.sql<{ status: string; failure: string | null; image_file_id: string | null }>(
        'SELECT status, failure, image_file_id FROM link_previews WHERE url = $1',
        [url],
      );
      if (row && row.status !== 'pending') return row;
      if (Date.now() > until) throw new Error(`preview of ${url} still ${row?.status ?? 'missing'}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  describe('SSRF: loopback targets are refused before any connection', () => {
    it.each([
      ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/page`, '127.0.0.1'],
      ['127.0.0.2', (port: number) => `http://127.0.0.2:${port}/page`, '127.0.0.2'],
      ['[::1]', (port: number) => `http://[::1]:${port}/page`, '::1'],
      ['[::ffff:127.0.0.1]', (port: number) => `http://[::ffff:127.0.0.1]:${port}/page`, '127.0.0.1'],
      ['0.0.0.0', (port: number) => `http://0.0.0.0:${port}/page`, '0.0.0.0'],
      ['2130706433 (127.0.0.1 as one number)', (port: number) => `http://2130706433:${port}/page`, '127.0.0.1'],
      ['localhost (a name resolving to loopback)', (port: number) => `http://localhost:${port}/page`, '127.0.0.1'],
    ])('%s', async (_name, urlOf, address) => {
      const before = { [address]: connectionsTo(address), '::1': connectionsTo('::1'), all: [...listener.connections.values()].reduce((a, b) => a + b, 0) };
      // A query of its own, so no case reads another's cached refusal.
      const url = `${urlOf(listener.port)}?case=${_name.replace(/[^a-z0-9]+/gi, '-')}`;
      const created = await post(alice, `Look at ${url} please`);
      const outcome = await settled(new URL(url).toString());
      expect(outcome).toMatchObject({ status: 'failed', failure: 'blocked_address', image_file_id: null });
      expect(connectionsTo(address)).toBe(before[address]);
      expect([...listener.connections.values()].reduce((a, b) => a + b, 0)).toBe(before.all);
      const view = await actingAs(t, alice).get(`/api/posts/${created.id}`);
      expect(view.body.linkPreviews).toEqual([]);
    });

    it('a redirect from an allowed page to loopback is followed by no connection to loopback', async () => {
      for (const path of ['/to-loopback', '/to-v6-loopback']) {
        const before = { allowedPage: connectionsTo('127.0.0.3'), v4: connectionsTo('127.0.0.1'), v6: connectionsTo('::1') };
        await post(alice, `Redirected: ${allowed(path)}`);
        expect(await settled(allowed(path))).toMatchObject({ status: 'failed', failure: 'blocked_address' });
        // The allowed page was fetched (one connection); where it pointed was not.
        expect(connectionsTo('127.0.0.3')).toBe(before.allowedPage + 1);
        expect(connectionsTo('127.0.0.1')).toBe(before.v4);
        expect(connectionsTo('::1')).toBe(before.v6);
      }
    });

    it('other schemes are not links to preview at all', async () => {
      const created = await post(alice, 'file:///etc/passwd and gopher://127.0.0.1:70/ and ftp://127.0.0.1/');
      expect(created.linkPreviews).toEqual([]);
      expect(await t.sql('SELECT 1 FROM link_preview_uses WHERE item_id = $1', [created.id])).toEqual([]);
    });
  });

  describe('a preview from an allowed page', () => {
    it('reads the card, stores its image as a file, shows it in the post view and sends it live', async () => {
      const socket = await sockets(alice);
      const url = allowed('/page');
      const created = await post(alice, `Plan for the quarter: ${url}#section`);
      expect(created.linkPreviews).toEqual([]); // not fetched yet: the write does not wait for it
      const live = await socket.waitFor('post.link_previews', (p) => p.postId === created.id, 10_000);
      const card = {
        url,
        host: '127.0.0.3',
        title: 'Quarterly plan & goals',
        description: 'What we will ship <b>this</b> quarter',
        siteName: 'Intranet news',
        image: { url: expect.stringMatching(/^\/api\/files\/[0-9a-f-]{36}\/thumbnail\?exp=\d+&sig=/), width: 120, height: 80 },
      };
      expect(live.linkPreviews).toEqual([card]);

      const view = await actingAs(t, bob).get(`/api/posts/${created.id}`);
      expect(view.status).toBe(200);
      expect(view.body.linkPreviews).toEqual([card]);
      const [file] = await t.sql<{ item_type: string; content_type: string; owner_id: string }>(
        'SELECT f.item_type, f.content_type, f.owner_id FROM files f JOIN link_previews p ON p.image_file_id = f.id WHERE p.url = $1',
        [url],
      );
      expect(file).toEqual({ item_type: 'link_preview', content_type: 'image/png', owner_id: alice.id });
      // The signed link works without a bearer token (an <img>), as a WebP rendition.
      const image = await t.http.get(view.body.linkPreviews[0].image.url);
      expect(image.status).toBe(200);
      expect(image.headers['content-type']).toBe('image/webp');

      // The cache: the same page in another post is shown at once, without fetching again.
      const fetchedBefore = connectionsTo('127.0.0.3');
      const again = await post(bob, `Same link ${url}`);
      expect(again.linkPreviews).toEqual([card]);
      await t.settle();
      await quietPeriod(300);
      expect(connectionsTo('127.0.0.3')).toBe(fetchedBefore);
    });

    it('a card in a private group travels with its post only: members see it, others get 404 and no event', async () => {
      const group = await createGroup(t, alice, { visibility: 'private' });
      await addMember(t, alice, group.id, bob);
      const [carol] = await registerUsers(t, ['Carol']);
      const member = await sockets(bob);
      const outsider = await sockets(carol);
      const url = allowed('/page?private=1');
      const created = await post(alice, `Internal: ${url}`, group.id);
      await member.waitFor('post.link_previews', (p) => p.postId === created.id, 10_000);
      expect((await actingAs(t, bob).get(`/api/posts/${created.id}`)).body.linkPreviews).toHaveLength(1);
      expect((await actingAs(t, carol).get(`/api/posts/${created.id}`)).status).toBe(404);
      await quietPeriod(300);
      expect(outsider.received.filter((r) => r.event === 'post.link_previews')).toEqual([]);
    });

    it('30 posts linking one new page at once (beyond the pool of 20): one cache row, one fetch, a card for each (live, or in its answer)', async () => {
      const url = allowed('/page?burst=1');
      const authors = [alice, bob, admin];
      const watchers = await Promise.all(authors.map((u) => sockets(u)));
      const before = connectionsTo('127.0.0.3');
      const created = await Promise.all(Array.from({ length: 30 }, (_, i) => post(authors[i % 3], `Burst ${i}: ${url}`)));
      expect(await t.sql('SELECT id FROM link_previews WHERE url = $1', [url])).toHaveLength(1);
      await settled(url);
      for (const [i, { id, linkPreviews }] of created.entries()) {
        // Written after the fetch was done: the card came with the post itself. Otherwise, live.
        if (linkPreviews.length === 1) continue;
        await watchers[i % 3].waitFor('post.link_previews', (p) => p.postId === id && (p.linkPreviews as unknown[]).length === 1, 10_000);
      }
      // The page and its image, once each, however many posts asked.
      expect(connectionsTo('127.0.0.3')).toBe(before + 2);
      const [uses] = await t.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM link_preview_uses u JOIN link_previews p ON p.id = u.preview_id WHERE p.url = $1',
        [url],
      );
      expect(uses.n).toBe(30);
    });

    it('an edit replaces the cards: a new link is fetched and sent, a removed one is gone', async () => {
      const socket = await sockets(alice);
      const first = allowed('/page?edit=1');
      const created = await post(alice, `Before: ${first}`);
      await socket.waitFor('post.link_previews', (p) => p.postId === created.id, 10_000);
      const second = allowed('/page?edit=2');
      const edited = await actingAs(t, alice).patch(`/api/posts/${created.id}`, { body: `After: ${second}` });
      expect(edited.status).toBe(200);
      expect(edited.body.linkPreviews).toEqual([]); // the new page is not fetched yet; the old card is gone
      const live = await socket.waitFor(
        'post.link_previews',
        (p) => p.postId === created.id && (p.linkPreviews as { url: string }[])[0]?.url === second,
        10_000,
      );
      expect(live.linkPreviews).toHaveLength(1);
      const cleared = await actingAs(t, alice).patch(`/api/posts/${created.id}`, { body: 'No links any more' });
      expect(cleared.body.linkPreviews).toEqual([]);
      expect((await actingAs(t, bob).get(`/api/posts/${created.id}`)).body.linkPreviews).toEqual([]);
    });

    it('an image that is not one leaves a card without a picture', async () => {
      const url = allowed('/page-bad-image');
      const created = await post(alice, `Card: ${url}`);
      expect(await settled(url)).toMatchObject({ status: 'ready', image_file_id: null });
      const view = await actingAs(t, alice).get(`/api/posts/${created.id}`);
      expect(view.body.linkPreviews).toEqual([{ url, host: '127.0.0.3', title: 'No picture', description: 'x', siteName: null }]);
    });

    it('redirects are followed 4 times at most, each one a new connection', async () => {
      const before = connectionsTo('127.0.0.3');
      await post(alice, `Loop: ${allowed('/loop')}`);
      expect(await settled(allowed('/loop'))).toMatchObject({ status: 'failed', failure: 'too_many_redirects' });
      expect(connectionsTo('127.0.0.3')).toBe(before + 5);
    });

    it('a page that is not HTML gives no card', async () => {
      await post(alice, `Data: ${allowed('/json')}`);
      expect(await settled(allowed('/json'))).toMatchObject({ status: 'failed', failure: 'content_type' });
    });
  });

  describe('limits', () => {
    it('a page that never finishes is cut at the timeout', async () => {
      const started = Date.now();
      await post(alice, `Slow: ${allowed('/slow')}`);
      expect(await settled(allowed('/slow'))).toMatchObject({ status: 'failed', failure: 'timeout' });
      expect(Date.now() - started).toBeLessThan(8000);
    });

    it('a huge page is cut at the size cap, not read to its end', async () => {
      await post(alice, `Huge: ${allowed('/huge')}`);
      expect(await settled(allowed('/huge'))).toMatchObject({ status: 'failed', failure: 'too_large' });
      await quietPeriod(300);
      expect(listener.hugeWritten).toBeLessThan(HUGE_BYTES);
    });
  });

  describe('admin host rules', () => {
    const rulesPath = '/api/admin/link-previews/rules';

    it('are the admins’: anyone else gets 403, and nothing changes', async () => {
      expect((await actingAs(t, alice).get(rulesPath)).status).toBe(403);
      const put = await actingAs(t, alice).put(rulesPath).send({ rules: [{ host: 'example.com', rule: 'deny' }] });
      expect(put.status).toBe(403);
      expect((await t.http.get(rulesPath)).status).toBe(401);
      expect(await t.sql('SELECT * FROM link_preview_rules')).toEqual([]);
    });

    it('refuses bad input with a 400 and writes nothing', async () => {
      for (const body of [
        { rules: [{ host: 'exa mple.com', rule: 'deny' }] },
        { rules: [{ host: 'example.com', rule: 'block' }] },
        { rules: [{ host: 'http://example.com/', rule: 'deny' }] },
        { rules: [{ host: 'example.com', rule: 'deny' }, { host: 'EXAMPLE.com', rule: 'allow' }] },
        { rules: 'example.com' },
        { rules: [{ host: 'example.com', rule: 'deny', extra: 1 }] },
        {},
      ]) {
        const res = await actingAs(t, admin).put(rulesPath).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
      expect(await t.sql('SELECT * FROM link_preview_rules')).toEqual([]);
    });

    it('25 admins saving at once (beyond the pool) leave one whole list, never a mix', async () => {
      const lists = Array.from({ length: 25 }, (_, i) => [
        { host: `a${i}.example`, rule: 'deny' },
        { host: `b${i}.example`, rule: 'allow' },
      ]);
      const answers = await Promise.all(lists.map((rules) => actingAs(t, admin).put(rulesPath).send({ rules })));
      expect(answers.map((r) => r.status)).toEqual(lists.map(() => 200));
      const saved = (await actingAs(t, admin).get(rulesPath)).body.rules;
      expect(lists).toContainEqual(saved);
      await actingAs(t, admin).put(rulesPath).send({ rules: [] }).expect(200);
    });

    it('an allow-list lets its hosts through; a denied host is not fetched and its cards disappear', async () => {
      const put = await actingAs(t, admin)
        .put(rulesPath)
        .send({ rules: [{ host: '127.0.0.3', rule: 'allow' }, { host: 'Intranet.Example', rule: 'allow' }] });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ rules: [{ host: '127.0.0.3', rule: 'allow' }, { host: 'intranet.example', rule: 'allow' }] });
      expect((await actingAs(t, admin).get(rulesPath)).body).toEqual(put.body);

      const shown = await post(alice, `Still here: ${allowed('/page')}`);
      expect(shown.linkPreviews).toHaveLength(1);

      await actingAs(t, admin)
        .put(rulesPath)
        .send({ rules: [{ host: '127.0.0.3', rule: 'deny' }] })
        .expect(200);
      expect((await actingAs(t, alice).get(`/api/posts/${shown.id}`)).body.linkPreviews).toEqual([]);
      const before = connectionsTo('127.0.0.3');
      await post(alice, `Denied: ${allowed('/page?denied=1')}`);
      expect(await settled(allowed('/page?denied=1'))).toMatchObject({ status: 'failed', failure: 'denied' });
      expect(connectionsTo('127.0.0.3')).toBe(before);
      await actingAs(t, admin).put(rulesPath).send({ rules: [] }).expect(200);
    });
  });
});
