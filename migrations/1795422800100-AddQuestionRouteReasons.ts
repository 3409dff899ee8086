import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why each person was asked a question (issue #17): `expert` (the expertise ranking), `helper` (a
 * volunteer for one of its topics, within their weekly cap), `topic_follower`, or
 * `department_answerer` (among the asker's department's most active answerers), with a short
 * `detail` (the topic, the department). Rows written before are experts. The partial index counts
 * a helper's routes of the last seven days, which the routing transaction does under a lock.
 */
export class AddQuestionRouteReasons1795422800100 implements MigrationInterface {
  name = 'AddQuestionRouteReasons1795422800100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE question_routes
      ADD COLUMN reason text NOT NULL DEFAULT 'expert',
      ADD COLUMN detail text NOT NULL DEFAULT '',
      ADD CONSTRAINT question_routes_reason_known CHECK (reason IN ('expert', 'helper', 'topic_follower', 'department_answerer')),
      ADD CONSTRAINT question_routes_detail_length CHECK (char_length(detail) <= 300)`);
    await q.query(
      `CREATE INDEX question_routes_helper_recent_idx ON question_routes (user_id, routed_at) WHERE reason = 'helper'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX question_routes_helper_recent_idx');
    await q.query(`ALTER TABLE question_routes
      DROP CONSTRAINT question_routes_detail_length,
      DROP CONSTRAINT question_routes_reason_known,
      DROP COLUMN detail,
      DROP COLUMN reason`);
  }
}
