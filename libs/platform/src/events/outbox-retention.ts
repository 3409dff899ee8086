import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RUCHE_CONFIG, type RucheConfig } from '../config/config.js';
import { JobEngine } from '../jobs/job-engine.js';

/** Rows deleted per statement: short transactions, no long lock on the outbox. */
const PRUNE_BATCH = 5000;

/**
 * Keeps the outbox from growing forever: every hour, events stamped more than
 * `RUCHE_OUTBOX_RETENTION_DAYS` ago (default 7, longer than any client stays away and still
 * expects a replay) are deleted in batches. The highest pruned `seq` is remembered, so a replay
 * from before it can tell the client that events were dropped (`prunedThrough`).
 */
@Injectable()
export class OutboxRetention implements OnModuleInit {
  private readonly logger = new Logger('outbox');

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobEngine,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.every('outbox-retention', '23 * * * *', () => this.prune());
  }

  /** Deletes stamped events older than the window before `now`; answers how many. */
  async prune(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.outbox.retentionDays * 86_400_000);
    let total = 0;
    let prunedThrough = 0;
    for (;;) {
      // TypeORM answers a data-modifying CTE with rows.
      const [{ deleted, through }] = await this.dataSource.query(
        `WITH gone AS (
           DELETE FROM outbox WHERE id IN (
             SELECT id FROM outbox WHERE created_at < $1 AND seq IS NOT NULL LIMIT $2
           ) RETURNING seq
         ), mark AS (
           UPDATE outbox_retention SET pruned_through = greatest(pruned_through, (SELECT max(seq) FROM gone))
            WHERE EXISTS (SELECT 1 FROM gone)
         )
         SELECT count(*)::int AS deleted, max(seq)::bigint AS through FROM gone`,
        [cutoff, PRUNE_BATCH],
      );
      total += deleted as number;
      prunedThrough = Math.max(prunedThrough, Number(through ?? 0));
      if (deleted < PRUNE_BATCH) {
        if (total > 0) this.logger.log({ msg: 'outbox pruned', deleted: total, through: prunedThrough, olderThan: cutoff.toISOString() });
        return total;
      }
    }
  }

  /** The highest event id pruned so far (0: none): a replay after an older id missed events. */
  async prunedThrough(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT pruned_through FROM outbox_retention');
    return Number(row?.pruned_through ?? 0);
  }
}
