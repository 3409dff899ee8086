import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnswer } from '@ruche/files';
import { sendFile, uploadFile } from './factories/file.factory.js';
import { registerUsers, type TestUser } from './factories/user.factory.js';
import { EICAR, FakeClamd } from './support/fake-clamd.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The virus-scanning hook: with CLAMAV_HOST set, every upload goes through clamd's INSTREAM before
 * it is stored, so nothing infected is ever attachable; a scanner that cannot answer refuses the
 * upload (503) rather than letting it through. clamd here is a stand-in on loopback speaking its
 * protocol (see test/support/fake-clamd.ts and the README for why).
 */
describe('files: virus scanning', () => {
  let t: TestApp;
  let clamd: FakeClamd;
  let alice: TestUser;

  beforeAll(async () => {
    clamd = new FakeClamd();
    const port = await clamd.start();
    t = await startTestApp({
      RUCHE_DATA_DIR: mkdtempSync(join(tmpdir(), 'ruche-scan-')),
      CLAMAV_HOST: '127.0.0.1',
      CLAMAV_PORT: String(port),
      CLAMAV_TIMEOUT_MS: '1000',
    });
    [alice] = await registerUsers(t, ['Alice']);
  });
  afterAll(async () => {
    await t.close();
    await clamd.stop();
  });

  beforeEach(() => {
    clamd.mode = 'scan';
  });

  const nothingStored = async () => expect(await t.sql('SELECT id FROM files WHERE owner_id = $1', [alice.id])).toEqual([]);

  it('refuses the EICAR test file (422 file_infected) and keeps nothing', async () => {
    const res = await sendFile(t, alice, `some text before\n${EICAR}\n`, 'harmless.txt');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'file_infected' });
    expect(res.body.message).toContain('Eicar-Test-Signature');
    await nothingStored();
  });

  it('stores a clean file after clamd has seen every byte of it', async () => {
    const content = Buffer.alloc(200_000, 'clean words ');
    const before = clamd.scanned.length;
    const file = await uploadFile(t, alice, content, 'clean.txt');
    expect(clamd.scanned.length).toBe(before + 1);
    expect(Buffer.compare(clamd.scanned.at(-1)!, content)).toBe(0);
    const res = await t.http
      .post('/api/posts')
      .set('Authorization', alice.auth)
      .send({ body: 'Scanned', attachmentIds: [file.id] });
    expect(res.status).toBe(201);
    await t.sql('DELETE FROM posts');
    await t.sql('DELETE FROM files');
  });

  it('refuses uploads while the scanner is down, hangs or errs (503), keeping nothing', async () => {
    for (const mode of ['reset', 'hang', 'error'] as const) {
      clamd.mode = mode;
      const res = await sendFile(t, alice, 'would be fine', 'fine.txt');
      expect({ mode, status: res.status }).toEqual({ mode, status: 503 });
    }
    await nothingStored();
  });

  it('reads clamd’s answers', () => {
    expect(parseAnswer('stream: OK\0')).toEqual({ clean: true });
    expect(parseAnswer('stream: Win.Test.EICAR_HDB-1 FOUND')).toEqual({ clean: false, signature: 'Win.Test.EICAR_HDB-1' });
    expect(() => parseAnswer('INSTREAM size limit exceeded. ERROR')).toThrow(/clamd answered/);
  });
});

/**
 * The same hook against Debian's real clamd (package clamav-daemon), when it is installed: it
 * cannot download signatures here, so the setup writes a one-line custom signature database for
 * the EICAR string and starts clamd on a loopback port of its own.
 */
const CLAMD = '/usr/sbin/clamd';
(existsSync(CLAMD) ? describe : describe.skip)('files: virus scanning with a real clamd', () => {
  let t: TestApp;
  let daemon: ChildProcess;
  let alice: TestUser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ruche-clamd-'));
    const port = await freePort();
    writeFileSync(join(dir, 'eicar.ndb'), `Ruche.Test.EICAR:0:*:${Buffer.from(EICAR).toString('hex')}\n`);
    writeFileSync(
      join(dir, 'clamd.conf'),
      [
        `Foreground yes`,
        `TCPSocket ${port}`,
        `TCPAddr 127.0.0.1`,
        `DatabaseDirectory ${dir}`,
        `LogFile ${join(dir, 'clamd.log')}`,
        `PidFile ${join(dir, 'clamd.pid')}`,
      ].join('\n') + '\n',
    );
    daemon = spawn(CLAMD, [`--config-file=${join(dir, 'clamd.conf')}`], { stdio: 'ignore' });
    await waitForPing(port, 30_000);
    t = await startTestApp({ RUCHE_DATA_DIR: join(dir, 'data'), CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(port) });
    [alice] = await registerUsers(t, ['Alice']);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    daemon?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('clamd refuses EICAR inside a file and passes a clean one', async () => {
    const infected = await sendFile(t, alice, `notes\n${EICAR}\nmore notes`, 'notes.txt');
    expect(infected.status).toBe(422);
    expect(infected.body).toMatchObject({ code: 'file_infected' });
    expect(infected.body.message).toContain('Ruche.Test.EICAR');
    expect(await t.sql('SELECT id FROM files')).toEqual([]);
    const clean = await uploadFile(t, alice, 'nothing to see here', 'clean.txt');
    expect(clean.contentType).toBe('text/plain');
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Until clamd answers PING (it loads its database first), at most `timeoutMs`. */
async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pong = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('zPING\0'));
      let answer = '';
      socket.setTimeout(1000, () => socket.destroy());
      socket.on('data', (data) => (answer += data.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', () => resolve(''));
    });
    if (pong.startsWith('PONG')) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`clamd did not answer on port ${port} within ${timeoutMs} ms`);
}
