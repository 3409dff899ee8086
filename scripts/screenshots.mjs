// README screenshots (#16): starts the built app on a fresh embedded database (so the demo company
// and its six weeks of history are seeded, as on a first `npm start`), signs in as a demo person in
// Chromium and saves the main pages as PNGs (1280x800, phone 390x844) in docs/screenshots/.
//
//   npm run build && npm run screenshots
//
// Needs Node 24 (it imports test/browser/chromium.ts for the same Chromium and flags as the browser
// tests) and Debian's chromium. SCREENSHOTS_DATA_DIR=<dir> uses (and keeps) that data directory: a
// second run there skips the seeding (the demo company is already in it).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ensureChromium, launchChromium } from '../test/browser/chromium.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'docs', 'screenshots');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'ruche-demo-2026';
const WHO = 'camille.martin@demo.ruche.example';
/** The README shows them small: a PNG above this is re-encoded with a palette. */
const MAX_BYTES = 200_000;

if (!existsSync(MAIN)) throw new Error('build the app first: npm run build');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** The app on its embedded database; resolves once the demo company is there (seeded now, or before). */
async function startApp(dataDir, port) {
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    RUCHE_DATA_DIR: dataDir,
    RUCHE_DEMO: '1',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  const app = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise((resolve, reject) => {
    app.once('exit', (code) => reject(new Error(`the app stopped (${code}) before it was ready:\n${out.slice(-2000)}`)));
    app.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      out += text;
      for (const line of text.split('\n')) if (line.includes('"demo data')) process.stdout.write(`  ${line.slice(0, 160)}\n`);
      if (out.includes('Demo logins') || out.includes('demo data skipped')) resolve();
    });
  });
  return app;
}

async function api(base, token, path) {
  const res = await globalThis.fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return res.json();
}

/** Until the page's requests are answered (a live connection may keep it from ever being idle). */
const settled = (page) => page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);

/** Saves what the window shows: the top of the page, or from the text `focus` on. */
async function save(page, name, focus) {
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  if (focus) {
    await page
      .getByText(focus, { exact: true })
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => globalThis.scrollBy(0, -140));
  }
  await page.waitForTimeout(600);
  let png = await page.screenshot({ type: 'png' });
  if (png.length > MAX_BYTES) png = await sharp(png).png({ palette: true, quality: 90, effort: 10 }).toBuffer();
  writeFileSync(join(OUT, `${name}.png`), png);
  console.log(`  ${name}.png ${Math.round(png.length / 1024)} KB`);
}

const dataDir = process.env.SCREENSHOTS_DATA_DIR || mkdtempSync(join(tmpdir(), 'ruche-screenshots-'));
mkdirSync(dataDir, { recursive: true });
// The embedded PostgreSQL runs as the postgres OS user when started as root: it must reach this.
chmodSync(dataDir, 0o755);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const started = Date.now();
console.log(`starting Ruche on ${base} (data in ${dataDir})`);
const app = await startApp(dataDir, port);
console.log(`ready with the demo company in ${Math.round((Date.now() - started) / 1000)} s`);
const browser = await launchChromium(ensureChromium());
try {
  mkdirSync(OUT, { recursive: true });
  const login = await globalThis
    .fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: WHO, password: PASSWORD }),
    })
    .then((r) => r.json());
  const token = login.accessToken;
  const groups = await api(base, token, '/api/groups?limit=100');
  const group = groups.items.find((g) => g.name === 'Cloud & Kubernetes');
  const answered = await api(base, token, '/api/questions?status=answered&limit=50');
  // The liveliest thread: several answers, one accepted.
  const question = answered.items
    .filter((q) => q.acceptedAnswerId)
    .sort((a, b) => b.answerCount - a.answerCount)[0];
  const campaigns = await api(base, token, '/api/campaigns');
  const campaign = campaigns.items.find((c) => c.status === 'closed') ?? campaigns.items[0];

  const context = await browser.newContext({ baseURL: base, locale: 'en-US', viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('Work email').fill(WHO);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('textbox', { name: 'Share something with your colleagues' }).waitFor();
  await page.getByRole('article').first().waitFor();
  await save(page, 'home-feed');

  const shots = [
    ['group', `/groups/${group.id}`],
    ['questions', '/questions'],
    ['question', `/questions/${question.id}`],
    ['campaign', `/campaigns/${campaign.id}`],
    ['analytics', '/manage/analytics', 'Idea funnel'],
    ['notifications', '/notifications'],
  ];
  for (const [name, path, focus] of shots) {
    await page.goto(path);
    await settled(page);
    await save(page, name, focus);
  }
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await page.getByRole('article').first().waitFor();
  await settled(page);
  await save(page, 'phone-feed');
} finally {
  await browser.close();
  app.kill('SIGTERM');
  await new Promise((resolve) => app.once('exit', resolve));
  if (!process.env.SCREENSHOTS_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
}
