import { Database, PersonalDataRegistry, Transactions } from '@ruche/platform';
import { useTestApp } from './support/test-app.js';

/**
 * Completeness of export and erasure (#15, the issue's "a test fails when a new table holding user
 * ids is not in the export or the erasure"). Every column of the migrated schema that holds a user
 * id must be covered by a module's PersonalDataRegistry entry (libs/<module>/src/*-personal-data.ts),
 * which says how it is exported and erased (or why it is knowingly kept). A column holds a user id
 * when it references users(id) or profiles(user_id), or is a uuid (or uuid[]) named as people are
 * named in this schema: `user_id`, `*_user_id`, `author_id`, `actor_id`, `*_by`, ...
 *
 * When this fails for your new table: register it in your module's `*-personal-data.ts`.
 */
const PERSON_COLUMN =
  /^(user_id|.+_user_id|author_id|actor_id|actors|owner_id|.+_owner_id|recipient_id|follower_id|followee_id|reviewer_id|asker_id|mentee_id|mentor_id|endorser_id|reporter_id|sender_id|manager_id|counterpart_id|subscriber_id|voter_id|inviter_id|invitee_id|member_id|.+_by)$/;

describe('personal data coverage', () => {
  const t = useTestApp();

  async function personColumns(): Promise<string[]> {
    const referencing = await t.sql<{ col: string }>(
      `SELECT DISTINCT kcu.table_name || '.' || kcu.column_name AS col
         FROM information_schema.referential_constraints rc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
         JOIN information_schema.constraint_column_usage ccu
           ON ccu.constraint_name = rc.unique_constraint_name AND ccu.constraint_schema = rc.unique_constraint_schema
        WHERE kcu.table_schema = 'public'
          AND ((ccu.table_name = 'users' AND ccu.column_name = 'id') OR (ccu.table_name = 'profiles' AND ccu.column_name = 'user_id'))`,
    );
    const named = await t.sql<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name
         FROM information_schema.columns c
         JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
          AND (c.udt_name = 'uuid' OR c.udt_name = '_uuid')`,
    );
    const found = new Set(referencing.map((r) => r.col));
    for (const c of named) if (PERSON_COLUMN.test(c.column_name)) found.add(`${c.table_name}.${c.column_name}`);
    found.add('users.id');
    return [...found].sort();
  }

  it('every column holding a user id is covered by a module’s export/erasure registration', async () => {
    const columns = await personColumns();
    // The detector itself must see the obvious ones, or the check below proves nothing.
    expect(columns).toEqual(
      expect.arrayContaining(['posts.author_id', 'follows.follower_id', 'notifications.actors', 'users.id']),
    );
    const coverage = t.app.get(PersonalDataRegistry).coverage();
    const uncovered = columns.filter((c) => !coverage.has(c));
    expect(uncovered).toEqual([]);
  });

  it('every registration names columns that exist (a renamed column cannot stay covered by its old name)', async () => {
    const existing = new Set(
      (
        await t.sql<{ col: string }>(
          `SELECT table_name || '.' || column_name AS col FROM information_schema.columns WHERE table_schema = 'public'`,
        )
      ).map((r) => r.col),
    );
    const coverage = t.app.get(PersonalDataRegistry).coverage();
    expect([...coverage.keys()].filter((c) => !existing.has(c))).toEqual([]);
  });

  it('every registration exports and erases a person with no data without error, each export section a list', async () => {
    const registry = t.app.get(PersonalDataRegistry);
    const [user] = await t.sql<{ id: string }>(
      `INSERT INTO users (email, handle, display_name) VALUES ('nobody@corp.example', 'nobody', 'Nobody') RETURNING id`,
    );
    const db = t.app.get(Database);
    for (const owner of registry.all()) {
      const sections = await owner.exportFor(db.manager, user.id);
      for (const items of Object.values(sections)) expect(Array.isArray(items)).toBe(true);
    }
    await t.app.get(Transactions).run(async (tx) => {
      for (const owner of registry.all())
        await owner.erase(tx, { userId: user.id, handle: 'nobody', pseudonym: 'former_0000', mode: 'delete' });
    });
    const [after] = await t.sql<{ status: string; display_name: string }>(
      'SELECT status, display_name FROM users WHERE id = $1',
      [user.id],
    );
    expect(after).toEqual({ status: 'erased', display_name: 'Former employee' });
  });
});
