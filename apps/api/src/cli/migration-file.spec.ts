import { assertPascalName, handWrittenObjectNames, renderMigration, withoutHandWrittenDrops } from './migration-file.js';

describe('migration file rendering', () => {
  it('names the class and file after the PascalCase name and the timestamp', () => {
    const file = renderMigration(
      'CreateGroups',
      1795420800400,
      [{ query: 'CREATE TABLE "groups" ("id" uuid)' }],
      [{ query: 'DROP TABLE "groups"' }],
    );
    expect(file.className).toBe('CreateGroups1795420800400');
    expect(file.fileName).toBe('1795420800400-CreateGroups.ts');
    expect(file.content).toContain('export class CreateGroups1795420800400 implements MigrationInterface {');
    expect(file.content).toContain("name = 'CreateGroups1795420800400';");
    expect(file.content).toContain('await q.query(`CREATE TABLE "groups" ("id" uuid)`);');
    expect(file.content).toContain('await q.query(`DROP TABLE "groups"`);');
  });

  it('writes down statements in reverse order so they undo up from the end', () => {
    const file = renderMigration('AddThings', 1, [{ query: 'A' }, { query: 'B' }], [{ query: 'undo A' }, { query: 'undo B' }]);
    const down = file.content.slice(file.content.indexOf('async down'));
    expect(down.indexOf('undo B')).toBeLessThan(down.indexOf('undo A'));
  });

  it('keeps parameters and escapes what would break out of the template literal', () => {
    const file = renderMigration(
      'AddComment',
      1,
      [{ query: "COMMENT ON TABLE t IS 'a `b` ${c} \\d'", parameters: ['x', 1] }],
      [],
    );
    expect(file.content).toContain('await q.query(`COMMENT ON TABLE t IS \'a \\`b\\` \\${c} \\\\d\'`, ["x",1]);');
  });

  it.each(['', 'createGroups', 'Create-Groups', 'Create Groups', 'A', '../Evil', undefined])('refuses the name %p', (name) => {
    expect(() => assertPascalName(name)).toThrow(/PascalCase/);
  });

  describe('hand-written constraints and indexes', () => {
    const names = handWrittenObjectNames([
      `CREATE TABLE users (email text, CONSTRAINT users_email_unique UNIQUE (email), CONSTRAINT "users_email_lowercase" CHECK (email = lower(email)))`,
      `await q.query('CREATE INDEX outbox_pending_idx ON outbox (id) WHERE seq IS NULL');
       await q.query('CREATE UNIQUE INDEX IF NOT EXISTS posts_one_pin ON posts (group_id)');`,
    ]);

    it('collects the names a migration creates', () => {
      expect([...names].sort()).toEqual(['outbox_pending_idx', 'posts_one_pin', 'users_email_lowercase', 'users_email_unique']);
    });

    it('leaves out dropping and re-creating them, keeps real changes', () => {
      const result = withoutHandWrittenDrops(
        [
          { query: 'ALTER TABLE "users" DROP CONSTRAINT "users_email_unique"' },
          { query: 'DROP INDEX "public"."outbox_pending_idx"' },
          { query: 'ALTER TABLE "users" ADD "bio" text' },
          { query: 'ALTER TABLE "users" DROP CONSTRAINT "FK_new_one"' },
        ],
        [
          { query: 'ALTER TABLE "users" ADD CONSTRAINT "users_email_unique" UNIQUE ("email")' },
          { query: 'CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("id") WHERE (seq IS NULL)' },
          { query: 'ALTER TABLE "users" DROP COLUMN "bio"' },
        ],
        names,
      );
      expect(result.up.map((s) => s.query)).toEqual([
        'ALTER TABLE "users" ADD "bio" text',
        'ALTER TABLE "users" DROP CONSTRAINT "FK_new_one"',
      ]);
      expect(result.down.map((s) => s.query)).toEqual(['ALTER TABLE "users" DROP COLUMN "bio"']);
      expect(result.skipped).toHaveLength(4);
    });
  });
});
