import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Groups: communities, their memberships (roles and join requests) and bans (owned by libs/groups).
 *
 * `member_count` counts the owner/admin/member rows (not pending requests); the service changes it
 * in the same transaction as the row it counts, under the group's row lock, so it never drifts.
 * One membership row per person per group is the primary key: concurrent joins make one row.
 */
export class CreateGroups1795420800600 implements MigrationInterface {
  name = 'CreateGroups1795420800600';

  async up(q: QueryRunner): Promise<void> {
    // Name search (`ILIKE '%q%'`) through a trigram index. Trusted extension: the database owner may create it.
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');

    // Names are not unique on purpose: a 409 on a taken name would reveal that a private group exists.
    await q.query(`
      CREATE TABLE groups (
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        name          text NOT NULL,
        description   text NOT NULL DEFAULT '',
        -- Community guidelines, Markdown, stored as written.
        guidelines    text NOT NULL DEFAULT '',
        visibility    text NOT NULL,
        created_by    uuid,
        member_count  integer NOT NULL DEFAULT 0,
        created_at    timestamptz(3) NOT NULL DEFAULT now(),
        updated_at    timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT groups_pkey PRIMARY KEY (id),
        CONSTRAINT groups_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT groups_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
        CONSTRAINT groups_description_length CHECK (char_length(description) <= 2000),
        CONSTRAINT groups_guidelines_length CHECK (char_length(guidelines) <= 20000),
        CONSTRAINT groups_visibility_known CHECK (visibility IN ('public', 'private')),
        CONSTRAINT groups_member_count_not_negative CHECK (member_count >= 0)
      )`);
    // The directory, newest first: walked in keyset order, each group checked against the viewer's
    // membership (a primary key probe) until the page is full. Name search through trigrams.
    await q.query('CREATE INDEX groups_recent_idx ON groups (created_at DESC, id DESC)');
    await q.query('CREATE INDEX groups_name_trgm_idx ON groups USING gin (name gin_trgm_ops)');

    await q.query(`
      CREATE TABLE group_memberships (
        group_id    uuid NOT NULL,
        user_id     uuid NOT NULL,
        role        text NOT NULL,
        -- When the row appeared: the join, or the join request.
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        -- When the person became a member (NULL while the request is pending).
        joined_at   timestamptz(3),
        -- Who approved the request (NULL for a direct join or the creator).
        decided_by  uuid,
        decided_at  timestamptz(3),
        CONSTRAINT group_memberships_pkey PRIMARY KEY (group_id, user_id),
        CONSTRAINT group_memberships_group_fk FOREIGN KEY (group_id) REFERENCES groups (id) ON DELETE CASCADE,
        CONSTRAINT group_memberships_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT group_memberships_decided_by_fk FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT group_memberships_role_known CHECK (role IN ('owner', 'admin', 'member', 'pending')),
        CONSTRAINT group_memberships_joined_iff_member CHECK ((role = 'pending') = (joined_at IS NULL))
      )`);
    // "Groups of user U" (socket rooms, feed, visibility), index-only with the role.
    await q.query('CREATE INDEX group_memberships_user_idx ON group_memberships (user_id, group_id) INCLUDE (role)');
    // Member lists in join order, and the pending requests in arrival order.
    await q.query(
      `CREATE INDEX group_memberships_members_idx ON group_memberships (group_id, joined_at, user_id) WHERE role IN ('owner', 'admin', 'member')`,
    );
    await q.query(
      `CREATE INDEX group_memberships_requests_idx ON group_memberships (group_id, created_at, user_id) WHERE role = 'pending'`,
    );

    await q.query(`
      CREATE TABLE group_bans (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        group_id    uuid NOT NULL,
        user_id     uuid NOT NULL,
        -- NULL: until lifted.
        until       timestamptz(3),
        reason      text NOT NULL,
        banned_by   uuid,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        -- Set when lifted, or when a ban that ran out is closed by a new ban.
        lifted_at   timestamptz(3),
        lifted_by   uuid,
        CONSTRAINT group_bans_pkey PRIMARY KEY (id),
        CONSTRAINT group_bans_group_fk FOREIGN KEY (group_id) REFERENCES groups (id) ON DELETE CASCADE,
        CONSTRAINT group_bans_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT group_bans_banned_by_fk FOREIGN KEY (banned_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT group_bans_lifted_by_fk FOREIGN KEY (lifted_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT group_bans_reason_length CHECK (char_length(reason) BETWEEN 1 AND 1000),
        CONSTRAINT group_bans_until_after_start CHECK (until IS NULL OR until > created_at)
      )`);
    // At most one open ban per person per group (an open ban whose end date passed no longer
    // applies; banning again closes it first). Also serves "is U banned from G".
    await q.query('CREATE UNIQUE INDEX group_bans_one_open_idx ON group_bans (group_id, user_id) WHERE lifted_at IS NULL');
    // A group's bans, newest first.
    await q.query('CREATE INDEX group_bans_group_recent_idx ON group_bans (group_id, created_at DESC, id DESC)');
    await q.query('CREATE INDEX group_bans_user_idx ON group_bans (user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE group_bans');
    await q.query('DROP TABLE group_memberships');
    await q.query('DROP TABLE groups');
    // pg_trgm stays: other modules (search) may rely on it.
  }
}
