import { ConfigError, loadConfig } from '../config/config.js';
import { lsnValue } from './read-replicas.js';

const base = { JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://localhost/ruche' };

describe('read replicas: settings and WAL positions', () => {
  it('has no replica and a 2 s lag bound by default, and no separate session URL', () => {
    const config = loadConfig(base);
    expect(config.replicas).toEqual({ urls: [], maxLagMs: 2000 });
    expect(config.databaseDirectUrl).toBeUndefined();
  });

  it('reads a comma-separated list of replicas, the lag bound and the direct URL', () => {
    const config = loadConfig({
      ...base,
      DATABASE_REPLICA_URLS: 'postgres://r1:5432/ruche, postgresql://r2/ruche',
      DATABASE_REPLICA_MAX_LAG_MS: '500',
      DATABASE_DIRECT_URL: 'postgres://primary:5432/ruche',
    });
    expect(config.replicas).toEqual({ urls: ['postgres://r1:5432/ruche', 'postgresql://r2/ruche'], maxLagMs: 500 });
    expect(config.databaseDirectUrl).toBe('postgres://primary:5432/ruche');
  });

  it.each([
    ['DATABASE_REPLICA_URLS', 'postgres://r1/ruche,,postgres://r2/ruche'],
    ['DATABASE_REPLICA_URLS', 'mysql://r1/ruche'],
    ['DATABASE_REPLICA_URLS', 'not a url'],
    ['DATABASE_REPLICA_MAX_LAG_MS', '50'],
    ['DATABASE_DIRECT_URL', 'http://primary/ruche'],
  ])('refuses %s=%s at start, naming it', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(name);
  });

  it('orders WAL positions across the 4 GiB boundary of their low half', () => {
    expect(lsnValue('0/16B3748')).toBe(0x16b3748n);
    expect(lsnValue('1/0')).toBe(0x100000000n);
    expect(lsnValue('0/FFFFFFFF') < lsnValue('1/0')).toBe(true);
    expect(lsnValue('16/B374D848') > lsnValue('9/FFFFFFFF')).toBe(true);
  });
});
