import { addMember, createGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator, review, submitIdea, transition } from './factories/idea.factory.js';
import { publishGuidelines } from './factories/moderation.factory.js';
import { kindOf } from './factories/notification.factory.js';
import { answerQuestion, askQuestion, questionOf } from './factories/question.factory.js';
import { registerUsers, type TestUser } from './factories/user.factory.js';
import { socketsFor } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Markdown rendered once on the server and sanitised (#14), through the real API: `bodyHtml` (and
 * `commentHtml`, `descriptionHtml`, `guidelinesHtml`, `bioHtml`) next to every Markdown field on
 * every view and socket payload; an XSS corpus stored as written and rendered inert; @mentions
 * linked and notified only for people who may see the thread.
 */

/** Every `<tag attr>` of sanitised output must be one the allow-list knows, with safe URLs. */
function expectInert(html: string): void {
  const markup = (html.match(/<[^>]*>/g) ?? []).join('');
  expect(markup).not.toMatch(/<(script|svg|img|iframe|object|embed|style|math|form|meta|body|div)\b/i);
  expect(markup).not.toMatch(/\son[a-z]+\s*=|javascript:|vbscript:|data:/i);
  for (const [, href] of markup.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:\/\/|mailto:|\/(?!\/))/);
}

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)><script>alert(2)</script></svg>',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[x](data:text/html,<script>alert(1)</script>)',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '```"><img src=x onerror=alert(1)>\nx\n```',
].join('\n\n');

describe('Markdown: bodyHtml everywhere (#14)', () => {
  const t = useTestApp({ RUCHE_WRITE_RATE_LIMIT: '0' });
  let admin: TestUser, alice: TestUser, bob: TestUser, carol: TestUser, innovator: TestUser;

  beforeAll(async () => {
    [admin, alice, bob, carol] = await registerUsers(t, ['Admin', 'Alice', 'Bob', 'Carol']);
    innovator = await registerInnovator(t, admin);
  });

  const connect = socketsFor(() => t, { settleFirst: true });
  const get = (user: TestUser, path: string) => t.http.get(path).set('Authorization', user.auth).expect(200);
  const send = (user: TestUser, method: 'post' | 'patch' | 'put', path: string, body: object) =>
    t.http[method](path).set('Authorization', user.auth).send(body);

  it('posts: on create, read, every list and the live event; mentions link to the person, unknown handles stay text', async () => {
    await t.http.put(`/api/users/${alice.id}/follow`).set('Authorization', bob.auth).expect(204);
    const socket = await connect(bob);
    const res = await send(alice, 'post', '/api/posts', {
      body: `**Launch** today, @${bob.handle} and @nobody_here #release`,
    }).expect(201);
    const expected =
      `<p><strong>Launch</strong> today, <a href="/people/${bob.id}" rel="nofollow noopener ugc" class="mention">@${bob.handle}</a>` +
      ' and @nobody_here <a href="/search?q=%23release" rel="nofollow noopener ugc" class="hashtag">#release</a></p>\n';
    expect(res.body.bodyHtml).toBe(expected);
    expect((await get(carol, `/api/posts/${res.body.id}`)).body.bodyHtml).toBe(expected);
    const company = await get(carol, '/api/feed?scope=company&limit=100');
    expect(company.body.items.find((p: { id: string }) => p.id === res.body.id).bodyHtml).toBe(expected);
    const byAuthor = await get(carol, `/api/users/${alice.id}/posts`);
    expect(byAuthor.body.items[0].bodyHtml).toBe(expected);
    const event = await socket.waitFor('post.created', (p) => (p.post as { id: string }).id === res.body.id);
    expect((event.post as { bodyHtml: string }).bodyHtml).toBe(expected);
    // An edit renders again.
    const edited = await send(alice, 'patch', `/api/posts/${res.body.id}`, { body: '_Moved_ to tomorrow' }).expect(200);
    expect(edited.body.bodyHtml).toBe('<p><em>Moved</em> to tomorrow</p>\n');
  });

  it('an XSS corpus is stored as written and rendered inert, in posts, comments, questions, answers and ideas', async () => {
    const post = await send(alice, 'post', '/api/posts', { body: XSS }).expect(201);
    expect(post.body.body).toBe(XSS);
    expectInert(post.body.bodyHtml);
    const [{ body_html: stored }] = await t.sql<{ body_html: string }>('SELECT body_html FROM posts WHERE id = $1', [
      post.body.id,
    ]);
    expect(stored).toBe(post.body.bodyHtml);
    const comment = await send(bob, 'post', `/api/posts/${post.body.id}/comments`, { body: XSS }).expect(201);
    expectInert(comment.body.bodyHtml);
    const question = await askQuestion(t, alice, { body: XSS });
    expectInert((question as unknown as { bodyHtml: string }).bodyHtml);
    const answer = await answerQuestion(t, bob, question.id, XSS);
    expectInert((answer as unknown as { bodyHtml: string }).bodyHtml);
    const campaign = await openCampaign(t, innovator, [carol]);
    const idea = await submitIdea(t, bob, campaign.id, { body: XSS });
    expectInert((idea as unknown as { bodyHtml: string }).bodyHtml);
  });

  it('comments: on create, the list and the live event', async () => {
    const post = await send(alice, 'post', '/api/posts', { body: 'Thread' }).expect(201);
    const watcher = await connect(carol);
    expect(await watcher.subscribe(`post:${post.body.id}`)).toEqual({ ok: true });
    const res = await send(bob, 'post', `/api/posts/${post.body.id}/comments`, { body: 'See `npm test`' }).expect(201);
    const html = '<p>See <code>npm test</code></p>\n';
    expect(res.body.bodyHtml).toBe(html);
    expect((await get(carol, `/api/posts/${post.body.id}/comments`)).body.items[0].bodyHtml).toBe(html);
    const event = await watcher.waitFor('comment.created');
    expect((event.comment as { bodyHtml: string }).bodyHtml).toBe(html);
  });

  it('questions and answers: on create, the detail and the list', async () => {
    const q = await askQuestion(t, alice, { body: '- [ ] tried restarting\n- [x] read the docs' });
    const detail = await questionOf(t, carol, q.id);
    expect((detail as unknown as { bodyHtml: string }).bodyHtml).toContain(
      '<input type="checkbox" disabled checked class="task-list-item-checkbox" /> read the docs',
    );
    await answerQuestion(t, bob, q.id, '| step | done |\n|---|---|\n| 1 | yes |');
    const withAnswer = await questionOf(t, carol, q.id);
    expect((withAnswer.answers[0] as unknown as { bodyHtml: string }).bodyHtml).toContain('<td>yes</td>');
    const list = await get(carol, '/api/questions?limit=100');
    expect(list.body.items.find((x: { id: string }) => x.id === q.id).bodyHtml).toBe(
      (detail as unknown as { bodyHtml: string }).bodyHtml,
    );
  });

  it('ideas, idea comments and reviews', async () => {
    const campaign = await openCampaign(t, innovator, [carol]);
    const idea = await submitIdea(t, bob, campaign.id, { body: 'Use **less** paper' });
    expect((idea as unknown as { bodyHtml: string }).bodyHtml).toBe('<p>Use <strong>less</strong> paper</p>\n');
    const comment = await send(alice, 'post', `/api/ideas/${idea.id}/comments`, { body: '_Yes_' }).expect(201);
    expect(comment.body.bodyHtml).toBe('<p><em>Yes</em></p>\n');
    expect((await get(carol, `/api/ideas/${idea.id}/comments`)).body.items[0].bodyHtml).toBe('<p><em>Yes</em></p>\n');
    await transition(t, innovator, campaign.id, 'advance');
    const reviewed = await review(t, carol, idea.id, { Impact: 4, Feasibility: 3 }, 'Clear **win**');
    expect((reviewed as unknown as { commentHtml: string }).commentHtml).toBe('<p>Clear <strong>win</strong></p>\n');
    const detail = await get(carol, `/api/ideas/${idea.id}`);
    expect(detail.body.bodyHtml).toBe('<p>Use <strong>less</strong> paper</p>\n');
    expect(detail.body.reviews[0].commentHtml).toBe('<p>Clear <strong>win</strong></p>\n');
  });

  it('group descriptions and guidelines, and profile bios', async () => {
    const group = await createGroup(t, alice, { description: 'We *ship*', guidelines: '1. Be kind' });
    const read = await get(carol, `/api/groups/${group.id}`);
    expect(read.body).toMatchObject({
      descriptionHtml: '<p>We <em>ship</em></p>\n',
      guidelinesHtml: '<ol>\n<li>Be kind</li>\n</ol>\n',
    });
    const list = await get(carol, '/api/groups?limit=100');
    expect(list.body.items.find((g: { id: string }) => g.id === group.id).descriptionHtml).toBe('<p>We <em>ship</em></p>\n');
    const edited = await send(alice, 'patch', `/api/groups/${group.id}`, { description: 'We **ship**' }).expect(200);
    expect(edited.body.descriptionHtml).toBe('<p>We <strong>ship</strong></p>\n');
    await send(bob, 'patch', '/api/me', { bio: 'I like `SQL` <script>x</script>' }).expect(200);
    const profile = await get(carol, `/api/users/${bob.id}`);
    expect(profile.body.bioHtml).toBe('<p>I like <code>SQL</code> &lt;script&gt;x&lt;/script&gt;</p>\n');
    await send(bob, 'patch', '/api/me', { title: 'Engineer' }).expect(200);
    expect((await get(carol, `/api/users/${bob.id}`)).body.bioHtml).toBe(profile.body.bioHtml);
  });

  it('rows written before #14 (no stored HTML) are rendered on read', async () => {
    const post = await send(alice, 'post', '/api/posts', { body: 'Old **post**' }).expect(201);
    await t.sql('UPDATE posts SET body_html = NULL WHERE id = $1', [post.body.id]);
    expect((await get(carol, `/api/posts/${post.body.id}`)).body.bodyHtml).toBe('<p>Old <strong>post</strong></p>\n');
  });

  it('mentions in comments and answers notify; in a private group a non-member is neither linked nor told', async () => {
    const open = await send(alice, 'post', '/api/posts', { body: 'Open thread' }).expect(201);
    const c = await send(bob, 'post', `/api/posts/${open.body.id}/comments`, {
      body: `@${carol.handle} what do you think?`,
    }).expect(201);
    expect(c.body.bodyHtml).toContain(`href="/people/${carol.id}"`);
    expect((await kindOf(t, carol, 'mention')).filter((n) => n.subject.id === c.body.id)).toHaveLength(1);

    const group = await createGroup(t, alice, { visibility: 'private' });
    await addMember(t, alice, group.id, bob);
    const secret = await send(alice, 'post', '/api/posts', { body: 'Members only', groupId: group.id }).expect(201);
    const inGroup = await send(bob, 'post', `/api/posts/${secret.body.id}/comments`, {
      body: `@${carol.handle} and @${alice.handle}, look`,
    }).expect(201);
    expect(inGroup.body.bodyHtml).not.toContain(carol.id);
    expect(inGroup.body.bodyHtml).toContain(`href="/people/${alice.id}"`);
    expect((await kindOf(t, carol, 'mention')).filter((n) => n.subject.id === inGroup.body.id)).toEqual([]);
    expect((await kindOf(t, alice, 'mention')).filter((n) => n.subject.id === inGroup.body.id)).toHaveLength(1);

    const q = await askQuestion(t, alice);
    const a = await answerQuestion(t, bob, q.id, `Ask @${carol.handle}, she knows`);
    expect((a as unknown as { bodyHtml: string }).bodyHtml).toContain(`href="/people/${carol.id}"`);
    expect((await kindOf(t, carol, 'mention')).filter((n) => n.subject.id === a.id)).toHaveLength(1);
    // An edit tells only the people it newly mentions.
    await send(bob, 'patch', `/api/answers/${a.id}`, { body: `Ask @${carol.handle} or @${alice.handle}` }).expect(200);
    expect((await kindOf(t, carol, 'mention')).filter((n) => n.subject.id === a.id)).toHaveLength(1);
  });

  it('the company guidelines (published last: everyone must accept them afterwards)', async () => {
    await publishGuidelines(t, admin, '# Be kind\n\nNo <b>HTML</b>');
    const res = await get(carol, '/api/guidelines');
    expect(res.body.bodyHtml).toBe('<h1>Be kind</h1>\n<p>No &lt;b&gt;HTML&lt;/b&gt;</p>\n');
  });
});
