import { decryptSecret, encryptSecret, matchingStep, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpCode, totpKey, totpUri } from './totp.js';

describe('totp', () => {
  const secret = newTotpSecret();

  it('encrypts secrets so that only the same JWT_SECRET reads them back', () => {
    const stored = encryptSecret(totpKey('a'.repeat(40)), secret);
    expect(stored).not.toContain(secret);
    expect(decryptSecret(totpKey('a'.repeat(40)), stored)).toBe(secret);
    expect(() => decryptSecret(totpKey('b'.repeat(40)), stored)).toThrow();
  });

  it('matches a code to its 30-second step, one step either side, and nothing else', () => {
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchingStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchingStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchingStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchingStep(secret, totpCode(secret, now - 90_000), now)).toBeNull();
    expect(matchingStep(secret, 'abcdef', now)).toBeNull();
    expect(matchingStep(secret, '1234567', now)).toBeNull();
  });

  it('writes the otpauth URI authenticator apps scan', () => {
    const uri = totpUri(secret, 'Ruche', 'ada@corp.example');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Ruche:ada%40corp\.example\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('period=30');
  });

  it('makes distinct recovery codes, compared without case or dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}$/);
    expect(normaliseRecoveryCode(' K7M2-9XQP-4tz8 ')).toBe('k7m29xqp4tz8');
  });
});
