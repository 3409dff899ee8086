import { Injectable } from '@nestjs/common';
import { ERASED_TEXT, PersonalDataShare, forgetMentionsIn, tableOwner, type ErasureSubject, type Tx } from '@ruche/platform';

/**
 * Questions' share of a person's data (#15): what they asked and answered, their answer votes,
 * the routes that brought questions to them. Erasure keeps their questions and answers under
 * "Former employee" (anonymise), or deletes them the way their author would (soft delete, an
 * accepted answer unaccepted, answer counts kept exact) with the text wiped (delete); their mentions
 * in others' questions and answers become "Former employee". Votes stay in
 * the counts. Open routes and claims to them end (an erased person answers nothing).
 */
@Injectable()
export class QuestionsPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner(
    'questions',
    [
      { table: 'questions', columns: ['asker_id'], section: 'questions', erase: (tx, s) => this.questions(tx, s) },
      { table: 'questions', columns: ['deleted_by'], erase: 'null' },
      { table: 'questions', columns: ['claimed_by'], erase: (tx, s) => this.claims(tx, s) },
      { table: 'answers', columns: ['author_id'], section: 'answers', erase: (tx, s) => this.answers(tx, s) },
      { table: 'answers', columns: ['deleted_by'], erase: 'null' },
      {
        table: 'question_revisions',
        columns: ['edited_by'],
        section: 'question_revisions',
        erase: (tx, s) => this.revisions(tx, s, 'question'),
      },
      {
        table: 'answer_revisions',
        columns: ['edited_by'],
        section: 'answer_revisions',
        erase: (tx, s) => this.revisions(tx, s, 'answer'),
      },
      { table: 'answer_votes', columns: ['user_id'], section: 'answer_votes', erase: 'keep' },
      { table: 'question_routes', columns: ['user_id'], section: 'routed_to_me', erase: 'delete' },
    ],
    {
      // Others' questions and answers that mention them: the mention becomes "Former employee".
      eraseFirst: async (tx, s) => {
        await forgetMentionsIn(tx, 'questions', s);
        await forgetMentionsIn(tx, 'answers', s);
      },
    },
  );

  private async claims(tx: Tx, s: ErasureSubject): Promise<void> {
    await tx.manager.query('UPDATE questions SET claimed_by = NULL, claim_expires_at = NULL WHERE claimed_by = $1', [s.userId]);
  }

  private async questions(tx: Tx, s: ErasureSubject): Promise<void> {
    if (s.mode === 'anonymise') return;
    await tx.manager.query(
      `UPDATE questions SET title = $2, body = '', body_html = NULL, deleted_at = coalesce(deleted_at, now()),
              claimed_by = NULL, claim_expires_at = NULL
        WHERE asker_id = $1`,
      [s.userId, ERASED_TEXT],
    );
  }

  private async answers(tx: Tx, s: ErasureSubject): Promise<void> {
    if (s.mode === 'anonymise') return;
    // As QuestionEditsService.removeAnswer: an accepted answer reopens its question, and only
    // visible, undeleted answers were counted.
    await tx.manager.query(
      `UPDATE questions q SET status = 'open', accepted_answer_id = NULL, answered_at = NULL
         FROM answers a WHERE a.author_id = $1 AND q.accepted_answer_id = a.id`,
      [s.userId],
    );
    await tx.manager.query(
      `WITH gone AS (
         UPDATE answers SET deleted_at = now(), accepted = false, accepted_at = NULL
          WHERE author_id = $1 AND deleted_at IS NULL
          RETURNING question_id, moderation_state
       ), counted AS (
         SELECT question_id, count(*)::int AS n FROM gone WHERE moderation_state = 'visible' GROUP BY question_id
       )
       UPDATE questions q SET answer_count = greatest(q.answer_count - counted.n, 0) FROM counted WHERE q.id = counted.question_id`,
      [s.userId],
    );
    await tx.manager.query('UPDATE answers SET body = $2, body_html = NULL WHERE author_id = $1', [s.userId, ERASED_TEXT]);
  }

  /** Earlier texts go with deleted content; otherwise they stay (`edited_by` is required). */
  private async revisions(tx: Tx, s: ErasureSubject, kind: 'question' | 'answer'): Promise<void> {
    if (s.mode === 'anonymise') return;
    if (kind === 'question')
      await tx.manager.query(
        'DELETE FROM question_revisions WHERE edited_by = $1 OR question_id IN (SELECT id FROM questions WHERE asker_id = $1)',
        [s.userId],
      );
    else
      await tx.manager.query(
        'DELETE FROM answer_revisions WHERE edited_by = $1 OR answer_id IN (SELECT id FROM answers WHERE author_id = $1)',
        [s.userId],
      );
  }
}
