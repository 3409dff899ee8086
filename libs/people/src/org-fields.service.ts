import { Injectable } from '@nestjs/common';
import { Database, invalid, rows, type Tx } from '@ruche/platform';

/** The directory's part of a profile: what a company's identity provider keeps (SCIM) and pushes. */
export interface OrgFields {
  title: string;
  department: string;
  managerId: string | null;
}

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
    const found = await rows<{ user_id: string; title: string; department: string; manager_id: string | null }>(
      this.db.manager,
      'SELECT user_id, title, department, manager_id FROM profiles WHERE user_id = ANY ($1::uuid[])',
      [unique],
    );
    const byId = new Map(found.map((r) => [r.user_id, r]));
    return new Map(
      unique.map((id) => {
        const r = byId.get(id);
        return [id, { title: r?.title ?? '', department: r?.department ?? '', managerId: r?.manager_id ?? null }];
      }),
    );
  }

  async set(tx: Tx, userId: string, change: Partial<OrgFields>): Promise<void> {
    for (const [name, value] of [
      ['title', change.title],
      ['department', change.department],
    ] as const) {
      if (value !== undefined && value.length > ORG_FIELD_MAX)
        throw invalid(`${name} must be at most ${ORG_FIELD_MAX} characters`);
    }
    if (change.managerId === userId) throw invalid('a person cannot be their own manager');
    if (change.managerId) {
      const [exists] = await rows<{ id: string }>(tx.manager, `SELECT id FROM users WHERE id = $1 AND status <> 'erased'`, [
        change.managerId,
      ]);
      if (!exists) throw invalid('manager must be an existing person');
    }
    await tx.manager.query(
      `INSERT INTO profiles AS p (user_id, title, department, manager_id)
       VALUES ($1, coalesce($2, ''), coalesce($3, ''), CASE WHEN $4 THEN $5::uuid END)
       ON CONFLICT (user_id) DO UPDATE
          SET title = coalesce($2, p.title),
              department = coalesce($3, p.department),
              manager_id = CASE WHEN $4 THEN $5::uuid ELSE p.manager_id END,
              updated_at = now()`,
      [userId, change.title ?? null, change.department ?? null, change.managerId !== undefined, change.managerId ?? null],
    );
  }
}
