import { Injectable } from '@nestjs/common';
import {
  ERASED_TEXT,
  PersonalDataShare,
  forgetMention,
  forgetMentionsIn,
  rows,
  tableOwner,
  type ErasureSubject,
  type Tx,
} from '@ruche/platform';

/**
 * The feed's share of a person's data (#15): posts, comments, reactions, the mentions of them.
 * On erasure their mentions in others' texts become "Former employee" (text and rendered HTML);
 * their posts and comments stay (anonymise: the author shows as "Former employee") or are deleted
 * the way an author deletes them (soft delete, counts kept exact) with the text wiped (delete).
 * Reactions and poll votes stay in the counts either way: a count has no author once the account
 * is anonymous.
 */
@Injectable()
export class FeedPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner(
    'feed',
    [
      { table: 'posts', columns: ['author_id'], section: 'posts', erase: (tx, s) => this.posts(tx, s) },
      { table: 'posts', columns: ['deleted_by'], erase: 'null' },
      { table: 'post_comments', columns: ['author_id'], section: 'comments', erase: (tx, s) => this.comments(tx, s) },
      { table: 'post_comments', columns: ['deleted_by'], erase: 'null' },
      {
        table: 'post_comment_revisions',
        columns: ['edited_by'],
        section: 'comment_revisions',
        erase: (tx, s) => this.revisions(tx, s),
      },
      { table: 'post_reactions', columns: ['user_id'], section: 'reactions', erase: 'keep' },
      { table: 'post_mentions', columns: ['user_id'], section: 'mentioned_in', erase: 'delete' },
      // Poll votes stay in the poll's counts (as reactions do).
      { table: 'post_poll_votes', columns: ['user_id'], section: 'poll_votes', erase: 'keep' },
      { table: 'home_timelines', columns: ['user_id'], erase: 'delete' },
      { table: 'home_timeline_readers', columns: ['user_id'], erase: 'delete' },
      { table: 'home_timeline_big_authors', columns: ['author_id'], erase: 'delete' },
    ],
    { eraseFirst: (tx, s) => this.forgetMentions(tx, s) },
  );

  /** Others' posts and comments that mention them: the mention becomes plain "Former employee". */
  private async forgetMentions(tx: Tx, s: ErasureSubject): Promise<void> {
    const posts = await rows<{ id: string; body: string; body_html: string | null }>(
      tx.manager,
      `SELECT p.id, p.body, p.body_html FROM posts p JOIN post_mentions m ON m.post_id = p.id WHERE m.user_id = $1 FOR UPDATE OF p`,
      [s.userId],
    );
    for (const p of posts) {
      const next = forgetMention(p.body, p.body_html, s.handle, s.userId);
      await tx.manager.query('UPDATE posts SET body = $2, body_html = $3 WHERE id = $1', [p.id, next.text, next.html]);
    }
    // Comments keep no mention rows: their rendered HTML links the person's page.
    await forgetMentionsIn(tx, 'post_comments', s);
  }

  private async posts(tx: Tx, s: ErasureSubject): Promise<void> {
    if (s.mode === 'anonymise') return;
    await tx.manager.query(
      `UPDATE posts SET body = $2, body_html = NULL, deleted_at = coalesce(deleted_at, now()) WHERE author_id = $1`,
      [s.userId, ERASED_TEXT],
    );
  }

  private async comments(tx: Tx, s: ErasureSubject): Promise<void> {
    if (s.mode === 'anonymise') return;
    // Only visible, undeleted comments were counted on their post (as CommentEditsService.remove).
    await tx.manager.query(
      `WITH gone AS (
         UPDATE post_comments c SET body = $2, body_html = NULL, deleted_at = now()
          WHERE author_id = $1 AND deleted_at IS NULL
          RETURNING post_id, moderation_state
       ), counted AS (
         SELECT post_id, count(*)::int AS n FROM gone WHERE moderation_state = 'visible' GROUP BY post_id
       )
       UPDATE posts p SET comment_count = greatest(p.comment_count - counted.n, 0) FROM counted WHERE p.id = counted.post_id`,
      [s.userId, ERASED_TEXT],
    );
    await tx.manager.query(`UPDATE post_comments SET body = $2, body_html = NULL WHERE author_id = $1`, [s.userId, ERASED_TEXT]);
  }

  /**
   * Earlier texts of their comments go with the comments (delete); otherwise they stay, `edited_by`
   * naming the anonymised account (the column is required: a history line always has an editor).
   */
  private async revisions(tx: Tx, s: ErasureSubject): Promise<void> {
    if (s.mode === 'anonymise') return;
    await tx.manager.query(
      `DELETE FROM post_comment_revisions WHERE edited_by = $1 OR comment_id IN (SELECT id FROM post_comments WHERE author_id = $1)`,
      [s.userId],
    );
  }
}
