import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { PushSettings } from './PushSettings';

const KEY = `B${'A'.repeat(86)}`;
const settings = (over = {}) => ({ publicKey: KEY, subscriptions: 0, quietHours: null, timeZone: 'Europe/Paris', ...over });

/** A browser that can push: a service worker registration whose push manager subscribes. */
function pushCapableBrowser(permission: NotificationPermission = 'granted') {
  let subscription: { endpoint: string; options: { applicationServerKey: ArrayBuffer | null }; toJSON(): object; unsubscribe(): Promise<boolean> } | null = null;
  const subscribe = vi.fn(async (options: { applicationServerKey: Uint8Array }) => {
    subscription = {
      endpoint: 'https://fcm.googleapis.com/fcm/send/device-1',
      options: { applicationServerKey: options.applicationServerKey.buffer as ArrayBuffer },
      toJSON: () => ({ endpoint: 'https://fcm.googleapis.com/fcm/send/device-1', expirationTime: null, keys: { p256dh: KEY, auth: 'AAAAAAAAAAAAAAAAAAAAAA' } }),
      unsubscribe: async () => {
        subscription = null;
        return true;
      },
    };
    return subscription;
  });
  const registration = { pushManager: { getSubscription: async () => subscription, subscribe } };
  vi.stubGlobal('isSecureContext', true);
  vi.stubGlobal('PushManager', class {});
  vi.stubGlobal('Notification', { permission, requestPermission: vi.fn(async () => permission) });
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { getRegistration: async () => registration, ready: Promise.resolve(registration) },
  });
  return { subscribe };
}

beforeEach(() => vi.stubGlobal('isSecureContext', true));
afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('PushSettings', () => {
  it('says why push cannot work over plain http, and offers no button that could not', () => {
    vi.stubGlobal('isSecureContext', false);
    answerApi(() => ({ status: 200, body: settings() }));
    renderUi(<PushSettings />, { signedIn: true });
    expect(screen.getByText(/need a secure connection \(https\)/)).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('subscribes this browser with the server’s key and tells the server', async () => {
    const browser = pushCapableBrowser();
    let count = 0;
    const calls = answerApi((call) => {
      if (call.path === '/api/push/subscriptions' && call.method === 'POST') {
        count = 1;
        return { status: 201, body: { id: 'x', created: true } };
      }
      if (call.path === '/api/push') return { status: 200, body: settings({ subscriptions: count }) };
      return undefined;
    });
    const { user } = renderUi(<PushSettings />, { signedIn: true });
    expect(await screen.findByText('Push is off for this browser.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Turn on push here' }));
    expect(await screen.findByText('Push is on for this browser.')).toBeInTheDocument();
    expect(Array.from(browser.subscribe.mock.calls[0][0].applicationServerKey as Uint8Array).slice(0, 2)).toEqual([4, 0]);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      endpoint: 'https://fcm.googleapis.com/fcm/send/device-1',
      keys: { p256dh: KEY, auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
    });
    await waitFor(() => expect(screen.getByText('1 browser of yours receives pushes.')).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Send me a test' })).toBeInTheDocument();
  });

  it('says so when notifications are blocked, and subscribes nothing', async () => {
    const browser = pushCapableBrowser('denied');
    answerApi((call) => (call.path === '/api/push' ? { status: 200, body: settings() } : undefined));
    const { user } = renderUi(<PushSettings />, { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Turn on push here' }));
    expect((await screen.findAllByRole('alert'))[0]).toHaveTextContent('Notifications are blocked for Ruche');
    expect(browser.subscribe).not.toHaveBeenCalled();
  });

  it('saves quiet hours in the person’s time zone', async () => {
    pushCapableBrowser();
    const calls = answerApi((call) => {
      if (call.path === '/api/push/quiet-hours') return { status: 200, body: settings({ quietHours: call.body }) };
      if (call.path === '/api/push') return { status: 200, body: settings() };
      return undefined;
    });
    const { user } = renderUi(<PushSettings />, { signedIn: true });
    expect(await screen.findByText('No quiet hours: pushes arrive at any time (your time zone: Europe/Paris).')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save quiet hours' }));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ start: '22:00', end: '07:00' });
    expect(await screen.findByText('Nothing is pushed between 22:00 and 07:00 (Europe/Paris); it waits here.')).toBeInTheDocument();
  });
});
