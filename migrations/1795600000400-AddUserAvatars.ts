import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded avatars (#16). A person's photo is an uploaded image attached to the item `avatar`
 * whose id is the person's (libs/files keeps it like any attachment: never swept while attached,
 * detached and swept a day after it is replaced or removed). `users.avatar_file_id` is identity's
 * opaque reference to it, so person summaries carry the photo's link without identity reading
 * `files`; deleting the file row (the sweep, erasure) clears it.
 */
export class AddUserAvatars1795600000400 implements MigrationInterface {
  name = 'AddUserAvatars1795600000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE files DROP CONSTRAINT files_item_type_check');
    await q.query(
      `ALTER TABLE files ADD CONSTRAINT files_item_type_check CHECK (item_type IN ('post', 'comment', 'question', 'answer', 'idea', 'link_preview', 'avatar'))`,
    );
    await q.query(
      'ALTER TABLE users ADD COLUMN avatar_file_id uuid CONSTRAINT users_avatar_file_fk REFERENCES files (id) ON DELETE SET NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN avatar_file_id');
    await q.query(`DELETE FROM files WHERE item_type = 'avatar'`);
    await q.query('ALTER TABLE files DROP CONSTRAINT files_item_type_check');
    await q.query(
      `ALTER TABLE files ADD CONSTRAINT files_item_type_check CHECK (item_type IN ('post', 'comment', 'question', 'answer', 'idea', 'link_preview'))`,
    );
  }
}
