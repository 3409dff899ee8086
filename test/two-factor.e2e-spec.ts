import { Secret, TOTP } from 'otpauth';
import { auditOf } from './factories/moderation.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/** What the person's authenticator app shows `offsetSteps` 30-second steps from now. */
const codeAt = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });

/**
 * TOTP two-factor for password accounts (#15): enrolment with a real secret (codes computed here
 * from it, as an authenticator app would), the login's second step, single use of codes and
 * recovery codes, the login throttle, turning it off, and an admin's audited reset.
 */
describe('two-factor (TOTP)', () => {
  // TRUST_PROXY: each test signs in from its own address, so the per-address count does not mix.
  const t = useTestApp(
    { TRUST_PROXY: '1', RUCHE_LOGIN_FAILURES_PER_ACCOUNT: '5', RUCHE_LOGIN_FAILURES_PER_ADDRESS: '100' },
    60_000,
  );
  let admin: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { email: 'admin@corp.example', displayName: 'Admin' });
  }, 60_000);

  let address = 0;
  const from = () => `10.9.${Math.floor(++address / 250)}.${address % 250}`;
  const login = (user: TestUser, ip = from()) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email: user.email, password: user.password });
  const second = (body: object, ip = from()) => t.http.post('/api/auth/login/totp').set('X-Forwarded-For', ip).send(body);

  /** A new person with two-factor on: the secret (as scanned) and the recovery codes. */
  async function enrolled(): Promise<{ user: TestUser; secret: string; recoveryCodes: string[] }> {
    const user = await registerUser(t);
    const enrol = await t.http.post('/api/me/2fa/totp').set('Authorization', user.auth).expect(201);
    const confirm = await t.http
      .post('/api/me/2fa/totp/confirm')
      .set('Authorization', user.auth)
      .send({ code: codeAt(enrol.body.secret) })
      .expect(200);
    return { user, secret: enrol.body.secret, recoveryCodes: confirm.body.recoveryCodes };
  }

  it('enrols: secret, otpauth URI and QR code once; a wrong first code changes nothing; the right one turns it on with 10 recovery codes', async () => {
    const ada = await registerUser(t, { email: 'ada@corp.example' });
    const as = (req: ReturnType<typeof t.http.get>) => req.set('Authorization', ada.auth);
    expect((await as(t.http.get('/api/me/2fa')).expect(200)).body).toEqual({
      applicable: true,
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    const enrol = (await as(t.http.post('/api/me/2fa/totp')).expect(201)).body;
    expect(enrol.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrol.uri).toBe(`otpauth://totp/Ruche:ada%40corp.example?issuer=Ruche&secret=${enrol.secret}&algorithm=SHA1&digits=6&period=30`);
    expect(enrol.qrCode).toMatch(/^data:image\/png;base64,/);
    // Stored encrypted: the database does not hold the secret as such.
    const [stored] = await t.sql<{ secret: string }>('SELECT secret FROM totp_credentials WHERE user_id = $1', [ada.id]);
    expect(stored.secret).not.toContain(enrol.secret);

    const wrong = await as(t.http.post('/api/me/2fa/totp/confirm')).send({ code: codeAt(enrol.secret, 5) });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'totp_invalid']);
    expect((await as(t.http.post('/api/me/2fa/totp/confirm')).send({ code: 'abcdef' })).status).toBe(400);
    expect((await as(t.http.get('/api/me/2fa'))).body.enabled).toBe(false);
    // Password login still has no second step while enrolment is pending.
    expect((await login(ada).expect(200)).body.accessToken).toEqual(expect.any(String));

    const confirmed = await as(t.http.post('/api/me/2fa/totp/confirm')).send({ code: codeAt(enrol.secret) }).expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    const status = (await as(t.http.get('/api/me/2fa')).expect(200)).body;
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(JSON.stringify(status)).not.toContain(enrol.secret);
    // Enrolling again while on is refused: the secret is never handed out again.
    const again = await as(t.http.post('/api/me/2fa/totp'));
    expect([again.status, again.body.code]).toEqual([409, 'totp_already_enabled']);
    const hashes = await t.sql<{ code_hash: string }>('SELECT code_hash FROM totp_recovery_codes WHERE user_id = $1', [ada.id]);
    expect(hashes.map((h) => h.code_hash)).not.toContain(confirmed.body.recoveryCodes[0]);
  });

  it('a password login answers a challenge, not tokens; the code completes it; a wrong, expired or replayed code is refused', async () => {
    const { user, secret } = await enrolled();
    const first = await login(user).expect(200);
    expect(first.body).toEqual({ totpRequired: true, challenge: expect.any(String), expiresIn: 300 });
    expect(first.body.accessToken).toBeUndefined();

    const wrong = await second({ challenge: first.body.challenge, code: codeAt(secret, 4) });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'totp_invalid']);
    const expired = await second({ challenge: first.body.challenge, code: codeAt(secret, -3) });
    expect([expired.status, expired.body.code]).toEqual([401, 'totp_invalid']);
    const missing = await second({ challenge: first.body.challenge });
    expect(missing.status).toBe(400);

    // The enrolment used this step's code: the next step's (the window allows one ahead) signs in.
    const code = codeAt(secret, 1);
    const done = await second({ challenge: first.body.challenge, code }).expect(200);
    expect(done.body.user.id).toBe(user.id);
    await t.http.get('/api/me').set('Authorization', `Bearer ${done.body.accessToken}`).expect(200);

    // The challenge is spent, and the code too (replayed with a fresh challenge).
    const reused = await second({ challenge: first.body.challenge, code });
    expect([reused.status, reused.body.code]).toEqual([401, 'challenge_invalid']);
    const fresh = (await login(user).expect(200)).body.challenge;
    const replay = await second({ challenge: fresh, code });
    expect([replay.status, replay.body.code]).toEqual([401, 'totp_invalid']);
    // An earlier step than the one last used is refused as well.
    expect((await second({ challenge: fresh, code: codeAt(secret, -1) })).status).toBe(401);
    // A challenge past its five minutes is refused whatever the code.
    await t.sql(`UPDATE login_challenges SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect((await second({ challenge: fresh, code: codeAt(secret, 1) })).body.code).toBe('challenge_invalid');
    expect((await second({ challenge: 'not-a-challenge', code: '123456' })).status).toBe(401);
  });

  it('one code sent on two challenges at once signs in once', async () => {
    const { user, secret } = await enrolled();
    // Two password steps and two code attempts stay within the account's limit of 5 (a third pair
    // could meet the throttle first, which is a refusal too, but not the one under test).
    const challenges = await Promise.all([login(user), login(user)]);
    const code = codeAt(secret, 1);
    const results = await Promise.all(challenges.map((c) => second({ challenge: c.body.challenge, code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    expect(results.find((r) => r.status === 401)?.body.code).toBe('totp_invalid');
  });

  it('a recovery code works once, in any case or spacing', async () => {
    const { user, recoveryCodes } = await enrolled();
    const challenge = (await login(user).expect(200)).body.challenge;
    await second({ challenge, recoveryCode: ` ${recoveryCodes[3].toUpperCase()} ` }).expect(200);
    const again = (await login(user).expect(200)).body.challenge;
    const reused = await second({ challenge: again, recoveryCode: recoveryCodes[3] });
    expect([reused.status, reused.body.code]).toEqual([401, 'totp_invalid']);
    expect((await second({ challenge: again, recoveryCode: 'zzzz-zzzz-zzzz' })).status).toBe(401);
    await second({ challenge: again, recoveryCode: recoveryCodes[4] }).expect(200);
    expect((await t.http.get('/api/me/2fa').set('Authorization', user.auth)).body.recoveryCodesLeft).toBe(8);
  });

  it('code guesses count in the login throttle, and a correct password does not reset the count', async () => {
    const { user, secret } = await enrolled();
    const statuses: number[] = [];
    // Limit 5 per account: each password step counts one attempt, each code guess another.
    for (let round = 0; round < 3; round++) {
      const first = await login(user);
      statuses.push(first.status);
      if (first.status !== 200) continue;
      statuses.push((await second({ challenge: first.body.challenge, code: codeAt(secret, 6) })).status);
    }
    expect(statuses).toEqual([200, 401, 200, 401, 200, 429]);
    const blocked = await login(user);
    expect([blocked.status, blocked.body.code]).toEqual([429, 'login_throttled']);
    // Cleared, a full login with the right code resets the count.
    await t.sql(`DELETE FROM rate_limit_windows WHERE key = $1`, [`login-account:${user.email}`]);
    const challenge = (await login(user).expect(200)).body.challenge;
    await second({ challenge, code: codeAt(secret, 1) }).expect(200);
    const [row] = await t.sql('SELECT hits FROM rate_limit_windows WHERE key = $1', [`login-account:${user.email}`]);
    expect(row).toBeUndefined();
  });

  it('turning it off needs the password and a code; then the login has no second step', async () => {
    const { user, secret } = await enrolled();
    const disable = (body: object) => t.http.post('/api/me/2fa/disable').set('Authorization', user.auth).set('X-Forwarded-For', from()).send(body);
    const wrongPassword = await disable({ password: 'not the password', code: codeAt(secret, 1) });
    expect([wrongPassword.status, wrongPassword.body.code]).toEqual([403, 'wrong_password']);
    const wrongCode = await disable({ password: user.password, code: codeAt(secret, 5) });
    expect([wrongCode.status, wrongCode.body.code]).toEqual([403, 'totp_invalid']);
    expect((await disable({ password: user.password })).status).toBe(400);
    expect((await login(user).expect(200)).body.totpRequired).toBe(true);

    await disable({ password: user.password, code: codeAt(secret, 1) }).expect(204);
    expect((await login(user).expect(200)).body.accessToken).toEqual(expect.any(String));
    expect(await t.sql('SELECT 1 FROM totp_recovery_codes WHERE user_id = $1', [user.id])).toHaveLength(0);
  });

  it('an admin resets someone’s two-factor (audited); nobody else may', async () => {
    const { user } = await enrolled();
    const other = await registerUser(t);
    const refused = await t.http.delete(`/api/admin/users/${user.id}/2fa`).set('Authorization', other.auth);
    expect(refused.status).toBe(403);
    expect((await login(user).expect(200)).body.totpRequired).toBe(true);

    await t.http.delete(`/api/admin/users/${user.id}/2fa`).set('Authorization', admin.auth).expect(204);
    expect((await login(user).expect(200)).body.accessToken).toEqual(expect.any(String));
    const audit = await auditOf(t, admin, `?targetId=${user.id}`);
    expect(audit.map((a) => [a.action, a.actor?.id])).toEqual([['user.two_factor_reset', admin.id]]);
    // Resetting an account without two-factor changes and records nothing more.
    await t.http.delete(`/api/admin/users/${user.id}/2fa`).set('Authorization', admin.auth).expect(204);
    expect(await auditOf(t, admin, `?targetId=${user.id}`)).toHaveLength(1);
    expect((await t.http.delete(`/api/admin/users/00000000-0000-4000-8000-000000000000/2fa`).set('Authorization', admin.auth)).status).toBe(404);
  });

  it('is not for accounts without a password (single sign-on, SCIM): their provider owns the second factor', async () => {
    const sso = await registerUser(t);
    await t.sql('UPDATE users SET password_hash = NULL WHERE id = $1', [sso.id]);
    expect((await t.http.get('/api/me/2fa').set('Authorization', sso.auth)).body.applicable).toBe(false);
    const enrol = await t.http.post('/api/me/2fa/totp').set('Authorization', sso.auth);
    expect([enrol.status, enrol.body.code]).toEqual([403, 'totp_not_applicable']);
  });

  it('without SMTP, "forgot password" says to ask an administrator (whatever the address), and verification is not in force', async () => {
    for (const email of [admin.email, 'nobody@corp.example']) {
      const res = await t.http.post('/api/auth/password/forgot').send({ email });
      expect([res.status, res.body.code]).toEqual([403, 'password_reset_unavailable']);
    }
    const newcomer = await registerUser(t);
    expect((await t.http.get('/api/me').set('Authorization', newcomer.auth)).body.emailVerified).toBe(true);
    await t.http.post('/api/posts').set('Authorization', newcomer.auth).send({ body: 'Hello' }).expect(201);
    const resend = await t.http.post('/api/me/email/verification').set('Authorization', newcomer.auth);
    expect([resend.status, resend.body.code]).toEqual([403, 'verification_unavailable']);
  });
});
