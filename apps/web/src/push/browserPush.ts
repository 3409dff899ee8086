/**
 * The browser's side of Web Push (#16): whether this browser can receive pushes here, the service
 * worker's registration, and the subscription made with the server's VAPID key. Every wait on the
 * browser is bounded: a service worker that never becomes ready must not leave a button spinning.
 */
import { pushApi } from '../api/push';

/** `insecure`: push and service workers need https (or localhost); over plain http the app works without them. */
export type PushSupport = 'ok' | 'insecure' | 'unsupported';

export function pushSupport(): PushSupport {
  if (typeof window === 'undefined') return 'unsupported';
  if (!window.isSecureContext) return 'insecure';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  return 'ok';
}

/** Registers /sw.js (built with the app) where it can run; a development server has none. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || pushSupport() === 'unsupported' || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}

const WAIT_MS = 10_000;

function within<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took too long`)), WAIT_MS))]);
}

async function registration(): Promise<ServiceWorkerRegistration> {
  const found = await within(navigator.serviceWorker.getRegistration('/'), 'The service worker');
  if (!found) throw new Error('The service worker is not installed: reload the page and try again.');
  return within(navigator.serviceWorker.ready, 'The service worker');
}

/** This browser's subscription, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (pushSupport() !== 'ok') return null;
  const found = await within(navigator.serviceWorker.getRegistration('/'), 'The service worker');
  return found ? within(found.pushManager.getSubscription(), 'The push subscription') : null;
}

export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * Asks the person's permission (the browser's own prompt), subscribes with the server's key and
 * tells the server. Resolves `denied` when the person (or a policy) refused notifications.
 */
export async function turnOnPush(publicKey: string): Promise<'on' | 'denied'> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const worker = await registration();
  let subscription = await within(worker.pushManager.getSubscription(), 'The push subscription');
  // A subscription made with another key (the server's key changed) cannot receive: start again.
  const key = subscription?.options.applicationServerKey;
  if (subscription && key && !sameBytes(new Uint8Array(key), keyBytes(publicKey))) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await within(
    worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }),
    'The push subscription',
  );
  await pushApi.subscribe(subscription.toJSON() as Parameters<typeof pushApi.subscribe>[0]);
  return 'on';
}

export async function turnOffPush(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await pushApi.unsubscribe(subscription.endpoint);
  await subscription.unsubscribe();
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
