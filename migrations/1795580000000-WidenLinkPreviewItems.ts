import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Link previews beyond posts (#14): comments, questions, answers and ideas record their links in
 * `link_preview_uses` too (their owners call libs/previews' `track` in their writing transaction).
 */
export class WidenLinkPreviewItems1795580000000 implements MigrationInterface {
  name = 'WidenLinkPreviewItems1795580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE link_preview_uses DROP CONSTRAINT link_preview_uses_item_type_check');
    await q.query(
      `ALTER TABLE link_preview_uses ADD CONSTRAINT link_preview_uses_item_type_check CHECK (item_type IN ('post', 'comment', 'question', 'answer', 'idea'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM link_preview_uses WHERE item_type <> 'post'`);
    await q.query('ALTER TABLE link_preview_uses DROP CONSTRAINT link_preview_uses_item_type_check');
    await q.query(`ALTER TABLE link_preview_uses ADD CONSTRAINT link_preview_uses_item_type_check CHECK (item_type IN ('post'))`);
  }
}
