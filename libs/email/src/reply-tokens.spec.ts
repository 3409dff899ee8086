import { randomBytes } from 'node:crypto';
import { base32Encode, tokenBytes, tokenOfAddress } from './reply-tokens.js';

describe('reply token spelling', () => {
  it('writes 32 bytes as 52 lower-case base32 characters and reads them back, in any case', () => {
    for (let i = 0; i < 50; i++) {
      const bytes = randomBytes(32);
      const token = base32Encode(bytes);
      expect(token).toMatch(/^[a-z2-7]{52}$/);
      expect(tokenBytes(token)?.equals(bytes)).toBe(true);
      expect(tokenBytes(token.toUpperCase())?.equals(bytes)).toBe(true);
      expect(`reply+${token}`.length).toBeLessThanOrEqual(64);
    }
  });

  it('matches RFC 4648 test vectors (lower case, no padding)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('mzxw6ytboi');
    expect(base32Encode(Buffer.from('f'))).toBe('my');
  });

  it('refuses anything that is not exactly one token', () => {
    const token = base32Encode(randomBytes(32));
    expect(tokenBytes(token.slice(1))).toBeNull();
    expect(tokenBytes(`${token}a`)).toBeNull();
    expect(tokenBytes(token.replace(/.$/, '1'))).toBeNull(); // 1 is not base32
    // The last character carries 4 spare bits: a second spelling of the same bytes is refused.
    const last = token.at(-1)!;
    const twin = 'abcdefghijklmnopqrstuvwxyz234567'[('abcdefghijklmnopqrstuvwxyz234567'.indexOf(last) ^ 1)]!;
    expect(tokenBytes(token.slice(0, -1) + twin)).toBeNull();
    expect(tokenBytes('')).toBeNull();
  });

  it('finds the token of a reply address', () => {
    const token = base32Encode(randomBytes(32));
    expect(tokenOfAddress(`reply+${token}@ruche.example`)).toBe(token);
    expect(tokenOfAddress(`<REPLY+${token.toUpperCase()}@ruche.example>`)).toBe(token);
    expect(tokenOfAddress(`reply-${token}@ruche.example`)).toBeNull();
    expect(tokenOfAddress(`reply+${token}`)).toBeNull();
    expect(tokenOfAddress('reply+abc@ruche.example')).toBeNull();
  });
});
