import { Inject, Injectable, Logger } from '@nestjs/common';
import { RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import webpush from 'web-push';
import { endpointAllowed } from './push-endpoints.js';
import type { PushSubscriptionRow } from './push-settings.service.js';
import { VapidKeyStore } from './vapid-keys.js';

/** What the service worker receives (apps/web/src/sw.ts shows it). */
export interface PushMessage {
  title: string;
  body: string;
  /** The app path to open on a click. */
  url: string;
  /** Replaces an earlier push with the same tag on the device (a notification that grew). */
  tag: string;
}

export type PushOutcome = 'sent' | 'gone' | 'failed';

/**
 * One Web Push delivery (RFC 8030), its payload encrypted for the browser (RFC 8291, aes128gcm)
 * and signed with the server's VAPID key (RFC 8292) by `web-push`, sent by Ruche's own request so
 * that the endpoint is checked again at send time (the allow-list may have changed), no redirect is
 * followed, and the wait is bounded.
 */
@Injectable()
export class PushSender {
  private readonly logger = new Logger('push');

  constructor(
    private readonly vapid: VapidKeyStore,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  async send(subscription: PushSubscriptionRow, message: PushMessage, options: { urgent: boolean; topic?: string }): Promise<PushOutcome> {
    const { push } = this.config;
    if (!endpointAllowed(subscription.endpoint, push.serviceHosts, push.testAllowHosts)) return 'gone';
    const keys = await this.vapid.keys();
    const request = webpush.generateRequestDetails(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      JSON.stringify(message),
      {
        vapidDetails: { subject: push.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: 24 * 3600,
        urgency: options.urgent ? 'high' : 'normal',
        topic: options.topic,
        contentEncoding: 'aes128gcm',
      },
    );
    // fetch sets the length of the body itself.
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'content-length'));
    try {
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers,
        body: request.body ? new Uint8Array(request.body) : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(push.timeoutMs),
      });
      await response.body?.cancel();
      if (response.status === 404 || response.status === 410) return 'gone';
      if (response.status >= 200 && response.status < 300) return 'sent';
      this.logger.warn({ msg: 'push refused', status: response.status, host: new URL(request.endpoint).host });
      return 'failed';
    } catch (error) {
      this.logger.warn({ msg: 'push failed', error: (error as Error).message, host: new URL(request.endpoint).host });
      return 'failed';
    }
  }
}
