import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The LIMIT of a search's whole-table branch (libs/platform/src/search/full-text.ts): the
 * candidates when the recent window held fewer than `rare` matches, else 0 (the branch is skipped).
 * (Not `found`: that name is plpgsql's own FOUND.)
 *
 * Why a function, and why PARALLEL UNSAFE: it is how a statement tells PostgreSQL not to plan
 * parallel workers, without a transaction to `SET LOCAL` in. A word the statistics do not know
 * (`zeppelin` in comments, taken for 1.5% of them) got a parallel bitmap scan whose workers cost
 * ~150 ms to start on a busy machine, for a scan of 0.2 ms. plpgsql, so it is never inlined (an
 * inlined function no longer marks the statement).
 */
export class CreateSearchRareBranchLimit1795421005100 implements MigrationInterface {
  name = 'CreateSearchRareBranchLimit1795421005100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION search_rare_branch_limit(window_matches bigint, rare integer, candidates integer) RETURNS integer
        LANGUAGE plpgsql IMMUTABLE PARALLEL UNSAFE
        AS $$ BEGIN RETURN CASE WHEN window_matches < rare THEN candidates ELSE 0 END; END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION search_rare_branch_limit(bigint, integer, integer)');
  }
}
