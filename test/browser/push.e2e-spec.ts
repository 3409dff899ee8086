import { registerUser } from '../factories/user.factory.js';
import { signIn, useBrowserHarness } from './harness.js';

/**
 * The installable app and Web Push in Chromium (#16): the manifest and the service worker are
 * served and installed, and a push delivered to that service worker shows a system notification
 * with the server's words, which opens the app's page on a click. Chromium's own push service is
 * unreachable here, so the push is handed to the service worker through the DevTools protocol
 * (ServiceWorker.deliverPushMessage), as the Decisions of #16 say; the server's encryption of
 * that same payload is checked by test/push.e2e-spec.ts with a receiver that decrypts it.
 */

const h = useBrowserHarness();
const { newPage, scenario } = h;

beforeAll(async () => {
  await registerUser(h.t, { displayName: 'Site Admin' });
});

describe('installable app and push (browser)', () => {
  it('serves a manifest and a service worker that caches the shell and shows pushed notifications', () =>
    scenario('push-round-trip', async () => {
      const manifest = await h.t.http.get('/manifest.webmanifest').expect(200);
      expect(JSON.parse(manifest.text)).toMatchObject({ name: 'Ruche', start_url: '/', display: 'standalone' });
      const worker = await h.t.http.get('/sw.js').expect(200);
      expect(worker.headers['content-type']).toMatch(/javascript/);

      const alice = await registerUser(h.t, { displayName: 'Alice Push' });
      const page = await newPage();
      const origin = new URL(h.t.url).origin;
      await page.context().grantPermissions(['notifications'], { origin });
      const cdp = await page.context().newCDPSession(page);
      const registrations: { registrationId: string; scopeURL: string }[] = [];
      cdp.on('ServiceWorker.workerRegistrationUpdated', (event: { registrations: { registrationId: string; scopeURL: string }[] }) =>
        registrations.push(...event.registrations),
      );
      await cdp.send('ServiceWorker.enable');

      await signIn(page, alice);
      expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
      // The service worker installs and takes the page (bounded wait).
      const scope = await page.evaluate(async () => {
        const sw = (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<{ scope: string }> } } }).navigator.serviceWorker;
        const ready = await Promise.race([sw.ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
        return ready?.scope ?? null;
      });
      expect(scope).toBe(`${origin}/`);
      const registration = registrations.find((r) => r.scopeURL === `${origin}/`);
      expect(registration).toBeDefined();

      // The notifications page offers push on this (secure: loopback) origin.
      await page.goto('/notifications');
      await page.getByRole('heading', { name: 'Notifications on this device' }).waitFor();
      await page.getByRole('button', { name: 'Turn on push here' }).waitFor();

      // A push as the server sends it (libs/push PushMessage), delivered to the service worker.
      const message = { title: 'Bob mentioned you in a post', body: 'The roadmap is ready', url: '/notifications', tag: 'n-1' };
      await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: registration!.registrationId, data: JSON.stringify(message) });
      const shown = await page.evaluate(async () => {
        type Shown = { title: string; body: string; tag: string; data: { url: string } };
        const sw = (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<{ getNotifications(): Promise<Shown[]> }> } } }).navigator
          .serviceWorker;
        const ready = await sw.ready;
        for (let i = 0; i < 100; i++) {
          const found = await ready.getNotifications();
          if (found.length) return found.map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: n.data.url }));
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return [];
      });
      expect(shown).toEqual([{ title: message.title, body: message.body, tag: 'n-1', url: '/notifications' }]);

      // A push naming another origin's page opens the app's notifications instead.
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin,
        registrationId: registration!.registrationId,
        data: JSON.stringify({ ...message, tag: 'n-2', url: '//evil.example/phish' }),
      });
      const redirected = await page.evaluate(async () => {
        type Shown = { tag: string; data: { url: string } };
        const sw = (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<{ getNotifications(o: { tag: string }): Promise<Shown[]> }> } } })
          .navigator.serviceWorker;
        const ready = await sw.ready;
        for (let i = 0; i < 100; i++) {
          const [found] = await ready.getNotifications({ tag: 'n-2' });
          if (found) return found.data.url;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return null;
      });
      expect(redirected).toBe('/notifications');
    }));
});
