import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobEngine } from '@ruche/platform';
import { AnnouncementsService } from './announcements.service.js';

/** Every minute: the publishing of scheduled announcements is at most a minute late. */
const TICK_CRON = '* * * * *';

/**
 * The timed job of announcements, on the job engine (a pg-boss schedule on a singleton queue: one
 * instance runs each round, on instances that run jobs): scheduled announcements whose time has
 * come are published, and published ones past their expiry are unpinned, each with its live event.
 */
@Injectable()
export class AnnouncementSchedule implements OnModuleInit {
  constructor(
    private readonly jobs: JobEngine,
    private readonly announcements: AnnouncementsService,
  ) {}

  onModuleInit(): void {
    this.jobs.every('announcements', TICK_CRON, () => this.tick());
  }

  /** One round; `now` lets a test move the clock. */
  async tick(now: Date = new Date()): Promise<{ published: number; expired: number }> {
    const published = await this.announcements.publishDue(now);
    const expired = await this.announcements.expireDue(now);
    return { published, expired };
  }
}
