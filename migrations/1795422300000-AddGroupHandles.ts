import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group handles (libs/groups, #13): the local part of a group's email address
 * (`<handle>@<SMTP_INBOUND_DOMAIN>`), unique, lower-case letters, digits and inner hyphens, 2 to 40
 * characters. Existing groups get one from their name (accents folded by `ruche_fold`, everything
 * else a hyphen), oldest group first; a taken or reserved one gets `-2`, `-3`, ...; a name with no
 * Latin letter or digit gives `group`. The reserved names are the mail system's own addresses and
 * the reply addresses' prefix: the same list as `RESERVED_GROUP_HANDLES` in libs/groups.
 *
 * A handle, unlike a name, is unique: a 409 on a taken handle tells that some group holds it, and
 * nothing more (not which, nor whether it is private).
 */
const RESERVED = [
  'reply',
  'admin',
  'administrator',
  'postmaster',
  'hostmaster',
  'webmaster',
  'noreply',
  'no-reply',
  'abuse',
  'mailer-daemon',
  'bounce',
  'bounces',
  'root',
  'security',
  'ruche',
];

export class AddGroupHandles1795422300000 implements MigrationInterface {
  name = 'AddGroupHandles1795422300000';

  async up(q: QueryRunner): Promise<void> {
    const reserved = `ARRAY[${RESERVED.map((r) => `'${r}'`).join(', ')}]::text[]`;
    await q.query('ALTER TABLE groups ADD COLUMN handle text CONSTRAINT groups_handle_key UNIQUE');
    await q.query(`
      DO $$
      DECLARE
        r record;
        base text;
        candidate text;
        n integer;
      BEGIN
        FOR r IN SELECT id, name FROM groups ORDER BY created_at, id LOOP
          base := trim(both '-' from left(trim(both '-' from regexp_replace(ruche_fold(r.name), '[^a-z0-9]+', '-', 'g')), 40));
          IF char_length(base) < 2 THEN base := 'group'; END IF;
          candidate := base;
          n := 1;
          WHILE candidate = ANY (${reserved}) OR EXISTS (SELECT 1 FROM groups WHERE handle = candidate) LOOP
            n := n + 1;
            candidate := trim(both '-' from left(base, 39 - char_length(n::text))) || '-' || n;
          END LOOP;
          UPDATE groups SET handle = candidate WHERE id = r.id;
        END LOOP;
      END $$`);
    await q.query('ALTER TABLE groups ALTER COLUMN handle SET NOT NULL');
    await q.query(
      `ALTER TABLE groups ADD CONSTRAINT groups_handle_format CHECK (handle ~ '^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$' AND handle !~ '--')`,
    );
    await q.query(`ALTER TABLE groups ADD CONSTRAINT groups_handle_not_reserved CHECK (handle <> ALL (${reserved}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE groups DROP COLUMN handle');
  }
}
