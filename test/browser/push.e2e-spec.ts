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
      cdp.on(
        'ServiceWorker.workerRegistrationUpdated',
        (event: { registrations: { registrationId: string; scopeURL: string }[] }) => registrations.push(...event.registrations),
      );
      await cdp.send('ServiceWorker.enable');

      await signIn(page, alice);
      expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
      // The service worker installs and is activated (bounded wait): `ready` resolves while the
      // worker may still be activating, and a push handed over then can be dropped under load.
      const scope = await page.evaluate(async () => {
        type Worker = { state: string; addEventListener(type: 'statechange', listener: () => void): void };
        const sw = (
          globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<{ scope: string; active: Worker | null }> } } }
        ).navigator.serviceWorker;
        const timeout = <T>(ms: number) => new Promise<T | null>((resolve) => setTimeout(() => resolve(null), ms));
        const ready = await Promise.race([sw.ready, timeout<{ scope: string; active: Worker | null }>(15_000)]);
        const active = ready?.active;
        if (!active) return null;
        if (active.state !== 'activated') {
          const activated = new Promise<true>((resolve) =>
            active.addEventListener('statechange', () => active.state === 'activated' && resolve(true)),
          );
          if (!(await Promise.race([activated, timeout<true>(15_000)]))) return null;
        }
        return ready.scope;
      });
      expect(scope).toBe(`${origin}/`);
      const registration = registrations.find((r) => r.scopeURL === `${origin}/`);
      expect(registration).toBeDefined();

      // The notifications page offers push on this (secure: loopback) origin.
      await page.goto('/notifications');
      await page.getByRole('heading', { name: 'Notifications on this device' }).waitFor();
      await page.getByRole('button', { name: 'Turn on push here' }).waitFor();

      // A push handed to the service worker, and the notification it shows under that tag. The
      // DevTools hand-over is fire-and-forget, so a push not shown within 3 s is handed over again
      // (a notification replaces its tag's earlier one, so a repeat never shows twice).
      const pushAndFind = async (data: object, tag: string) => {
        for (let attempt = 0; attempt < 4; attempt++) {
          await cdp.send('ServiceWorker.deliverPushMessage', {
            origin,
            registrationId: registration!.registrationId,
            data: JSON.stringify(data),
          });
          const found = await page.evaluate(async (wanted) => {
            type Shown = { title: string; body: string; tag: string; data: { url: string } };
            const sw = (
              globalThis as unknown as {
                navigator: { serviceWorker: { ready: Promise<{ getNotifications(o: { tag: string }): Promise<Shown[]> }> } };
              }
            ).navigator.serviceWorker;
            const ready = await sw.ready;
            for (let i = 0; i < 30; i++) {
              const shown = await ready.getNotifications({ tag: wanted });
              if (shown.length) return shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: n.data.url }));
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
            return null;
          }, tag);
          if (found) return found;
        }
        return [];
      };

      // A push as the server sends it (libs/push PushMessage).
      const message = { title: 'Bob mentioned you in a post', body: 'The roadmap is ready', url: '/notifications', tag: 'n-1' };
      expect(await pushAndFind(message, 'n-1')).toEqual([
        { title: message.title, body: message.body, tag: 'n-1', url: '/notifications' },
      ]);

      // A push naming another origin's page opens the app's notifications instead.
      const redirected = await pushAndFind({ ...message, tag: 'n-2', url: '//evil.example/phish' }, 'n-2');
      expect(redirected.map((n) => n.url)).toEqual(['/notifications']);
    }));
});
