import { Injectable } from '@nestjs/common';
import { JobEngine, type Tx } from '@ruche/platform';

/** The job engine's queue of campaign deadlines. */
export const DEADLINE_JOB = 'campaign-deadline';

export interface DeadlineJob {
  campaignId: string;
  /** The deadline the job was scheduled for: a job whose campaign's deadline moved since does nothing. */
  closesAt: string;
}

/**
 * Campaign deadlines (#16) on the job engine: one one-off job per deadline set on an open campaign
 * (when it opens, and whenever an open campaign's `closesAt` changes), enqueued in the transaction
 * that sets it, due at `closesAt`, run once on one instance (CampaignPhasesService.advanceAtDeadline).
 * Moving the deadline does not chase the old job: it finds a different `closesAt` and does nothing.
 */
@Injectable()
export class CampaignDeadlines {
  constructor(private readonly jobs: JobEngine) {}

  async schedule(tx: Tx, campaignId: string, closesAt: Date): Promise<void> {
    const job: DeadlineJob = { campaignId, closesAt: closesAt.toISOString() };
    await this.jobs.sendAt(DEADLINE_JOB, job, closesAt, tx.manager);
  }
}
