import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files (libs/files, issue #14): uploads, what they are attached to, and each person's usage.
 *
 * - `files`: one row per upload. `storage_key` names the original in the configured storage (disk
 *   or S3); images also have a thumbnail and a web rendition under the same key with a suffix.
 *   A file belongs to one item at most (`item_type`, `item_id`, both set or both null). An
 *   unattached file carries `expires_at` (a day after upload or detachment) and is swept after it;
 *   an attached one has none. `position` keeps the order the author gave. `deleted_at` marks a file whose item was deleted: nobody may read it
 *   any more, and the purge removes its bytes, then the row.
 * - `file_usage`: bytes stored per person, moved in the same transaction as the rows, so the quota
 *   is checked with one conditional UPDATE on the person's row (its lock serialises concurrent
 *   uploads by the same person).
 */
export class CreateFiles1795422500000 implements MigrationInterface {
  name = 'CreateFiles1795422500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE files (
        id            uuid NOT NULL,
        owner_id      uuid NOT NULL,
        name          text NOT NULL,
        size          bigint NOT NULL,
        content_type  text NOT NULL,
        sha256        text NOT NULL,
        storage_key   text NOT NULL,
        width         integer,
        height        integer,
        alt           text,
        has_thumbnail boolean NOT NULL DEFAULT false,
        has_web       boolean NOT NULL DEFAULT false,
        item_type     text,
        item_id       uuid,
        attached_at   timestamptz,
        position      integer,
        expires_at    timestamptz,
        deleted_at    timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT files_pkey PRIMARY KEY (id),
        CONSTRAINT files_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT files_size_check CHECK (size >= 0),
        CONSTRAINT files_name_check CHECK (length(name) BETWEEN 1 AND 255),
        CONSTRAINT files_alt_check CHECK (alt IS NULL OR length(alt) <= 1000),
        CONSTRAINT files_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT files_item_check CHECK ((item_type IS NULL) = (item_id IS NULL)),
        CONSTRAINT files_item_type_check CHECK (item_type IN ('post', 'comment', 'question', 'answer', 'idea')),
        CONSTRAINT files_unattached_expire_check CHECK (item_id IS NOT NULL OR expires_at IS NOT NULL)
      )`);
    await q.query('CREATE INDEX files_item_idx ON files (item_type, item_id) WHERE item_id IS NOT NULL');
    await q.query('CREATE INDEX files_expires_at_idx ON files (expires_at) WHERE expires_at IS NOT NULL');
    await q.query('CREATE INDEX files_deleted_at_idx ON files (deleted_at) WHERE deleted_at IS NOT NULL');
    await q.query('CREATE INDEX files_owner_idx ON files (owner_id)');
    await q.query(`
      CREATE TABLE file_usage (
        user_id  uuid NOT NULL,
        bytes    bigint NOT NULL DEFAULT 0,
        CONSTRAINT file_usage_pkey PRIMARY KEY (user_id),
        CONSTRAINT file_usage_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT file_usage_bytes_check CHECK (bytes >= 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE file_usage');
    await q.query('DROP TABLE files');
  }
}
