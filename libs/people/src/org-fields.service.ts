import { Injectable } from '@nestjs/common';
import { conflict, Database, invalid, lockKey, rows, type Tx } from '@ruche/platform';

/** The directory's part of a profile: what a company's identity provider keeps (SCIM) and pushes. */
export interface OrgFields {
  title: string;
  department: string;
  location: string;
  managerId: string | null;
}

/**
 * Every change that gives someone a manager takes this lock first, then checks the chain above
 * the new manager: two concurrent changes (A under B, B under A) run one after the other, and the
 * second sees the first and is refused, so the org chart can never hold a cycle.
 */
export const ORG_CHART_LOCK = 'ruche.org-chart';

/** How far up a chain is followed (org charts are a few levels deep; this only bounds bad data). */
export const MAX_CHAIN_DEPTH = 64;

/** As the profiles table bounds them (profiles_title_length, profiles_department_length). */
export const ORG_FIELD_MAX = 100;

/**
 * Title, department and manager of people, read and written for provisioning (libs/scim). Writes
 * join the caller's transaction; absent fields are kept, so a PATCH of one field leaves the others.
 */
@Injectable()
export class OrgFieldsService {
  constructor(private readonly db: Database) {}

  async of(ids: readonly string[]): Promise<Map<string, OrgFields>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await rows<{ user_id: string; title: string; department: string; location: string; manager_id: string | null }>(
      this.db.manager,
      'SELECT user_id, title, department, location, manager_id FROM profiles WHERE user_id = ANY ($1::uuid[])',
      [unique],
    );
    const byId = new Map(found.map((r) => [r.user_id, r]));
    return new Map(
      unique.map((id) => {
        const r = byId.get(id);
        return [
          id,
          { title: r?.title ?? '', department: r?.department ?? '', location: r?.location ?? '', managerId: r?.manager_id ?? null },
        ];
      }),
    );
  }

  /**
   * Writes the fields given. A new manager must be an existing person who is not below `userId`
   * (else 409 `manager_cycle`), checked under {@link ORG_CHART_LOCK} in the caller's transaction.
   */
  async set(tx: Tx, userId: string, change: Partial<OrgFields>): Promise<void> {
    for (const [name, value] of [
      ['title', change.title],
      ['department', change.department],
      ['location', change.location],
    ] as const) {
      if (value !== undefined && value.length > ORG_FIELD_MAX)
        throw invalid(`${name} must be at most ${ORG_FIELD_MAX} characters`);
    }
    if (change.managerId === userId) throw invalid('a person cannot be their own manager', 'manager_cycle');
    if (change.managerId) {
      await lockKey(tx.manager, ORG_CHART_LOCK);
      const [exists] = await rows<{ id: string }>(tx.manager, `SELECT id FROM users WHERE id = $1 AND status <> 'erased'`, [
        change.managerId,
      ]);
      if (!exists) throw invalid('manager must be an existing person');
      if (await this.isBelow(tx, change.managerId, userId))
        throw conflict('This would make the person their own indirect manager', 'manager_cycle');
    }
    await tx.manager.query(
      `INSERT INTO profiles AS p (user_id, title, department, location, manager_id)
       VALUES ($1, coalesce($2, ''), coalesce($3, ''), coalesce($6, ''), CASE WHEN $4 THEN $5::uuid END)
       ON CONFLICT (user_id) DO UPDATE
          SET title = coalesce($2, p.title),
              department = coalesce($3, p.department),
              location = coalesce($6, p.location),
              manager_id = CASE WHEN $4 THEN $5::uuid ELSE p.manager_id END,
              updated_at = now()`,
      [
        userId,
        change.title ?? null,
        change.department ?? null,
        change.managerId !== undefined,
        change.managerId ?? null,
        change.location ?? null,
      ],
    );
  }

  /** Every person's manager (person id → manager id), for checking a whole import's chart at once. */
  async managerEdges(): Promise<Map<string, string>> {
    const found = await rows<{ user_id: string; manager_id: string }>(
      this.db.manager,
      'SELECT user_id, manager_id FROM profiles WHERE manager_id IS NOT NULL',
    );
    return new Map(found.map((r) => [r.user_id, r.manager_id]));
  }

  /** Whether `personId` is `ancestorId` or has them somewhere up their chain of managers. */
  async isBelow(tx: Tx, personId: string, ancestorId: string): Promise<boolean> {
    const [found] = await rows<{ below: boolean }>(
      tx.manager,
      `WITH RECURSIVE up (id, depth) AS (
         SELECT $1::uuid, 0
         UNION ALL
         SELECT p.manager_id, up.depth + 1 FROM profiles p JOIN up ON p.user_id = up.id
          WHERE p.manager_id IS NOT NULL AND up.depth < ${MAX_CHAIN_DEPTH}
       )
       SELECT EXISTS (SELECT 1 FROM up WHERE id = $2::uuid) AS below`,
      [personId, ancestorId],
    );
    return found.below;
  }
}
