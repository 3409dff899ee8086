import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's language and time zone (libs/people), set from the browser and editable at
 * PATCH /api/me: emails and digests are written in `locale` and dated in `time_zone`. Null: not
 * set yet (English, UTC). The application checks the zone against the IANA database; the database
 * keeps the language to the ones Ruche speaks.
 */
export class AddProfileLocale1795422200100 implements MigrationInterface {
  name = 'AddProfileLocale1795422200100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE profiles ADD COLUMN locale text, ADD COLUMN time_zone text');
    await q.query(`ALTER TABLE profiles ADD CONSTRAINT profiles_locale_known CHECK (locale IN ('en', 'fr'))`);
    await q.query('ALTER TABLE profiles ADD CONSTRAINT profiles_time_zone_length CHECK (char_length(time_zone) BETWEEN 1 AND 64)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE profiles DROP COLUMN time_zone, DROP COLUMN locale');
  }
}
