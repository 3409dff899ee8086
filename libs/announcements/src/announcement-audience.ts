import { Injectable } from '@nestjs/common';
import { GroupsService } from '@ruche/groups';
import { IdentityService } from '@ruche/identity';
import { PeopleService } from '@ruche/people';
import type { AnnouncementRow } from './announcement-sql.js';

/** The whole company: more people than any deployment holds, so one page is everyone. */
const EVERYONE = 10_000_000;

export interface Recipient {
  userId: string;
  department: string;
}

/**
 * Who an announcement is addressed to, worked out when it is published (inside the publishing
 * transaction: every service below reads through its connection), asking the owners: identity
 * for the active accounts, groups for the members, people for departments and locations (folded
 * comparisons: "ingenierie" is "Ingénierie"). Several departments (or locations) are alternatives;
 * departments and locations together must both hold. Suspended and deactivated accounts are not
 * addressed, nor is the author (it is theirs). Each recipient carries their department as it is now, for receipts by department.
 */
@Injectable()
export class AnnouncementAudience {
  constructor(
    private readonly identity: IdentityService,
    private readonly groups: GroupsService,
    private readonly people: PeopleService,
  ) {}

  async recipients(
    row: Pick<AnnouncementRow, 'author_id' | 'group_id' | 'audience_departments' | 'audience_locations'>,
  ): Promise<Recipient[]> {
    let ids: string[] | null = row.group_id ? await this.groups.memberIds(row.group_id) : null;
    // One after the other: inside a transaction, every query takes the same connection.
    const inAny = async (column: 'department' | 'location', values: string[]) => {
      const found = new Set<string>();
      for (const value of values) for (const id of await this.people.idsInPlace({ [column]: value })) found.add(id);
      return found;
    };
    for (const [column, values] of [
      ['department', row.audience_departments],
      ['location', row.audience_locations],
    ] as const) {
      if (values.length === 0) continue;
      const matching = await inAny(column, values);
      ids = (ids ?? [...matching]).filter((id) => matching.has(id));
    }
    let active: string[];
    if (ids === null) {
      active = (await this.identity.directory({ limit: EVERYONE })).map((u) => u.id);
    } else {
      const alive = await this.identity.activeIds(ids);
      active = [...new Set(ids)].filter((id) => alive.has(id));
    }
    active = active.filter((id) => id !== row.author_id);
    const profiles = await this.people.profileSummaries(active);
    return active.map((userId) => ({ userId, department: profiles.get(userId)?.department ?? '' }));
  }
}
