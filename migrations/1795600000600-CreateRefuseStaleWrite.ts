import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `refuse_stale_write(ok, what)`: true when `ok`, else a serialization failure (40001). For a
 * statement sent with its COMMIT in one message (`Tx.commitWith`, the vote's counter update): when
 * the row it locks is no longer what the transaction checked earlier, the statement must fail, not
 * change nothing, or the COMMIT right behind it would commit the rest (a vote row without its
 * count). 40001 is what `Transactions.run` retries: the transaction runs again from the start, reads
 * the row as it is now and its checks answer (a 409 or 404, or the vote on the fresh row).
 */
export class CreateRefuseStaleWrite1795600000600 implements MigrationInterface {
  name = 'CreateRefuseStaleWrite1795600000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_stale_write(ok boolean, what text) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        IF ok THEN RETURN true; END IF;
        RAISE EXCEPTION '% changed since this transaction read it', what USING ERRCODE = 'serialization_failure';
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION refuse_stale_write(boolean, text)');
  }
}
