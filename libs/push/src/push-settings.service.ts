import { Inject, Injectable } from '@nestjs/common';
import { PeopleService } from '@ruche/people';
import { Database, invalid, RUCHE_CONFIG, type RucheConfig, rows } from '@ruche/platform';
import type { PushSettingsView, QuietHoursDto, SubscribeDto, SubscriptionView } from './dto.js';
import { endpointAllowed } from './push-endpoints.js';
import { minutesOf, type QuietHours, timeOf } from './quiet-hours.js';
import { VapidKeyStore } from './vapid-keys.js';

/** A person keeps at most this many browsers subscribed; the oldest go first. */
export const MAX_SUBSCRIPTIONS_PER_PERSON = 20;

export interface PushSubscriptionRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * A person's browsers subscribed to push and their quiet hours (owns push_subscriptions and
 * push_settings). An endpoint is unique: the browser of a shared desk signed in as someone else
 * moves its subscription to them, so pushes follow whoever is signed in there.
 */
@Injectable()
export class PushSettingsService {
  constructor(
    private readonly db: Database,
    private readonly vapid: VapidKeyStore,
    private readonly people: PeopleService,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  async view(userId: string): Promise<PushSettingsView> {
    const [{ publicKey }, [counted], quiet, locale] = await Promise.all([
      this.vapid.keys(),
      rows<{ n: number }>(this.db.manager, 'SELECT count(*)::int AS n FROM push_subscriptions WHERE user_id = $1', [userId]),
      this.quietHours(userId),
      this.people.localeSettings([userId]),
    ]);
    return {
      publicKey,
      subscriptions: counted.n,
      quietHours: quiet ? { start: timeOf(quiet.start), end: timeOf(quiet.end) } : null,
      timeZone: locale.get(userId)?.timeZone ?? 'UTC',
    };
  }

  async subscribe(userId: string, body: SubscribeDto, userAgent: string | undefined): Promise<SubscriptionView> {
    const { push } = this.config;
    if (!endpointAllowed(body.endpoint, push.serviceHosts, push.testAllowHosts))
      throw invalid('endpoint must be an https URL at a known push service', 'push_endpoint_not_allowed');
    const p256dh = Buffer.from(body.keys.p256dh, 'base64url');
    if (p256dh.length !== 65 || p256dh[0] !== 4) throw invalid('keys.p256dh must be an uncompressed P-256 public key (65 bytes)');
    if (Buffer.from(body.keys.auth, 'base64url').length !== 16) throw invalid('keys.auth must be 16 bytes');
    const [saved] = await rows<{ id: string; created: boolean }>(
      this.db.manager,
      `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, user_agent) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT push_subscriptions_endpoint_key DO UPDATE
          SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,
              user_agent = excluded.user_agent, failures = 0
       RETURNING id, (xmax = 0) AS created`,
      [userId, body.endpoint, body.keys.p256dh, body.keys.auth, userAgent?.slice(0, 300) ?? null],
    );
    await this.db.query(
      `DELETE FROM push_subscriptions WHERE user_id = $1 AND id NOT IN (
         SELECT id FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2)`,
      [userId, MAX_SUBSCRIPTIONS_PER_PERSON],
    );
    return saved;
  }

  /** Idempotent; someone else's endpoint is left alone (and looks the same). */
  async unsubscribe(userId: string, endpoint: string): Promise<void> {
    await this.db.query('DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2', [userId, endpoint]);
  }

  async setQuietHours(userId: string, body: QuietHoursDto): Promise<PushSettingsView> {
    if ((body.start === null) !== (body.end === null)) throw invalid('start and end are both times or both null');
    if (body.start === null || body.end === null) {
      await this.db.query('DELETE FROM push_settings WHERE user_id = $1', [userId]);
      return this.view(userId);
    }
    const start = minutesOf(body.start);
    const end = minutesOf(body.end);
    if (start === null || end === null) throw invalid('start and end must be times of day, HH:MM');
    if (start === end) throw invalid('quiet hours must not start and end at the same time');
    await this.db.query(
      `INSERT INTO push_settings (user_id, quiet_start, quiet_end) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT push_settings_pkey DO UPDATE
          SET quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, updated_at = now()`,
      [userId, start, end],
    );
    return this.view(userId);
  }

  async quietHours(userId: string): Promise<QuietHours | null> {
    const [found] = await rows<{ quiet_start: number; quiet_end: number }>(
      this.db.manager,
      'SELECT quiet_start, quiet_end FROM push_settings WHERE user_id = $1',
      [userId],
    );
    return found ? { start: found.quiet_start, end: found.quiet_end } : null;
  }

  /** Whether anyone at all has a browser subscribed. */
  async anySubscription(): Promise<boolean> {
    const [found] = await rows<{ any: boolean }>(this.db.manager, 'SELECT EXISTS (SELECT 1 FROM push_subscriptions) AS any');
    return found.any;
  }

  subscriptionsOf(userId: string): Promise<PushSubscriptionRow[]> {
    return rows<PushSubscriptionRow>(
      this.db.manager,
      'SELECT id, endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at',
      [userId],
    );
  }

  /** What a delivery said of a subscription: gone (removed), delivered, or failed (removed after many). */
  async recordOutcome(id: string, outcome: 'sent' | 'gone' | 'failed'): Promise<void> {
    if (outcome === 'gone') {
      await this.db.query('DELETE FROM push_subscriptions WHERE id = $1', [id]);
    } else if (outcome === 'sent') {
      await this.db.query('UPDATE push_subscriptions SET last_success_at = now(), failures = 0 WHERE id = $1', [id]);
    } else {
      await this.db.query(
        `WITH failed AS (UPDATE push_subscriptions SET failures = failures + 1 WHERE id = $1 RETURNING id, failures)
         DELETE FROM push_subscriptions s USING failed WHERE s.id = failed.id AND failed.failures >= 20`,
        [id],
      );
    }
  }
}
