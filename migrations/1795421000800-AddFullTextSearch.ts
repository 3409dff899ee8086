import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search for the one search box (`GET /api/search`), in the tables of the modules that
 * own the text: posts (feed), groups, ideas, questions, profiles (people).
 *
 * Two text search configurations, `ruche_fr` and `ruche_en`: copies of PostgreSQL's French and
 * English ones whose word mappings run `unaccent` before the stemmer, so accents and case never
 * matter ("Développement" = "developpement"). Each searchable row gets a stored, generated
 * `search_vector` (both languages concatenated; A = title or name, B = body; profiles: title A,
 * department and location B, bio C) under a GIN index. Being generated, the vector can never lag
 * behind the text, and no module has to remember to maintain it. Names with typos are matched by
 * trigram indexes that already exist (users, groups).
 *
 * `to_tsvector(regconfig, text)` is immutable, which a generated column requires; the unaccent
 * dictionary is read when the vector is computed. Adding the columns rewrites the five tables
 * once (seconds for a million posts).
 */
export class AddFullTextSearch1795421000800 implements MigrationInterface {
  name = 'AddFullTextSearch1795421000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    for (const [config, stemmer] of [
      ['ruche_fr', 'french'],
      ['ruche_en', 'english'],
    ]) {
      await q.query(`CREATE TEXT SEARCH CONFIGURATION ${config} (COPY = pg_catalog.${stemmer})`);
      await q.query(
        `ALTER TEXT SEARCH CONFIGURATION ${config}
           ALTER MAPPING FOR hword, hword_part, word, asciihword, hword_asciipart, asciiword
           WITH public.unaccent, ${stemmer}_stem`,
      );
    }

    await this.addVector(q, 'posts', [['body', 'B']]);
    await this.addVector(q, 'groups', [
      ['name', 'A'],
      ['description', 'B'],
    ]);
    await this.addVector(q, 'ideas', [
      ['title', 'A'],
      ['body', 'B'],
    ]);
    await this.addVector(q, 'questions', [
      ['title', 'A'],
      ['body', 'B'],
    ]);
    await this.addVector(q, 'profiles', [
      ['title', 'A'],
      ['department', 'B'],
      ['location', 'B'],
      ['bio', 'C'],
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['profiles', 'questions', 'ideas', 'groups', 'posts']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN search_vector`);
    }
    await q.query('DROP TEXT SEARCH CONFIGURATION ruche_en');
    await q.query('DROP TEXT SEARCH CONFIGURATION ruche_fr');
    // unaccent stays: ruche_fold() and other indexes use it.
  }

  private async addVector(q: QueryRunner, table: string, columns: [string, 'A' | 'B' | 'C'][]): Promise<void> {
    const vector = columns
      .flatMap(([column, weight]) =>
        ['ruche_fr', 'ruche_en'].map(
          (config) => `setweight(to_tsvector('${config}'::regconfig, coalesce(${column}, '')), '${weight}')`,
        ),
      )
      .join(' || ');
    await q.query(`ALTER TABLE ${table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${vector}) STORED`);
    await q.query(`CREATE INDEX ${table}_search_idx ON ${table} USING gin (search_vector)`);
  }
}
