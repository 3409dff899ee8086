import { ConfigError, loadConfig } from './config.js';
import { pgConnectionOptions } from '../database/pg-options.js';

const base = { JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://localhost/ruche' };

describe('config: database bounds, transport security, write budget', () => {
  it('has the documented defaults', () => {
    const config = loadConfig(base);
    expect(config.database).toEqual({
      poolMax: 20,
      acquireTimeoutMs: 5000,
      statementTimeoutMs: 15_000,
      idleInTransactionTimeoutMs: 30_000,
      lockTimeoutMs: 5000,
    });
    expect(config.http).toEqual({ trustProxy: false, forceHttps: false, writeRateLimitPerMinute: 600, shutdownDrainMs: 5000 });
  });

  it('reads every setting, and passes the bounds to node-postgres', () => {
    const config = loadConfig({
      ...base,
      DATABASE_POOL_MAX: '50',
      DATABASE_ACQUIRE_TIMEOUT_MS: '2000',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '60000',
      DATABASE_LOCK_TIMEOUT_MS: '1000',
      TRUST_PROXY: '1',
      RUCHE_FORCE_HTTPS: 'true',
      RUCHE_WRITE_RATE_LIMIT: '0',
    });
    expect(config.database.poolMax).toBe(50);
    expect(config.http).toMatchObject({ trustProxy: true, forceHttps: true, writeRateLimitPerMinute: 0 });
    expect(pgConnectionOptions(config.database)).toMatchObject({
      connectionTimeoutMillis: 2000,
      statement_timeout: 0,
      idle_in_transaction_session_timeout: 60_000,
      lock_timeout: 1000,
    });
  });

  it.each([
    ['DATABASE_POOL_MAX', '0'],
    ['DATABASE_POOL_MAX', 'many'],
    // No acquire timeout would mean waiting forever for a connection: not allowed.
    ['DATABASE_ACQUIRE_TIMEOUT_MS', '0'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '-1'],
    ['DATABASE_LOCK_TIMEOUT_MS', '1.5'],
    ['RUCHE_WRITE_RATE_LIMIT', '-5'],
    ['RUCHE_FORCE_HTTPS', 'maybe'],
  ])('refuses %s=%s at start, naming it', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(name);
  });
});
