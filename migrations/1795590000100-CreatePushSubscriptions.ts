import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web Push (#16, libs/push):
 * - `push_subscriptions`: one row per browser subscription (its endpoint at the browser's push
 *   service and the keys that encrypt payloads for it, RFC 8291). An endpoint is unique: the same
 *   browser signed in as someone else moves the subscription to them. Removed when the push service
 *   says it is gone (404/410).
 * - `push_settings`: a person's quiet hours, minutes after midnight in their own time zone (both set
 *   or both NULL; an end before the start spans midnight).
 * - `push_vapid_keys`: the server's VAPID key pair when none is configured, generated once by the
 *   first instance that needs it (one row: every instance signs with the same key, which browsers
 *   bind each subscription to).
 */
export class CreatePushSubscriptions1795590000100 implements MigrationInterface {
  name = 'CreatePushSubscriptions1795590000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE push_subscriptions (
        id              uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id         uuid NOT NULL,
        endpoint        text NOT NULL,
        p256dh          text NOT NULL,
        auth            text NOT NULL,
        user_agent      text NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        last_success_at timestamptz NULL,
        failures        integer NOT NULL DEFAULT 0,
        CONSTRAINT push_subscriptions_pkey PRIMARY KEY (id),
        CONSTRAINT push_subscriptions_endpoint_key UNIQUE (endpoint),
        CONSTRAINT push_subscriptions_endpoint_length CHECK (char_length(endpoint) <= 2048),
        CONSTRAINT push_subscriptions_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id)');
    await q.query(`
      CREATE TABLE push_settings (
        user_id     uuid NOT NULL,
        quiet_start smallint NULL,
        quiet_end   smallint NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT push_settings_pkey PRIMARY KEY (user_id),
        CONSTRAINT push_settings_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT push_settings_quiet_both CHECK ((quiet_start IS NULL) = (quiet_end IS NULL)),
        CONSTRAINT push_settings_quiet_range CHECK (quiet_start BETWEEN 0 AND 1439 AND quiet_end BETWEEN 0 AND 1439 AND quiet_start <> quiet_end)
      )`);
    await q.query(`
      CREATE TABLE push_vapid_keys (
        id          boolean NOT NULL DEFAULT true,
        public_key  text NOT NULL,
        private_key text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT push_vapid_keys_pkey PRIMARY KEY (id),
        CONSTRAINT push_vapid_keys_single CHECK (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE push_vapid_keys');
    await q.query('DROP TABLE push_settings');
    await q.query('DROP TABLE push_subscriptions');
  }
}
