import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner } from '@ruche/platform';

/**
 * Moderation's share of a person's data (#15): reports they filed, guideline acceptances. The
 * append-only audit log is kept as it is (a database trigger refuses any change): its rows name
 * the person only by id, which after erasure names the anonymised account, and the erasure's own
 * row carries just the pseudonym. Cases about their content keep the id (the case is the
 * company's record); who resolved a case or changed a setting is kept the same way.
 */
@Injectable()
export class ModerationPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('moderation', [
    { table: 'reports', columns: ['reporter_id'], section: 'reports_filed', erase: 'null' },
    { table: 'guideline_acceptances', columns: ['user_id'], section: 'guideline_acceptances', erase: 'delete' },
    { table: 'audit_log', columns: ['actor_id'], erase: 'keep' },
    { table: 'moderation_cases', columns: ['author_id', 'resolved_by'], erase: 'keep' },
    { table: 'moderation_settings', columns: ['updated_by'], erase: 'keep' },
    { table: 'guidelines', columns: ['created_by'], erase: 'keep' },
  ]);
}
