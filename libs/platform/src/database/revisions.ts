import type { EntityManager } from 'typeorm';
import { rows } from './rows.js';

/** One earlier text of an edited item (and its title, where the item has one), with who replaced it and when. */
export interface RevisionRow {
  title?: string;
  body: string;
  edited_at: Date;
  edited_by: string;
}

/**
 * An item's earlier texts, newest first, from its revisions table (`post_comment_revisions`,
 * `question_revisions`, …) keyed by `key`: what a moderator's edit history lists.
 */
export function revisionRows(
  db: EntityManager,
  revisions: { table: string; key: string; withTitle?: boolean },
  id: string,
): Promise<RevisionRow[]> {
  return rows<RevisionRow>(
    db,
    `SELECT ${revisions.withTitle ? 'title, ' : ''}body, edited_at, edited_by FROM ${revisions.table}
      WHERE ${revisions.key} = $1 ORDER BY edited_at DESC, id DESC`,
    [id],
  );
}
