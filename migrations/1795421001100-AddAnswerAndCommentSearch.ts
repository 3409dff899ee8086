import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers and post comments in the one search box: much of what people know is written there, not
 * in the question or the post. Same stored, generated `search_vector` as AddFullTextSearch (French
 * and English over unaccented words, body weighted B), each under a GIN index; a match opens the
 * question or the post it belongs to.
 */
export class AddAnswerAndCommentSearch1795421001100 implements MigrationInterface {
  name = 'AddAnswerAndCommentSearch1795421001100';

  async up(q: QueryRunner): Promise<void> {
    const vector = `setweight(to_tsvector('ruche_fr'::regconfig, body), 'B') || setweight(to_tsvector('ruche_en'::regconfig, body), 'B')`;
    for (const table of ['answers', 'post_comments']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${vector}) STORED`);
      await q.query(`CREATE INDEX ${table}_search_idx ON ${table} USING gin (search_vector)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE post_comments DROP COLUMN search_vector');
    await q.query('ALTER TABLE answers DROP COLUMN search_vector');
  }
}
