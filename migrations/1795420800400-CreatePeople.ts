import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People: profiles, follows, declared skills and endorsements (owned by libs/people). */
export class CreatePeople1795420800400 implements MigrationInterface {
  name = 'CreatePeople1795420800400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE profiles (
        user_id     uuid NOT NULL,
        title       text NOT NULL DEFAULT '',
        department  text NOT NULL DEFAULT '',
        location    text NOT NULL DEFAULT '',
        bio         text NOT NULL DEFAULT '',
        updated_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT profiles_pkey PRIMARY KEY (user_id),
        CONSTRAINT profiles_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT profiles_title_length CHECK (char_length(title) <= 100),
        CONSTRAINT profiles_department_length CHECK (char_length(department) <= 100),
        CONSTRAINT profiles_location_length CHECK (char_length(location) <= 100),
        CONSTRAINT profiles_bio_length CHECK (char_length(bio) <= 2000)
      )`);

    await q.query(`
      CREATE TABLE follows (
        follower_id  uuid NOT NULL,
        followee_id  uuid NOT NULL,
        created_at   timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT follows_pkey PRIMARY KEY (follower_id, followee_id),
        CONSTRAINT follows_follower_fk FOREIGN KEY (follower_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT follows_followee_fk FOREIGN KEY (followee_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT follows_not_self CHECK (follower_id <> followee_id)
      )`);
    // "Who follows X" (feed fan-out, counts; index-only) and the followers page, newest first.
    // The primary key serves "whom does X follow" and "does A follow B"; the second index
    // serves the following page in keyset order.
    await q.query('CREATE INDEX follows_followee_idx ON follows (followee_id, created_at, follower_id)');
    await q.query('CREATE INDEX follows_follower_recent_idx ON follows (follower_id, created_at, followee_id)');

    // `skill` is the normalised key (trimmed, single spaces, lower case, no accents) that
    // endorsements and expert search match on; `name` is how the person first wrote it.
    await q.query(`
      CREATE TABLE user_skills (
        user_id     uuid NOT NULL,
        skill       text NOT NULL,
        name        text NOT NULL,
        position    smallint NOT NULL DEFAULT 0,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT user_skills_pkey PRIMARY KEY (user_id, skill),
        CONSTRAINT user_skills_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT user_skills_skill_length CHECK (char_length(skill) BETWEEN 1 AND 200),
        CONSTRAINT user_skills_name_length CHECK (char_length(name) BETWEEN 1 AND 60),
        -- At most 50 skills per person: 50 distinct positions. Deferred so a reorder can swap.
        CONSTRAINT user_skills_position_range CHECK (position BETWEEN 0 AND 49),
        CONSTRAINT user_skills_position_unique UNIQUE (user_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    // Expert search: everyone who declared a skill.
    await q.query('CREATE INDEX user_skills_skill_idx ON user_skills (skill, user_id)');

    // Endorsing a skill the person no longer declares is impossible (FK), and withdrawing a
    // skill withdraws its endorsements (CASCADE).
    await q.query(`
      CREATE TABLE skill_endorsements (
        endorser_id  uuid NOT NULL,
        user_id      uuid NOT NULL,
        skill        text NOT NULL,
        created_at   timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT skill_endorsements_pkey PRIMARY KEY (user_id, skill, endorser_id),
        CONSTRAINT skill_endorsements_user_skill_fk FOREIGN KEY (user_id, skill)
          REFERENCES user_skills (user_id, skill) ON DELETE CASCADE,
        CONSTRAINT skill_endorsements_endorser_fk FOREIGN KEY (endorser_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT skill_endorsements_not_self CHECK (endorser_id <> user_id)
      )`);
    await q.query('CREATE INDEX skill_endorsements_endorser_idx ON skill_endorsements (endorser_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE skill_endorsements');
    await q.query('DROP TABLE user_skills');
    await q.query('DROP TABLE follows');
    await q.query('DROP TABLE profiles');
  }
}
