import { ConfigError, loadConfig } from '@ruche/platform';

const base = { JWT_SECRET: 'a-test-secret-that-is-long-enough-to-pass', DATABASE_URL: 'postgres://localhost/x' };

describe('question settings (environment)', () => {
  it('defaults to a 30-minute claim and re-routing after an hour', () => {
    expect(loadConfig(base).questions).toEqual({ claimMinutes: 30, rerouteMinutes: 60 });
  });

  it('reads RUCHE_CLAIM_MINUTES and RUCHE_REROUTE_MINUTES', () => {
    expect(loadConfig({ ...base, RUCHE_CLAIM_MINUTES: '5', RUCHE_REROUTE_MINUTES: '1440' }).questions).toEqual({
      claimMinutes: 5,
      rerouteMinutes: 1440,
    });
  });

  it.each([
    ['RUCHE_CLAIM_MINUTES', '0'],
    ['RUCHE_CLAIM_MINUTES', '1441'],
    ['RUCHE_CLAIM_MINUTES', 'half an hour'],
    ['RUCHE_REROUTE_MINUTES', '0'],
    ['RUCHE_REROUTE_MINUTES', '2.5'],
    ['RUCHE_REROUTE_MINUTES', '10081'],
  ])('refuses %s=%j at boot, naming the variable', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(name);
  });
});
