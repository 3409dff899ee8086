import { ConfigError, loadConfig } from './config.js';

const base = { JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://localhost/ruche' };

describe('config: FILES_ALLOW_ACTIVE_TYPES', () => {
  it('allows no SVG and no HTML by default', () => {
    expect([...loadConfig(base).files.activeTypes]).toEqual([]);
    expect([...loadConfig({ ...base, FILES_ALLOW_ACTIVE_TYPES: '' }).files.activeTypes]).toEqual([]);
  });

  it('reads svg and html, in any case and spacing', () => {
    expect([...loadConfig({ ...base, FILES_ALLOW_ACTIVE_TYPES: ' SVG , html' }).files.activeTypes].sort()).toEqual(['html', 'svg']);
    expect([...loadConfig({ ...base, FILES_ALLOW_ACTIVE_TYPES: 'svg' }).files.activeTypes]).toEqual(['svg']);
  });

  it('refuses anything else at boot', () => {
    for (const value of ['js', 'svg,exe', 'image/svg+xml', '*']) {
      expect(() => loadConfig({ ...base, FILES_ALLOW_ACTIVE_TYPES: value })).toThrow(ConfigError);
    }
  });
});
