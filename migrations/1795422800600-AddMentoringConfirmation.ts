import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The mentee confirms a closed pairing took place (issue #17: the Mentor badge counts confirmed pairings). */
export class AddMentoringConfirmation1795422800600 implements MigrationInterface {
  name = 'AddMentoringConfirmation1795422800600';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE mentoring_requests ADD COLUMN confirmed_at timestamptz(3)');
    await q.query(
      `ALTER TABLE mentoring_requests ADD CONSTRAINT mentoring_requests_confirmed_when_closed CHECK (confirmed_at IS NULL OR status = 'closed')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE mentoring_requests DROP CONSTRAINT mentoring_requests_confirmed_when_closed');
    await q.query('ALTER TABLE mentoring_requests DROP COLUMN confirmed_at');
  }
}
