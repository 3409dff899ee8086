import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification store (owned by libs/notifications): one row per person told about something,
 * their preferences per kind, what they muted, and when each was last sent the daily digest.
 *
 * A row never copies the text it is about: `payload` holds ids and counts only, and the subject is
 * re-checked for visibility whenever the row is read. The database guards the invariants the
 * listeners rely on: one row per (recipient, source event, kind), so a redelivered event never
 * duplicates; at most one unread row per group key (grouped reactions grow that row instead of
 * adding one); nobody is ever their own actor.
 */
export class CreateNotifications1795421000300 implements MigrationInterface {
  name = 'CreateNotifications1795421000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id               uuid NOT NULL DEFAULT gen_random_uuid(),
        recipient_id     uuid NOT NULL,
        kind             text NOT NULL,
        -- The latest actor (NULL when the actor's account is gone).
        actor_id         uuid,
        -- Grouped kinds: everyone who did it while the row was unread, latest first, each once.
        actors           uuid[] NOT NULL DEFAULT '{}',
        actor_count      integer NOT NULL DEFAULT 1,
        subject_type     text NOT NULL,
        subject_id       uuid NOT NULL,
        -- Grouped kinds only, e.g. 'reaction:<postId>'.
        group_key        text,
        -- Ids and counts only, never text.
        payload          jsonb NOT NULL DEFAULT '{}',
        -- The outbox event (seq) that produced the row, or last grew it.
        source_event_id  bigint NOT NULL,
        created_at       timestamptz(3) NOT NULL DEFAULT now(),
        read_at          timestamptz(3),
        CONSTRAINT notifications_pkey PRIMARY KEY (id),
        CONSTRAINT notifications_recipient_fk FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT notifications_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT notifications_source_unique UNIQUE (recipient_id, source_event_id, kind),
        CONSTRAINT notifications_kind_known CHECK (kind IN (
          'mention', 'group.mention', 'comment', 'reaction', 'follow', 'group.request', 'group.approved',
          'question.routed', 'answer', 'answer.accepted', 'idea.status', 'idea.review', 'idea.comment', 'report.resolved')),
        CONSTRAINT notifications_not_self CHECK (actor_id IS DISTINCT FROM recipient_id AND NOT (recipient_id = ANY (actors))),
        CONSTRAINT notifications_actor_count_positive CHECK (actor_count >= 1),
        CONSTRAINT notifications_payload_small CHECK (octet_length(payload::text) <= 2000)
      )`);
    // The open group row a new grouped notification grows (and the guard that there is only one).
    await q.query(
      `CREATE UNIQUE INDEX notifications_open_group_idx ON notifications (recipient_id, group_key)
        WHERE read_at IS NULL AND group_key IS NOT NULL`,
    );
    // A person's list, newest first, and the unread part of it (list with ?unread=true, the count).
    await q.query('CREATE INDEX notifications_recipient_recent_idx ON notifications (recipient_id, created_at DESC, id DESC)');
    await q.query(
      `CREATE INDEX notifications_recipient_unread_idx ON notifications (recipient_id, created_at DESC, id DESC)
        WHERE read_at IS NULL`,
    );

    // Absent row: the kind is on (everything is on by default).
    await q.query(`
      CREATE TABLE notification_preferences (
        user_id     uuid NOT NULL,
        kind        text NOT NULL,
        enabled     boolean NOT NULL,
        updated_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT notification_preferences_pkey PRIMARY KEY (user_id, kind),
        CONSTRAINT notification_preferences_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE notification_mutes (
        user_id       uuid NOT NULL,
        subject_type  text NOT NULL,
        subject_id    uuid NOT NULL,
        created_at    timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT notification_mutes_pkey PRIMARY KEY (user_id, subject_type, subject_id),
        CONSTRAINT notification_mutes_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT notification_mutes_type_known CHECK (subject_type IN ('post', 'group'))
      )`);
    // "Who muted this post / group" when a notification about it is written.
    await q.query('CREATE INDEX notification_mutes_subject_idx ON notification_mutes (subject_type, subject_id)');
    await q.query('CREATE INDEX notification_mutes_recent_idx ON notification_mutes (user_id, created_at DESC, subject_id DESC)');

    // The daily digest email (only with SMTP_URL set): when each person was last sent one.
    await q.query(`
      CREATE TABLE digest_deliveries (
        user_id  uuid NOT NULL,
        sent_at  timestamptz(3) NOT NULL,
        CONSTRAINT digest_deliveries_pkey PRIMARY KEY (user_id),
        CONSTRAINT digest_deliveries_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE digest_deliveries');
    await q.query('DROP TABLE notification_mutes');
    await q.query('DROP TABLE notification_preferences');
    await q.query('DROP TABLE notifications');
  }
}
