import { request } from './client';
import type { Body, Returns, Schema } from './schema';

/** GET /api/push: the key to subscribe with, your subscribed browsers, your quiet hours (#16). */
export type PushSettings = Schema<'PushSettingsView'>;

/** What `PushSubscription.toJSON()` gives. */
export type BrowserSubscription = Body<'/api/push/subscriptions', 'post'>;

export const pushApi = {
  settings: () => request<PushSettings>('GET', '/api/push'),
  subscribe: (subscription: BrowserSubscription) =>
    request<Returns<'/api/push/subscriptions', 'post'>>('POST', '/api/push/subscriptions', {
      endpoint: subscription.endpoint,
      keys: subscription.keys,
    }),
  unsubscribe: (endpoint: string) => request<void>('DELETE', '/api/push/subscriptions', { endpoint }),
  setQuietHours: (quietHours: Body<'/api/push/quiet-hours', 'put'>) =>
    request<PushSettings>('PUT', '/api/push/quiet-hours', quietHours),
  test: () => request<Returns<'/api/push/test', 'post'>>('POST', '/api/push/test'),
};
