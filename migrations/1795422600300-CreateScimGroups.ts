import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The groups the company's identity provider pushes through SCIM (#15), owned by libs/scim: which
 * Ruche group each SCIM Group is, the provider's `externalId` for it, and its `displayName` as
 * last pushed (what SCIM filters on; the group's name in Ruche follows it). The group itself, its
 * members and its content are the groups module's; a group deleted there drops its row here.
 */
export class CreateScimGroups1795422600300 implements MigrationInterface {
  name = 'CreateScimGroups1795422600300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scim_groups (
        group_id     uuid NOT NULL,
        external_id  text,
        display_name text NOT NULL,
        created_at   timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT scim_groups_pkey PRIMARY KEY (group_id),
        CONSTRAINT scim_groups_group_fkey FOREIGN KEY (group_id) REFERENCES groups (id) ON DELETE CASCADE,
        CONSTRAINT scim_groups_external_id_unique UNIQUE (external_id),
        CONSTRAINT scim_groups_external_id_length CHECK (length(external_id) BETWEEN 1 AND 256),
        CONSTRAINT scim_groups_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 100)
      )`);
    await q.query('CREATE INDEX scim_groups_created_idx ON scim_groups (created_at, group_id)');
    await q.query('CREATE INDEX scim_groups_display_name_idx ON scim_groups (lower(display_name))');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE scim_groups');
  }
}
