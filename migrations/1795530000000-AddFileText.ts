import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files (issue #14): the text of PDF, Office and text documents, extracted after upload by the
 * `files.extract-text` listener (never on the request path) and searchable through the item the file
 * is attached to. `text` is NULL until extracted and stays NULL for a file that has none (an image,
 * a corrupt or encrypted document); `text_extracted_at` says the attempt was made, so a retried job
 * does not read the file again. The cap on `text` matches TEXT_MAX_CHARS in libs/files.
 * `search_vector` is generated like the other searchable tables' (French and English over unaccented
 * words, weighted B like a body) under a GIN index, so it never lags behind the text.
 */
export class AddFileText1795530000000 implements MigrationInterface {
  name = 'AddFileText1795530000000';

  async up(q: QueryRunner): Promise<void> {
    const vector = `setweight(to_tsvector('ruche_fr'::regconfig, coalesce(text, '')), 'B') || setweight(to_tsvector('ruche_en'::regconfig, coalesce(text, '')), 'B')`;
    await q.query(`
      ALTER TABLE files
        ADD COLUMN text text,
        ADD COLUMN text_extracted_at timestamptz,
        ADD CONSTRAINT files_text_check CHECK (text IS NULL OR length(text) <= 100000)`);
    await q.query(`ALTER TABLE files ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${vector}) STORED`);
    await q.query('CREATE INDEX files_search_idx ON files USING gin (search_vector) WHERE text IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX files_search_idx');
    await q.query(
      'ALTER TABLE files DROP COLUMN search_vector, DROP CONSTRAINT files_text_check, DROP COLUMN text_extracted_at, DROP COLUMN text',
    );
  }
}
