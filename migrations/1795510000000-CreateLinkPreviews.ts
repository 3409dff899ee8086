import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Link previews (libs/previews, issue #14).
 *
 * - `link_previews`: one row per normalised URL, shared by every item that links it (the cache).
 *   `status` pending → ready | failed; `expires_at` is when it is fetched again (a day for a
 *   preview, half an hour for a failure by default); `claimed_until` lets one worker fetch it at a
 *   time. `image_file_id` is the card's image, a `files` row attached to the preview
 *   (`item_type = 'link_preview'`).
 * - `link_preview_uses`: which items link which previews, in the order written, replaced on edit.
 * - `link_preview_rules`: the admins' allow/deny list of hosts (a rule covers subdomains).
 */
export class CreateLinkPreviews1795510000000 implements MigrationInterface {
  name = 'CreateLinkPreviews1795510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE link_previews (
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        url            text NOT NULL,
        status         text NOT NULL DEFAULT 'pending',
        final_url      text,
        title          text,
        description    text,
        site_name      text,
        image_file_id  uuid,
        failure        text,
        requested_by   uuid,
        fetched_at     timestamptz,
        expires_at     timestamptz NOT NULL DEFAULT now(),
        claimed_until  timestamptz,
        created_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT link_previews_pkey PRIMARY KEY (id),
        CONSTRAINT link_previews_url_key UNIQUE (url),
        CONSTRAINT link_previews_url_check CHECK (length(url) BETWEEN 8 AND 2048),
        CONSTRAINT link_previews_status_check CHECK (status IN ('pending', 'ready', 'failed')),
        CONSTRAINT link_previews_image_fk FOREIGN KEY (image_file_id) REFERENCES files (id) ON DELETE SET NULL,
        CONSTRAINT link_previews_requested_by_fk FOREIGN KEY (requested_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await q.query(`
      CREATE TABLE link_preview_uses (
        item_type   text NOT NULL,
        item_id     uuid NOT NULL,
        preview_id  uuid NOT NULL,
        position    integer NOT NULL,
        CONSTRAINT link_preview_uses_pkey PRIMARY KEY (item_type, item_id, preview_id),
        CONSTRAINT link_preview_uses_preview_fk FOREIGN KEY (preview_id) REFERENCES link_previews (id) ON DELETE CASCADE,
        CONSTRAINT link_preview_uses_item_type_check CHECK (item_type IN ('post'))
      )`);
    await q.query('CREATE INDEX link_preview_uses_preview_idx ON link_preview_uses (preview_id)');
    await q.query(`
      CREATE TABLE link_preview_rules (
        host        text NOT NULL,
        rule        text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT link_preview_rules_pkey PRIMARY KEY (host),
        CONSTRAINT link_preview_rules_rule_check CHECK (rule IN ('allow', 'deny'))
      )`);
    await q.query('ALTER TABLE files DROP CONSTRAINT files_item_type_check');
    await q.query(
      `ALTER TABLE files ADD CONSTRAINT files_item_type_check CHECK (item_type IN ('post', 'comment', 'question', 'answer', 'idea', 'link_preview'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM files WHERE item_type = 'link_preview'`);
    await q.query('ALTER TABLE files DROP CONSTRAINT files_item_type_check');
    await q.query(
      `ALTER TABLE files ADD CONSTRAINT files_item_type_check CHECK (item_type IN ('post', 'comment', 'question', 'answer', 'idea'))`,
    );
    await q.query('DROP TABLE link_preview_rules');
    await q.query('DROP TABLE link_preview_uses');
    await q.query('DROP TABLE link_previews');
  }
}
