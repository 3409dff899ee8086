import { Injectable } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import { Database, decodeTaggedCursor, encodeTaggedCursor, isId, type Page, type PageQuery, rows, Transactions } from '@ruche/platform';
import type { OrgChartView, OrgPerson } from './dto.js';
import { MAX_CHAIN_DEPTH, OrgFieldsService } from './org-fields.service.js';

/** The org chart shows this many direct reports around a person; the full list is `GET /users/:id/reports`. */
export const ORG_CHART_REPORTS = 100;

const REPORTS_CURSOR = 'reports';

/**
 * Managers and reports (#15, the org directory): who someone reports to, the chain above them up
 * to the top, and who reports to them. Reads `profiles.manager_id`, which SCIM, admins and the CSV
 * import write through {@link OrgFieldsService} (the one place that refuses cycles). Names and
 * account states come from identity: a deactivated person stays in the chart, marked as such.
 */
@Injectable()
export class OrgChartService {
  constructor(
    private readonly identity: IdentityService,
    private readonly org: OrgFieldsService,
    private readonly transactions: Transactions,
    private readonly db: Database,
  ) {}

  /** The manager (or null) and the number of direct reports, for a profile page. */
  async summaryOf(userId: string): Promise<{ manager: OrgPerson | null; reportsCount: number }> {
    const fields = (await this.org.of([userId])).get(userId)!;
    const [manager, counts] = await Promise.all([
      fields.managerId ? this.people([fields.managerId]) : Promise.resolve([]),
      this.reportCounts([userId]),
    ]);
    return { manager: manager[0] ?? null, reportsCount: counts.get(userId) ?? 0 };
  }

  /** Direct reports, keyset-paged by id (stable while people join or leave the team). */
  async reports(userId: string, page: PageQuery): Promise<Page<OrgPerson>> {
    const after = page.cursor ? (decodeTaggedCursor(page.cursor, REPORTS_CURSOR, (k) => k.length === 1 && isId(k[0]))[0] as string) : null;
    await this.identity.getUser(userId);
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      `SELECT user_id FROM profiles WHERE manager_id = $1 AND ($2::uuid IS NULL OR user_id > $2::uuid)
        ORDER BY user_id LIMIT $3`,
      [userId, after, page.limit + 1],
    );
    const shown = found.slice(0, page.limit).map((r) => r.user_id);
    const items = await this.people(shown);
    return { items, nextCursor: found.length > page.limit ? encodeTaggedCursor(REPORTS_CURSOR, [shown[shown.length - 1]]) : null };
  }

  /**
   * A person with the chain of managers above them (nearest first, at most {@link MAX_CHAIN_DEPTH},
   * stopping where a chain would come back on itself) and their direct reports (by name, at most
   * {@link ORG_CHART_REPORTS}). Every node carries its own count of direct reports.
   */
  async chart(userId: string): Promise<OrgChartView> {
    await this.identity.getUser(userId);
    const chain = await rows<{ id: string }>(
      this.db.manager,
      `WITH RECURSIVE up (id, depth, path) AS (
         SELECT manager_id, 1, ARRAY[user_id, manager_id] FROM profiles WHERE user_id = $1 AND manager_id IS NOT NULL
         UNION ALL
         SELECT p.manager_id, up.depth + 1, up.path || p.manager_id
           FROM profiles p JOIN up ON p.user_id = up.id
          WHERE p.manager_id IS NOT NULL AND up.depth < ${MAX_CHAIN_DEPTH} AND NOT p.manager_id = ANY (up.path)
       )
       SELECT id FROM up ORDER BY depth`,
      [userId],
    );
    const reportIds = await rows<{ user_id: string }>(
      this.db.manager,
      'SELECT user_id FROM profiles WHERE manager_id = $1 ORDER BY user_id LIMIT $2',
      [userId, ORG_CHART_REPORTS + 1],
    );
    const [person] = await this.people([userId]);
    const managers = await this.people(chain.map((r) => r.id));
    const reports = (await this.people(reportIds.slice(0, ORG_CHART_REPORTS).map((r) => r.user_id))).sort((a, b) =>
      a.displayName.localeCompare(b.displayName),
    );
    return { person, managers, reports, moreReports: reportIds.length > ORG_CHART_REPORTS };
  }

  /** Sets or clears a person's manager (admins); a cycle is refused inside the writing transaction. */
  async setManager(userId: string, managerId: string | null): Promise<OrgChartView> {
    await this.identity.getUser(userId);
    await this.transactions.run((tx) => this.org.set(tx, userId, { managerId }));
    return this.chart(userId);
  }

  /** These people as the chart shows them, in the order given (ids with no account are left out). */
  private async people(ids: readonly string[]): Promise<OrgPerson[]> {
    if (ids.length === 0) return [];
    const [summaries, fields, counts] = await Promise.all([this.identity.summaries(ids), this.org.of(ids), this.reportCounts(ids)]);
    return ids.flatMap((id) => {
      const summary = summaries.get(id);
      if (!summary) return [];
      const { title, department, location } = fields.get(id)!;
      return [{ ...summary, title, department, location, reportsCount: counts.get(id) ?? 0 }];
    });
  }

  private async reportCounts(ids: readonly string[]): Promise<Map<string, number>> {
    const found = await rows<{ manager_id: string; n: number }>(
      this.db.manager,
      'SELECT manager_id, count(*)::int AS n FROM profiles WHERE manager_id = ANY ($1::uuid[]) GROUP BY manager_id',
      [[...new Set(ids)]],
    );
    return new Map(found.map((r) => [r.manager_id, r.n]));
  }
}
