/**
 * Ruche's service worker: the app shell precached (it opens without the network and starts at
 * once), client-side routes answered with the shell, and Web Push shown as system notifications.
 * The api, Socket.IO and files are never cached here: what a person may see is decided per request.
 * Built by vite-plugin-pwa (injectManifest) to /sw.js; registered by push/registerServiceWorker.ts.
 */
import { createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

/** The parts of ServiceWorkerGlobalScope used here (the webworker lib would clash with the DOM's). */
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  data: { json(): unknown } | null;
}
interface NotificationClickEvent extends ExtendableEvent {
  notification: Notification & { data?: { url?: string } };
}
interface WindowClient {
  url: string;
  focus(): Promise<WindowClient>;
  navigate(url: string): Promise<WindowClient | null>;
}
interface WorkerScope {
  __WB_MANIFEST: { url: string; revision: string | null }[];
  location: Location;
  registration: ServiceWorkerRegistration;
  clients: { matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>; openWindow(url: string): Promise<unknown> };
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationClickEvent) => void): void;
}
declare const self: WorkerScope;

/** What the server pushes (libs/push PushMessage). */
interface PushMessage {
  title: string;
  body: string;
  url: string;
  tag: string;
}

precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api(\/|$)/, /^\/socket\.io\//] }));

self.addEventListener('push', (event) => {
  const message = event.data?.json() as Partial<PushMessage> | undefined;
  if (!message?.title) return;
  // Only paths of this app are opened on a click, never another origin.
  const url = typeof message.url === 'string' && message.url.startsWith('/') && !message.url.startsWith('//') ? message.url : '/notifications';
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body ?? '',
      tag: message.tag,
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      data: { url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        await open.navigate(url);
      } else {
        await self.clients.openWindow(url);
      }
    }),
  );
});
