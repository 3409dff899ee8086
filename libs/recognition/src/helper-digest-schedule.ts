import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobEngine } from '@ruche/platform';
import { previousMonth } from './helper-digest-rules.js';
import { HelperDigestService } from './helper-digest.service.js';

/**
 * Every day at 06:00 UTC (a pg-boss schedule on a singleton queue: one instance runs each round),
 * the digests of last month are written and their managers notified. Daily rather than on the 1st
 * only, because a slot missed while no worker was up is skipped: the day after catches up, and the
 * primary key (group × month) makes every round after the first write and send nothing.
 */
const CRON = '0 6 * * *';

@Injectable()
export class HelperDigestSchedule implements OnModuleInit {
  constructor(
    private readonly jobs: JobEngine,
    private readonly digests: HelperDigestService,
  ) {}

  onModuleInit(): void {
    this.jobs.every('helper-digest', CRON, () => this.tick());
  }

  /** One round; `now` lets a test choose the month reported on (the one before `now`'s). */
  tick(now: Date = new Date()): Promise<number> {
    return this.digests.runMonth(previousMonth(now));
  }
}
