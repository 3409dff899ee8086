import { ConfigError, loadConfig } from '@ruche/platform';

const base = { JWT_SECRET: 'a-test-secret-that-is-long-enough-to-pass', DATABASE_URL: 'postgres://localhost/x' };

describe('question settings (environment)', () => {
  it('defaults to a 30-minute claim, re-routing after an hour and the unanswered queue a day after the last round', () => {
    expect(loadConfig(base).questions).toEqual({ claimMinutes: 30, rerouteMinutes: 60, unansweredMinutes: 1440 });
  });

  it('reads RUCHE_CLAIM_MINUTES, RUCHE_REROUTE_MINUTES and RUCHE_UNANSWERED_MINUTES', () => {
    expect(
      loadConfig({ ...base, RUCHE_CLAIM_MINUTES: '5', RUCHE_REROUTE_MINUTES: '1440', RUCHE_UNANSWERED_MINUTES: '90' }).questions,
    ).toEqual({
      claimMinutes: 5,
      rerouteMinutes: 1440,
      unansweredMinutes: 90,
    });
  });

  it.each([
    ['RUCHE_CLAIM_MINUTES', '0'],
    ['RUCHE_CLAIM_MINUTES', '1441'],
    ['RUCHE_CLAIM_MINUTES', 'half an hour'],
    ['RUCHE_REROUTE_MINUTES', '0'],
    ['RUCHE_REROUTE_MINUTES', '2.5'],
    ['RUCHE_REROUTE_MINUTES', '10081'],
    ['RUCHE_UNANSWERED_MINUTES', '0'],
    ['RUCHE_UNANSWERED_MINUTES', '43201'],
  ])('refuses %s=%j at boot, naming the variable', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(name);
  });
});
