import type { DataSource } from 'typeorm';

/** What the demo's time warp changed, for the progress log. */
export interface WarpReport {
  columns: number;
  rows: number;
}

interface Checkpoint {
  /** The database's clock when the scene began. */
  realMs: number;
  /** When the scene is told to have happened. */
  targetMs: number;
}

/**
 * Demo only (#16): lets the demo company be seeded through the public API in a few seconds and then
 * look as if it had lived for weeks.
 *
 * The seed marks the start of each scene with the date it is meant to have happened (`at`); the
 * clock notes the database's clock then. Afterwards `warp` rewrites, in one transaction, every
 * `timestamptz` written during the seed through one step function: a time that fell in scene i
 * becomes scene i's date plus the time elapsed since that scene began. The function is strictly
 * increasing (each scene starts after the previous one's end), so every order the app relies on
 * holds: a comment after its post, an answer after its question, keyset cursors, timelines, the
 * analytics rows copied from the events. Nothing is added or deleted, so counts and search
 * documents stay exactly what the services wrote. Rows written by listeners after commit take the
 * date of the scene running then (the seed lets listeners finish at the end of each day).
 *
 * Left as they really happened: the audit log (append-only by design, it tells when roles were
 * really granted) and anything outside the seed's window (future deadlines and expiries).
 */
export class DemoClock {
  private readonly checkpoints: Checkpoint[] = [];

  constructor(private readonly db: DataSource) {}

  /** Now, by the database's clock: the rows' timestamps come from it. */
  private async dbNow(): Promise<number> {
    const [{ now }] = await this.db.query('SELECT clock_timestamp() AS now');
    return (now as Date).getTime();
  }

  /** The seed's first moment: everything written from here on is warped. */
  get startMs(): number | undefined {
    return this.checkpoints[0]?.realMs;
  }

  /**
   * What follows happens at `target` (or just after the previous scene, if that would run the
   * clock backwards: the warp must keep every order).
   */
  async at(target: Date): Promise<void> {
    const realMs = await this.dbNow();
    const last = this.checkpoints[this.checkpoints.length - 1];
    const earliest = last ? last.targetMs + (realMs - last.realMs) + 1 : -Infinity;
    this.checkpoints.push({ realMs, targetMs: Math.max(target.getTime(), earliest) });
  }

  /** Rewrites the seed's timestamps, all in one transaction (see the class comment). */
  async warp(): Promise<WarpReport> {
    if (this.checkpoints.length === 0) return { columns: 0, rows: 0 };
    const endMs = (await this.dbNow()) + 1;
    const first = this.checkpoints[0];
    const last = this.checkpoints[this.checkpoints.length - 1];
    // The warped window must end before the real seed began, so no warped value can meet one that
    // is still to be moved (unique keys are checked row by row during an UPDATE).
    if (last.targetMs + (endMs - last.realMs) >= first.realMs) {
      throw new Error('demo data: the history runs into the present; start its scenes earlier');
    }
    return this.db.transaction(async (manager) => {
      await manager.query(
        `CREATE TEMP TABLE demo_warp (real_at timestamptz PRIMARY KEY, target_at timestamptz NOT NULL) ON COMMIT DROP`,
      );
      await manager.query(
        `INSERT INTO demo_warp (real_at, target_at)
         SELECT to_timestamp(r / 1000.0), to_timestamp(t / 1000.0) FROM unnest($1::float8[], $2::float8[]) AS c(r, t)`,
        [this.checkpoints.map((c) => c.realMs), this.checkpoints.map((c) => c.targetMs)],
      );
      const columns: { table_name: string; column_name: string }[] = await manager.query(
        `SELECT c.table_name, c.column_name
           FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
            AND c.data_type = 'timestamp with time zone' AND c.table_name <> 'audit_log'
          ORDER BY c.table_name, c.column_name`,
      );
      let rows = 0;
      for (const { table_name: table, column_name: column } of columns) {
        const t = `"${table}"`;
        const c = `"${column}"`;
        const [, changed]: [unknown, number] = await manager.query(
          `UPDATE ${t} AS x
              SET ${c} = (SELECT w.target_at + (x.${c} - w.real_at) FROM demo_warp w
                           WHERE w.real_at <= x.${c} ORDER BY w.real_at DESC LIMIT 1)
            WHERE x.${c} >= to_timestamp($1 / 1000.0) AND x.${c} <= to_timestamp($2 / 1000.0)`,
          [first.realMs, endMs],
        );
        rows += changed;
      }
      return { columns: columns.length, rows };
    });
  }
}
