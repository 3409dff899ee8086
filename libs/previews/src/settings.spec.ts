import { ConfigError, loadConfig } from '@ruche/platform';

/** The link preview settings as the boot reads them: the loopback escape hatch never in production. */
describe('link previews: settings', () => {
  const base = { JWT_SECRET: 'x'.repeat(40) };

  it('are on by default, with a 1 MB page cap and no test hosts', () => {
    expect(loadConfig(base).linkPreviews).toEqual({
      enabled: true,
      ttlHours: 24,
      failureTtlMinutes: 30,
      timeoutMs: 8000,
      maxHtmlBytes: 1024 * 1024,
      maxImageBytes: 5 * 1024 * 1024,
      testAllowHosts: [],
    });
    expect(loadConfig({ ...base, LINK_PREVIEWS_ENABLED: '0' }).linkPreviews.enabled).toBe(false);
  });

  it('refuses the test allow-list in production, and bad values anywhere', () => {
    expect(loadConfig({ ...base, RUCHE_LINK_PREVIEW_TEST_ALLOW_HOSTS: '127.0.0.3, Localhost' }).linkPreviews.testAllowHosts).toEqual([
      '127.0.0.3',
      'localhost',
    ]);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', RUCHE_LINK_PREVIEW_TEST_ALLOW_HOSTS: '127.0.0.3' })).toThrow(
      /tests only/,
    );
    for (const [name, value] of [
      ['RUCHE_LINK_PREVIEW_TEST_ALLOW_HOSTS', 'http://x/'],
      ['LINK_PREVIEWS_ENABLED', 'maybe'],
      ['LINK_PREVIEWS_TIMEOUT_MS', '10'],
      ['LINK_PREVIEWS_MAX_HTML_BYTES', '0'],
    ]) {
      expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    }
  });
});
