import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Must-read announcements (owned by libs/announcements, issue #13): the all-staff email's
 * replacement. An announcement is company-wide (no group) or for one group, optionally narrowed to
 * departments and locations, published now or at `publish_at` (a timed job publishes it), and
 * unpinned once `expires_at` is past.
 *
 * The audience is fixed when it is published: `announcement_recipients` gets one row per person
 * it was addressed to, in the publishing transaction, with their department as it was then. That
 * table is the receipts' denominator (read = `acked_at` set); people who join later see the
 * announcement but are not counted. An acknowledgement updates the person's own row only (no
 * shared counter), so receipts are exact under any number of concurrent acknowledgements.
 * `announcement_reminders` holds one row per announcement and UTC day: a second reminder the same
 * day is the primary key's conflict (409).
 */
export class CreateAnnouncements1795422100000 implements MigrationInterface {
  name = 'CreateAnnouncements1795422100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE announcements (
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        author_id             uuid NOT NULL,
        group_id              uuid,
        title                 text NOT NULL,
        body                  text NOT NULL,
        -- Narrowing of the audience (folded comparisons against profiles); empty: no narrowing.
        audience_departments  text[] NOT NULL DEFAULT '{}',
        audience_locations    text[] NOT NULL DEFAULT '{}',
        publish_at            timestamptz(3) NOT NULL DEFAULT now(),
        -- Set by the publishing transaction (with the recipients); null while scheduled.
        published_at          timestamptz(3),
        expires_at            timestamptz(3),
        -- Set once the expiry was announced (announcement.expired).
        expired_at            timestamptz(3),
        recipient_count       integer NOT NULL DEFAULT 0,
        created_at            timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT announcements_pkey PRIMARY KEY (id),
        CONSTRAINT announcements_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT announcements_group_fk FOREIGN KEY (group_id) REFERENCES groups (id) ON DELETE CASCADE,
        CONSTRAINT announcements_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
        CONSTRAINT announcements_body_length CHECK (char_length(body) BETWEEN 1 AND 20000),
        CONSTRAINT announcements_audience_size CHECK (cardinality(audience_departments) <= 50 AND cardinality(audience_locations) <= 50),
        CONSTRAINT announcements_expires_after_publish CHECK (expires_at IS NULL OR expires_at > publish_at),
        CONSTRAINT announcements_recipient_count_not_negative CHECK (recipient_count >= 0)
      )`);
    // The timed job: scheduled ones whose time has come, and published ones whose expiry is due.
    await q.query('CREATE INDEX announcements_due_idx ON announcements (publish_at) WHERE published_at IS NULL');
    await q.query(
      'CREATE INDEX announcements_expiring_idx ON announcements (expires_at) WHERE expired_at IS NULL AND expires_at IS NOT NULL',
    );
    await q.query('CREATE INDEX announcements_group_idx ON announcements (group_id, publish_at DESC) WHERE group_id IS NOT NULL');
    await q.query('CREATE INDEX announcements_author_idx ON announcements (author_id, publish_at DESC)');

    await q.query(`
      CREATE TABLE announcement_recipients (
        announcement_id  uuid NOT NULL,
        user_id          uuid NOT NULL,
        -- The person's department when it was published (receipts by department).
        department       text NOT NULL DEFAULT '',
        acked_at         timestamptz(3),
        CONSTRAINT announcement_recipients_pkey PRIMARY KEY (announcement_id, user_id),
        CONSTRAINT announcement_recipients_announcement_fk FOREIGN KEY (announcement_id) REFERENCES announcements (id) ON DELETE CASCADE,
        CONSTRAINT announcement_recipients_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    // A person's announcements (mine, pinned) and the cascade when an account goes.
    await q.query('CREATE INDEX announcement_recipients_user_idx ON announcement_recipients (user_id, acked_at)');
    // The receipts' read and unread lists, in order.
    await q.query(
      'CREATE INDEX announcement_recipients_read_idx ON announcement_recipients (announcement_id, (acked_at IS NULL), user_id)',
    );

    await q.query(`
      CREATE TABLE announcement_reminders (
        announcement_id  uuid NOT NULL,
        day              date NOT NULL,
        sent_by          uuid,
        unread_count     integer NOT NULL,
        created_at       timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT announcement_reminders_pkey PRIMARY KEY (announcement_id, day),
        CONSTRAINT announcement_reminders_announcement_fk FOREIGN KEY (announcement_id) REFERENCES announcements (id) ON DELETE CASCADE,
        CONSTRAINT announcement_reminders_sent_by_fk FOREIGN KEY (sent_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE announcement_reminders');
    await q.query('DROP TABLE announcement_recipients');
    await q.query('DROP TABLE announcements');
  }
}
