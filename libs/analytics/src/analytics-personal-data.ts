import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner } from '@ruche/platform';

/**
 * Analytics' share of a person's data (#15): the activity facts the dashboards count. Not exported
 * (they repeat what the owning modules export). On erasure the facts stay, so the company's
 * numbers do not change, but no longer say whose they were: the actor and counterpart ids are
 * cleared (the department, an aggregate, stays).
 */
@Injectable()
export class AnalyticsPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('analytics', [
    { table: 'analytics_activity', columns: ['actor_id', 'counterpart_id'], erase: 'null' },
  ]);
}
