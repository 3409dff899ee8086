import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Link previews (#14) on idea comments too: `link_preview_uses.item_type` may be `idea_comment`. */
export class AddIdeaCommentLinkPreviews1795590000200 implements MigrationInterface {
  name = 'AddIdeaCommentLinkPreviews1795590000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE link_preview_uses DROP CONSTRAINT link_preview_uses_item_type_check');
    await q.query(
      `ALTER TABLE link_preview_uses ADD CONSTRAINT link_preview_uses_item_type_check CHECK (item_type IN ('post', 'comment', 'question', 'answer', 'idea', 'idea_comment'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM link_preview_uses WHERE item_type = 'idea_comment'`);
    await q.query('ALTER TABLE link_preview_uses DROP CONSTRAINT link_preview_uses_item_type_check');
    await q.query(
      `ALTER TABLE link_preview_uses ADD CONSTRAINT link_preview_uses_item_type_check CHECK (item_type IN ('post', 'comment', 'question', 'answer', 'idea'))`,
    );
  }
}
