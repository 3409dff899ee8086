import { tokenClaims } from './sessions.service.js';

const USER = '0b5e2c8a-9f3d-4e1b-a7c6-5d4f3e2b1a09';
const SESSION = '7d1f0c2e-3b4a-4c5d-8e6f-9a0b1c2d3e4f';

describe('tokenClaims', () => {
  it('answers the claims Ruche issues, ids canonical whatever their letter case', () => {
    expect(tokenClaims({ sub: USER.toUpperCase(), sid: SESSION.toUpperCase(), ver: 3 })).toEqual({
      id: USER,
      sessionId: SESSION,
      tokenVersion: 3,
    });
  });

  it('refuses anything else', () => {
    for (const claims of [
      {},
      { sub: USER, sid: SESSION },
      { sub: USER, sid: SESSION, ver: '0' },
      { sub: USER, sid: SESSION, ver: 1.5 },
      { sub: USER, sid: SESSION, ver: Number.MAX_SAFE_INTEGER + 1 },
      { sub: 'x', sid: SESSION, ver: 0 },
      { sub: USER, sid: `${SESSION} `, ver: 0 },
      { sub: [USER], sid: SESSION, ver: 0 },
    ]) {
      expect([claims, tokenClaims(claims)]).toEqual([claims, null]);
    }
  });
});
