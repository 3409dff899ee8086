import { extractLinks, hostPermitted, normaliseUrl } from './links.js';
import { readPageMeta } from './preview-html.js';

describe('link previews: reading pages and links', () => {
  it('prefers Open Graph, then Twitter, then <title> and description, as plain text', () => {
    const html = `<html><head><title>Fallback &amp; title</title>
      <meta name="description" content="Plain description">
      <meta property="og:title" content="  The   OG title ">
      <meta name="twitter:description" content="Twitter description">
      <meta property="og:site_name" content="Example">
      <meta property="og:image" content="/img/card.png">
      </head><body><script>alert(1)</script></body></html>`;
    expect(readPageMeta(html, 'https://example.com/post/1')).toEqual({
      title: 'The OG title',
      description: 'Twitter description',
      siteName: 'Example',
      imageUrl: 'https://example.com/img/card.png',
    });
    expect(readPageMeta('<title>Only &lt;b&gt;title\u202e</title><title>Second</title>', 'https://x.test/')).toEqual({
      title: 'Only <b>title',
      description: null,
      siteName: null,
      imageUrl: null,
    });
  });

  it('drops images that are not http(s)', () => {
    expect(readPageMeta('<meta property="og:image" content="javascript:alert(1)">', 'https://x.test/').imageUrl).toBeNull();
    expect(readPageMeta('<meta property="og:image" content="file:///etc/passwd">', 'https://x.test/').imageUrl).toBeNull();
  });

  it('finds links in Markdown, normalised and distinct, at most three', () => {
    expect(
      extractLinks('See https://Example.com/a#frag, and [this](https://x.test/b?c=1). Also <http://y.test/>! https://example.com/a https://z.test/ https://w.test/'),
    ).toEqual(['https://example.com/a', 'https://x.test/b?c=1', 'http://y.test/']);
    expect(extractLinks('[ipv6 http://[::1]:8080/x] and (see http://a.test/b).')).toEqual(['http://[::1]:8080/x', 'http://a.test/b']);
    expect(extractLinks('no links, javascript:alert(1), ftp://a.test/')).toEqual([]);
    expect(normaliseUrl('http://user:pw@a.test/')).toBeNull();
    expect(normaliseUrl('http://A.TEST:80/x')).toBe('http://a.test/x');
  });

  it('applies host rules: deny wins, any allow makes an allow-list, subdomains included', () => {
    expect(hostPermitted('a.test', [])).toBe(true);
    expect(hostPermitted('news.a.test', [{ host: 'a.test', rule: 'deny' }])).toBe(false);
    expect(hostPermitted('b.test', [{ host: 'a.test', rule: 'deny' }])).toBe(true);
    expect(hostPermitted('b.test', [{ host: 'a.test', rule: 'allow' }])).toBe(false);
    expect(hostPermitted('www.a.test', [{ host: 'a.test', rule: 'allow' }])).toBe(true);
    expect(hostPermitted('x.a.test', [{ host: 'a.test', rule: 'allow' }, { host: 'x.a.test', rule: 'deny' }])).toBe(false);
    expect(hostPermitted('evila.test', [{ host: 'a.test', rule: 'allow' }])).toBe(false);
  });
});
