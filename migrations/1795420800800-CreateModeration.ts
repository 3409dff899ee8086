import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation (owned by libs/moderation): reports and review cases, settings (auto-hide threshold,
 * blocked terms), the append-only audit log, and the company guidelines with who accepted which
 * version.
 *
 * Content itself (posts, comments, ideas...) is not referenced by foreign key: it belongs to other
 * modules, which are asked through the ContentTargets registry and told what to apply by events.
 */
export class CreateModeration1795420800800 implements MigrationInterface {
  name = 'CreateModeration1795420800800';

  async up(q: QueryRunner): Promise<void> {
    // One row, always there: the service reads and updates it, never inserts.
    await q.query(`
      CREATE TABLE moderation_settings (
        id                   smallint NOT NULL DEFAULT 1,
        auto_hide_threshold  integer NOT NULL DEFAULT 3,
        blocked_terms        text[] NOT NULL DEFAULT '{}',
        updated_by           uuid,
        updated_at           timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT moderation_settings_pkey PRIMARY KEY (id),
        CONSTRAINT moderation_settings_single_row CHECK (id = 1),
        CONSTRAINT moderation_settings_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT moderation_settings_threshold_range CHECK (auto_hide_threshold BETWEEN 1 AND 1000),
        CONSTRAINT moderation_settings_terms_count CHECK (cardinality(blocked_terms) <= 1000)
      )`);
    await q.query('INSERT INTO moderation_settings (id) VALUES (1)');

    // A case gathers everything about one piece of content until a reviewer decides: the reports,
    // an automatic hide, a hold by blocked terms. At most one open case per target.
    await q.query(`
      CREATE TABLE moderation_cases (
        id               uuid NOT NULL DEFAULT gen_random_uuid(),
        target_type      text NOT NULL,
        target_id        uuid NOT NULL,
        -- Where the content lives when the case opened (its group's owners and admins may act on it).
        group_id         uuid,
        author_id        uuid,
        status           text NOT NULL DEFAULT 'open',
        -- The moderation state this case applied to the content: visible, or hidden (auto-hide),
        -- held (blocked terms); after the decision, what the decision applied.
        state            text NOT NULL DEFAULT 'visible',
        -- Reports by people (system reports for held content are not counted).
        report_count     integer NOT NULL DEFAULT 0,
        held_terms       text[] NOT NULL DEFAULT '{}',
        auto_hidden_at   timestamptz(3),
        opened_at        timestamptz(3) NOT NULL DEFAULT now(),
        last_reported_at timestamptz(3) NOT NULL DEFAULT now(),
        action           text,
        note             text,
        resolved_by      uuid,
        resolved_at      timestamptz(3),
        CONSTRAINT moderation_cases_pkey PRIMARY KEY (id),
        CONSTRAINT moderation_cases_resolved_by_fk FOREIGN KEY (resolved_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT moderation_cases_target_type_known CHECK (target_type IN ('post', 'comment', 'idea', 'question', 'answer')),
        CONSTRAINT moderation_cases_status_known CHECK (status IN ('open', 'resolved')),
        CONSTRAINT moderation_cases_state_known CHECK (state IN ('visible', 'hidden', 'removed', 'held')),
        CONSTRAINT moderation_cases_action_known CHECK (action IS NULL OR action IN ('dismiss', 'hide', 'remove')),
        CONSTRAINT moderation_cases_resolution_complete CHECK (
          (status = 'open') = (action IS NULL AND resolved_at IS NULL)
        ),
        CONSTRAINT moderation_cases_note_length CHECK (note IS NULL OR char_length(note) <= 1000),
        CONSTRAINT moderation_cases_report_count_not_negative CHECK (report_count >= 0)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX moderation_cases_one_open_idx ON moderation_cases (target_type, target_id) WHERE status = 'open'`,
    );
    // The review queue, oldest first: everything (moderators), or per group (group owners and admins).
    await q.query(`CREATE INDEX moderation_cases_queue_idx ON moderation_cases (opened_at, id) WHERE status = 'open'`);
    await q.query(
      `CREATE INDEX moderation_cases_group_queue_idx ON moderation_cases (group_id, opened_at, id) WHERE status = 'open'`,
    );
    await q.query('CREATE INDEX moderation_cases_target_idx ON moderation_cases (target_type, target_id)');

    // One report per person per target, ever: reporting again returns the same report.
    // reporter_id NULL: raised by the system (content held for blocked terms).
    await q.query(`
      CREATE TABLE reports (
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id      uuid NOT NULL,
        target_type  text NOT NULL,
        target_id    uuid NOT NULL,
        reporter_id  uuid,
        reason       text NOT NULL,
        status       text NOT NULL DEFAULT 'open',
        created_at   timestamptz(3) NOT NULL DEFAULT now(),
        resolved_at  timestamptz(3),
        CONSTRAINT reports_pkey PRIMARY KEY (id),
        CONSTRAINT reports_case_fk FOREIGN KEY (case_id) REFERENCES moderation_cases (id) ON DELETE CASCADE,
        CONSTRAINT reports_reporter_fk FOREIGN KEY (reporter_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT reports_one_per_reporter UNIQUE (target_type, target_id, reporter_id),
        CONSTRAINT reports_target_type_known CHECK (target_type IN ('post', 'comment', 'idea', 'question', 'answer')),
        CONSTRAINT reports_status_known CHECK (status IN ('open', 'resolved')),
        CONSTRAINT reports_resolved_iff_resolved_at CHECK ((status = 'resolved') = (resolved_at IS NOT NULL)),
        CONSTRAINT reports_reason_length CHECK (char_length(reason) BETWEEN 1 AND 1000)
      )`);
    await q.query('CREATE INDEX reports_case_idx ON reports (case_id, created_at, id)');
    await q.query('CREATE INDEX reports_reporter_idx ON reports (reporter_id)');

    // Append-only: rows come from domain events (one per event, so a redelivery never doubles a
    // row, and the event id orders the log); no code path updates or deletes them, and the
    // triggers below refuse it anyway.
    // No foreign keys on purpose: the record outlives the people and things it names.
    await q.query(`
      CREATE TABLE audit_log (
        id               uuid NOT NULL DEFAULT gen_random_uuid(),
        source_event_id  bigint NOT NULL,
        actor_id         uuid,
        action           text NOT NULL,
        target_type      text NOT NULL,
        target_id        uuid,
        group_id         uuid,
        note             text,
        details          jsonb NOT NULL DEFAULT '{}',
        -- When the action happened (the event's time); recorded_at is when it was written here.
        created_at       timestamptz(3) NOT NULL,
        recorded_at      timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT audit_log_pkey PRIMARY KEY (id),
        CONSTRAINT audit_log_one_per_event UNIQUE (source_event_id),
        CONSTRAINT audit_log_action_length CHECK (char_length(action) BETWEEN 1 AND 100),
        CONSTRAINT audit_log_note_length CHECK (note IS NULL OR char_length(note) <= 2000)
      )`);
    // Listed newest first in event order (audit_log_one_per_event serves the whole log), or narrowed.
    await q.query('CREATE INDEX audit_log_target_idx ON audit_log (target_id, source_event_id)');
    await q.query('CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, source_event_id)');
    await q.query('CREATE INDEX audit_log_action_idx ON audit_log (action, source_event_id)');
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);

    // Company-wide guidelines, Markdown, versioned 1, 2, 3... (numbered under a lock, no gaps).
    await q.query(`
      CREATE TABLE guidelines (
        version     integer NOT NULL,
        body        text NOT NULL,
        created_by  uuid,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT guidelines_pkey PRIMARY KEY (version),
        CONSTRAINT guidelines_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT guidelines_version_positive CHECK (version >= 1),
        CONSTRAINT guidelines_body_length CHECK (char_length(body) BETWEEN 1 AND 50000)
      )`);
    await q.query(`
      CREATE TABLE guideline_acceptances (
        user_id      uuid NOT NULL,
        version      integer NOT NULL,
        accepted_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT guideline_acceptances_pkey PRIMARY KEY (user_id, version),
        CONSTRAINT guideline_acceptances_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT guideline_acceptances_version_fk FOREIGN KEY (version) REFERENCES guidelines (version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE guideline_acceptances');
    await q.query('DROP TABLE guidelines');
    await q.query('DROP TABLE audit_log');
    await q.query('DROP FUNCTION audit_log_refuse_change()');
    await q.query('DROP TABLE reports');
    await q.query('DROP TABLE moderation_cases');
    await q.query('DROP TABLE moderation_settings');
  }
}
