import { request } from './client';

/** GET /api/push: the key to subscribe with, your subscribed browsers, your quiet hours (#16). */
export interface PushSettings {
  publicKey: string;
  subscriptions: number;
  quietHours: { start: string; end: string } | null;
  timeZone: string;
}

/** What `PushSubscription.toJSON()` gives. */
export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  expirationTime?: number | null;
}

export const pushApi = {
  settings: () => request<PushSettings>('GET', '/api/push'),
  subscribe: (subscription: BrowserSubscription) =>
    request<{ id: string; created: boolean }>('POST', '/api/push/subscriptions', {
      endpoint: subscription.endpoint,
      keys: subscription.keys,
    }),
  unsubscribe: (endpoint: string) => request<void>('DELETE', '/api/push/subscriptions', { endpoint }),
  setQuietHours: (quietHours: { start: string | null; end: string | null }) => request<PushSettings>('PUT', '/api/push/quiet-hours', quietHours),
  test: () => request<{ sent: number; gone: number; failed: number }>('POST', '/api/push/test'),
};
