import { markdownBody, markdownHashtags, markdownMentionHandles, renderMarkdown, sanitizeRenderedHtml } from './markdown.js';

/** Tags and attributes the renderer may produce; anything else in its output is a hole. */
const ALLOWED: Record<string, string[]> = {
  p: [],
  br: [],
  hr: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: [],
  ul: ['class'],
  ol: ['start', 'class'],
  li: ['class'],
  strong: [],
  em: [],
  s: [],
  del: [],
  code: ['class'],
  pre: [],
  a: ['href', 'class', 'rel', 'target'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['style'],
  td: ['style'],
  input: ['type', 'checked', 'disabled', 'class'],
  span: ['class'],
};

/** Every opening tag of the output with its attributes (sanitize-html quotes and escapes all of them). */
function tagsOf(html: string): { tag: string; attrs: Record<string, string> }[] {
  const found: { tag: string; attrs: Record<string, string> }[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([^\s=>/]+)(?:="([^"]*)")?/g)) attrs[a[1].toLowerCase()] = a[2] ?? '';
    found.push({ tag: m[1].toLowerCase(), attrs });
  }
  return found;
}

/** Fails unless every tag, attribute and URL of `html` is one the allow-list lets through. */
function expectInert(html: string): void {
  // Nothing that looks like a tag but is not a well-formed allowed one: every `<` starts a known tag.
  const opens = (html.match(/<[a-zA-Z]/g) ?? []).length;
  const tags = tagsOf(html);
  expect(tags).toHaveLength(opens);
  for (const { tag, attrs } of tags) {
    expect(Object.keys(ALLOWED)).toContain(tag);
    for (const [name, value] of Object.entries(attrs)) {
      expect(ALLOWED[tag]).toContain(name);
      if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:|\/(?!\/)|#|[^:]*$)/i);
      if (name === 'style') expect(value).toMatch(/^text-align:(left|right|center);?$/);
      if (name === 'type') expect(value).toBe('checkbox');
    }
    if (tag === 'a') expect(attrs.rel).toBe('nofollow noopener ugc');
  }
  // What was written as HTML survives only as escaped text, never as markup.
  const markup = (html.match(/<[^>]*>/g) ?? []).join('');
  expect(markup).not.toMatch(/javascript|vbscript|data:|script|svg|img|iframe|style=(?!"text-align)|math|\son[a-z]+=/i);
}

const XSS_CORPUS: [string, string][] = [
  ['script tag', '<script>alert(1)</script>'],
  ['script split by Markdown', '<scr<script>ipt>alert(1)</script>'],
  ['nested script', '<<script>script>alert(1)<</script>/script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['event handler on a div', '<div onmouseover="alert(1)">hover</div>'],
  ['body onload', '<body onload=alert(1)>'],
  ['raw anchor with javascript', '<a href="javascript:alert(1)">x</a>'],
  ['javascript link', '[x](javascript:alert(1))'],
  ['javascript link, mixed case', '[x](JaVaScRiPt:alert(1))'],
  ['javascript link, leading space', '[x]( javascript:alert(1))'],
  ['javascript link, tab inside', '[x](java\tscript:alert(1))'],
  ['javascript link, entity-encoded', '[x](&#106;avascript:alert(1))'],
  ['javascript link, hex entities', '[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))'],
  ['javascript link, colon entity', '[x](javascript&colon;alert(1))'],
  ['javascript link, in angle brackets', '[x](<javascript:alert(1)>)'],
  ['javascript autolink', '<javascript:alert(1)>'],
  ['javascript link, reference style', '[x][r]\n\n[r]: javascript:alert(1)'],
  ['javascript link, control character', '[x](\u0001javascript:alert(1))'],
  ['javascript in a linkified text', 'javascript:alert(1)'],
  ['vbscript link', '[x](vbscript:msgbox(1))'],
  ['data URI link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data URI image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['data URI png image', '![x](data:image/png;base64,iVBORw0KGgo=)'],
  ['file link', '[x](file:///etc/passwd)'],
  ['svg onload', '<svg onload=alert(1)>'],
  ['svg with script', '<svg><script>alert(1)</script></svg>'],
  ['svg use href', '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg>'],
  ['math mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['object data', '<object data="javascript:alert(1)"></object>'],
  ['style expression', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['form action', '<form action="javascript:alert(1)"><input type=submit></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['image inside a link text', '[<img src=x onerror=alert(1)>](https://example.com)'],
  ['link title breaking out', '[x](https://example.com "a\\" onmouseover=\\"alert(1)")'],
  ['quote in URL', '[x](https://example.com/"onmouseover="alert(1))'],
  ['fenced code language injection', '```"><img src=x onerror=alert(1)>\ncode\n```'],
  ['html in a table cell', '| a |\n|---|\n| <img src=x onerror=alert(1)> |'],
  ['html in a task item', '- [ ] <script>alert(1)</script>'],
  ['protocol-relative link', '[x](//evil.example/x)'],
  ['html comment', '<!-- x --><script>alert(1)</script>'],
  ['CDATA', '<![CDATA[<script>alert(1)</script>]]>'],
  ['mention next to html', '@alice<script>alert(1)</script>'],
  ['hashtag with html', '#tag<img src=x onerror=alert(1)>'],
];

describe('renderMarkdown: an XSS corpus is inert', () => {
  it.each(XSS_CORPUS)('%s', (_name, text) => {
    const html = renderMarkdown(text, { mentions: [{ id: '0b6f3f5e-2a44-4f0e-9d55-5f1b2f7d9c11', handle: 'alice' }] });
    expectInert(html);
  });

  it('shows raw HTML as text rather than dropping what was written', () => {
    expect(renderMarkdown('<b>bold</b>')).toBe('<p>&lt;b&gt;bold&lt;/b&gt;</p>\n');
  });

  it('the sanitiser alone refuses what the allow-list does not name, even from hand-written HTML', () => {
    const html = sanitizeRenderedHtml(
      '<a href="javascript:alert(1)" onclick="x()" target="_top">a</a><input type="text" value="x"><svg><circle/></svg><img src="https://e.com/x.png">',
    );
    expectInert(html);
    expect(html).toBe('<a rel="nofollow noopener ugc">a</a>');
  });
});

describe('renderMarkdown: what Markdown gives', () => {
  it('renders emphasis, lists, quotes and line breaks', () => {
    expect(renderMarkdown('**b** _i_ ~~s~~\n\n> q\n\n1. one\n2. two\n\nline\nnext')).toBe(
      '<p><strong>b</strong> <em>i</em> <s>s</s></p>\n<blockquote>\n<p>q</p>\n</blockquote>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n<p>line<br />\nnext</p>\n',
    );
  });

  it('renders GFM tables with their alignment', () => {
    const html = renderMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |');
    expect(html).toContain('<th style="text-align:left">a</th>');
    expect(html).toContain('<td style="text-align:right">2</td>');
  });

  it('renders task lists as disabled checkboxes', () => {
    const html = renderMarkdown('- [ ] todo\n- [x] done');
    expect(html).toContain(
      '<li class="task-list-item"><input type="checkbox" disabled class="task-list-item-checkbox" /> todo</li>',
    );
    expect(html).toContain('<input type="checkbox" disabled checked class="task-list-item-checkbox" /> done');
  });

  it('highlights fenced code of a known language, and escapes an unknown one', () => {
    expect(renderMarkdown('```ts\nconst x = 1;\n```')).toBe(
      '<pre><code class="language-ts"><span class="hljs-keyword">const</span> x = <span class="hljs-number">1</span>;\n</code></pre>\n',
    );
    expect(renderMarkdown('```nope\n<b>x</b>\n```')).toBe(
      '<pre><code class="language-nope">&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n',
    );
  });

  it('links URLs, external ones in a new tab, never passing referrer-bound opener', () => {
    expect(renderMarkdown('see https://example.com/a?b=1')).toBe(
      '<p>see <a href="https://example.com/a?b=1" rel="nofollow noopener ugc" target="_blank">https://example.com/a?b=1</a></p>\n',
    );
    expect(renderMarkdown('[docs](/search?q=x)')).toBe('<p><a href="/search?q=x" rel="nofollow noopener ugc">docs</a></p>\n');
  });

  it('turns an image into a link to it (no third-party request when reading)', () => {
    expect(renderMarkdown('![a chart](https://example.com/c.png)')).toBe(
      '<p><a href="https://example.com/c.png" rel="nofollow noopener ugc" target="_blank">a chart</a></p>\n',
    );
  });

  it('links only the mentions the caller resolved, in any letter case, never inside code or links', () => {
    const id = '0b6f3f5e-2a44-4f0e-9d55-5f1b2f7d9c11';
    const html = renderMarkdown('@Alice and @bob, `@alice`, [@alice](https://e.com), mail a@alice.com', {
      mentions: [{ id, handle: 'alice' }],
    });
    expect(html).toBe(
      `<p><a href="/people/${id}" rel="nofollow noopener ugc" class="mention">@Alice</a> and @bob, <code>@alice</code>, ` +
        '<a href="https://e.com" rel="nofollow noopener ugc" target="_blank">@alice</a>, mail <a href="mailto:a@alice.com" rel="nofollow noopener ugc" target="_blank">a@alice.com</a></p>\n',
    );
  });

  it('links hashtags to search, not inside words or URLs', () => {
    expect(renderMarkdown('#release-2 and #Café, not a#b or 1 #2')).toBe(
      '<p><a href="/search?q=%23release-2" rel="nofollow noopener ugc" class="hashtag">#release-2</a> and ' +
        '<a href="/search?q=%23Caf%C3%A9" rel="nofollow noopener ugc" class="hashtag">#Café</a>, not a#b or 1 #2</p>\n',
    );
  });

  it('renders nothing for an empty text and the same HTML for the same input', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown(null)).toBe('');
    const text = '# T\n\n@alice #x https://e.com';
    expect(renderMarkdown(text)).toBe(renderMarkdown(text));
  });

  it('lists the handles a text mentions', () => {
    expect(markdownMentionHandles('@Alice @bob @alice a@c.com')).toEqual(['alice', 'bob']);
  });

  it('lists the hashtags a text carries, lower-cased, once each, not inside words, entities or paths', () => {
    expect(markdownHashtags('#Rust and #rust, #café-2 a#b &#38; /x#y #1 #ok')).toEqual(['rust', 'café-2', 'ok']);
    expect(markdownHashtags(`#${'a'.repeat(51)} #${'b'.repeat(50)}`)).toEqual(['b'.repeat(50)]);
  });
});

describe('markdownBody', () => {
  it('carries the HTML stored with the text', () => {
    expect(markdownBody({ body: '**a**', body_html: '<p>stored</p>' })).toEqual({ body: '**a**', bodyHtml: '<p>stored</p>' });
  });

  it('renders the text of a row stored without HTML', () => {
    expect(markdownBody({ body: '**a**', body_html: null })).toEqual({ body: '**a**', bodyHtml: renderMarkdown('**a**') });
  });
});
