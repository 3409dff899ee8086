import { ReplyTokens } from '@ruche/email';
import { useTestApp } from './support/test-app.js';

/** Reply addresses: random, stored hashed, one person and one thread each, expiring, revocable. */
describe('email reply tokens', () => {
  const t = useTestApp({ SMTP_INBOUND_DOMAIN: 'In.Ruche.Example' });
  let tokens: ReplyTokens;
  let alice: { id: string };
  let bob: { id: string };
  const postId = '6f1c2a4e-0000-4000-8000-000000000001';
  const otherPostId = '6f1c2a4e-0000-4000-8000-000000000002';

  beforeAll(async () => {
    tokens = t.app.get(ReplyTokens);
    // Token owners only need to exist (a foreign key): rows, not the sign-up flow.
    [alice, bob] = await t.sql<{ id: string }>(
      `INSERT INTO users (email, handle, display_name, password_hash)
       VALUES ('alice@corp.example', 'alice', 'Alice', 'x'), ('bob@corp.example', 'bob', 'Bob', 'x') RETURNING id`,
    );
  });

  it('issues a random token per person and thread, stored only as its SHA-256', async () => {
    const a = await tokens.issue(alice.id, { type: 'post', id: postId });
    const b = await tokens.issue(alice.id, { type: 'post', id: postId });
    expect(a).toMatch(/^[a-z2-7]{52}$/);
    expect(a).not.toBe(b);
    expect(await tokens.resolve(a)).toEqual({ userId: alice.id, thread: { type: 'post', id: postId } });
    expect(await tokens.resolve(a.toUpperCase())).toEqual({ userId: alice.id, thread: { type: 'post', id: postId } });

    const stored = await t.sql<{ token_hash: Buffer; hex: string }>(
      `SELECT token_hash, encode(token_hash, 'hex') AS hex FROM email_reply_tokens WHERE user_id = $1`,
      [alice.id],
    );
    expect(stored).toHaveLength(2);
    const all = JSON.stringify(await t.sql('SELECT * FROM email_reply_tokens'));
    expect(all).not.toContain(a);
    expect(stored.every((row) => row.token_hash.length === 32)).toBe(true);
  });

  it('gives the address on the inbound domain, and reads the token back only from that domain', async () => {
    const address = await tokens.issueAddress(bob.id, { type: 'question', id: otherPostId });
    expect(address).toMatch(/^reply\+[a-z2-7]{52}@in\.ruche\.example$/);
    const token = tokens.tokenOf(address)!;
    expect(await tokens.resolve(token)).toEqual({ userId: bob.id, thread: { type: 'question', id: otherPostId } });
    expect(tokens.tokenOf(address.replace('in.ruche.example', 'evil.example'))).toBeNull();
  });

  it('keeps a digest token without a thread id', async () => {
    const token = await tokens.issue(bob.id, { type: 'digest', id: null });
    expect(await tokens.resolve(token)).toEqual({ userId: bob.id, thread: { type: 'digest', id: null } });
    await expect(tokens.issue(bob.id, { type: 'post', id: null } as never)).rejects.toThrow();
  });

  it('resolves unknown, malformed and forged tokens to nothing', async () => {
    const real = await tokens.issue(alice.id, { type: 'idea', id: postId });
    const forged = real.slice(0, -2) + (real.at(-2) === 'a' ? 'b' : 'a') + real.at(-1);
    expect(await tokens.resolve(forged)).toBeNull();
    expect(await tokens.resolve('a'.repeat(52))).toBeNull();
    expect(await tokens.resolve('not-a-token')).toBeNull();
    expect(await tokens.resolve('')).toBeNull();
  });

  it('expires: a token past its time resolves to nothing', async () => {
    const token = await tokens.issue(alice.id, { type: 'post', id: otherPostId }, 1);
    expect(await tokens.resolve(token)).not.toBeNull();
    await t.sql(
      `UPDATE email_reply_tokens SET expires_at = now() - interval '1 second'
        WHERE user_id = $1 AND thread_id = $2`,
      [alice.id, otherPostId],
    );
    expect(await tokens.resolve(token)).toBeNull();
    expect(await tokens.revoke(token)).toBe(false);
  });

  it('revokes one token, or every token of a person for a thread, leaving the others', async () => {
    const one = await tokens.issue(bob.id, { type: 'post', id: postId });
    const two = await tokens.issue(bob.id, { type: 'post', id: postId });
    const other = await tokens.issue(bob.id, { type: 'post', id: otherPostId });
    const alices = await tokens.issue(alice.id, { type: 'post', id: postId });

    expect(await tokens.revoke(one)).toBe(true);
    expect(await tokens.revoke(one)).toBe(false);
    expect(await tokens.resolve(one)).toBeNull();
    expect(await tokens.resolve(two)).not.toBeNull();

    expect(await tokens.revokeFor(bob.id, { type: 'post', id: postId })).toBe(1);
    expect(await tokens.resolve(two)).toBeNull();
    expect(await tokens.resolve(other)).toEqual({ userId: bob.id, thread: { type: 'post', id: otherPostId } });
    expect(await tokens.resolve(alices)).toEqual({ userId: alice.id, thread: { type: 'post', id: postId } });

    expect(await tokens.revokeFor(bob.id)).toBeGreaterThanOrEqual(1);
    expect(await tokens.resolve(other)).toBeNull();
    expect(await tokens.resolve(alices)).not.toBeNull();
  });
});
