import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Seeded synonyms: spellings people use for one skill (keys as `skillKey` writes them). */
const SEED_SYNONYMS: [alias: string, canonical: string][] = [
  ['k8s', 'kubernetes'],
  ['kube', 'kubernetes'],
  ['js', 'javascript'],
  ['ts', 'typescript'],
  ['ml', 'machine learning'],
  ['apprentissage automatique', 'machine learning'],
  ['rh', 'ressources humaines'],
  ['hr', 'ressources humaines'],
  ['human resources', 'ressources humaines'],
  ['ai', 'intelligence artificielle'],
  ['ia', 'intelligence artificielle'],
  ['artificial intelligence', 'intelligence artificielle'],
  ['golang', 'go'],
  ['postgres', 'postgresql'],
  ['reactjs', 'react'],
  ['nodejs', 'node.js'],
];

/**
 * Expertise (owned by libs/expertise): who knows what, kept up to date from domain events, the
 * synonym table topics are normalised through, and mentoring offers and requests.
 *
 * `expertise` holds one row per person and topic with the counters the ranking is made of; its
 * `score` is the row's points under the current weights (libs/expertise/src/scoring.ts), written
 * whenever a counter changes, so "the best people on topic T" is an ordered index walk.
 * Topics are canonical keys: `skillKey` (case, accents, whitespace) then the synonym table.
 */
export class CreateExpertise1795421000000 implements MigrationInterface {
  name = 'CreateExpertise1795421000000';

  async up(q: QueryRunner): Promise<void> {
    // Trusted extensions; other modules may have created them already.
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    // unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index;
    // this wrapper names the dictionary and is IMMUTABLE: the shared folding for accent- and
    // case-insensitive text search (people's names and places, question titles).
    await q.query(`
      CREATE OR REPLACE FUNCTION ruche_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);

    await q.query(`
      CREATE TABLE skill_synonyms (
        alias_key      text NOT NULL,
        canonical_key  text NOT NULL,
        updated_at     timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT skill_synonyms_pkey PRIMARY KEY (alias_key),
        CONSTRAINT skill_synonyms_alias_length CHECK (char_length(alias_key) BETWEEN 1 AND 200),
        CONSTRAINT skill_synonyms_canonical_length CHECK (char_length(canonical_key) BETWEEN 1 AND 200),
        CONSTRAINT skill_synonyms_not_self CHECK (alias_key <> canonical_key)
      )`);
    await q.query('CREATE INDEX skill_synonyms_canonical_idx ON skill_synonyms (canonical_key)');
    await q.query('INSERT INTO skill_synonyms (alias_key, canonical_key) SELECT * FROM unnest($1::text[], $2::text[])', [
      SEED_SYNONYMS.map(([alias]) => alias),
      SEED_SYNONYMS.map(([, canonical]) => canonical),
    ]);

    await q.query(`
      CREATE TABLE expertise (
        user_id           uuid NOT NULL,
        topic             text NOT NULL,
        declared          boolean NOT NULL DEFAULT false,
        endorsements      integer NOT NULL DEFAULT 0,
        accepted_answers  integer NOT NULL DEFAULT 0,
        answer_upvotes    integer NOT NULL DEFAULT 0,
        posts             integer NOT NULL DEFAULT 0,
        reviews           integer NOT NULL DEFAULT 0,
        score             real NOT NULL DEFAULT 0,
        updated_at        timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT expertise_pkey PRIMARY KEY (user_id, topic),
        CONSTRAINT expertise_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT expertise_topic_length CHECK (char_length(topic) BETWEEN 1 AND 200),
        CONSTRAINT expertise_counts_not_negative CHECK (
          endorsements >= 0 AND accepted_answers >= 0 AND answer_upvotes >= 0 AND posts >= 0 AND reviews >= 0
        )
      )`);
    // The best people on a topic: one ordered index walk per matched topic, cut at a few dozen.
    await q.query('CREATE INDEX expertise_topic_rank_idx ON expertise (topic, score DESC, user_id)');

    // Every topic anyone has expertise on, with how it is shown: the small table that free-text
    // and misspelt queries are matched against (trigrams), before the big one is touched.
    await q.query(`
      CREATE TABLE expertise_topics (
        topic       text NOT NULL,
        label       text NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT expertise_topics_pkey PRIMARY KEY (topic),
        CONSTRAINT expertise_topics_topic_length CHECK (char_length(topic) BETWEEN 1 AND 200),
        CONSTRAINT expertise_topics_label_length CHECK (char_length(label) BETWEEN 1 AND 200)
      )`);
    await q.query('CREATE INDEX expertise_topics_trgm_idx ON expertise_topics USING gin (topic gin_trgm_ops)');

    // What each post and answer contributed, so edits, deletions, re-counted votes and events
    // delivered out of order (two instances) move the counters exactly. `last_event_id` is the
    // newest event applied; older ones are ignored. A deleted post keeps its row (no topics).
    await q.query(`
      CREATE TABLE expertise_post_credits (
        post_id        uuid NOT NULL,
        user_id        uuid NOT NULL,
        topics         text[] NOT NULL DEFAULT '{}',
        last_event_id  bigint NOT NULL,
        CONSTRAINT expertise_post_credits_pkey PRIMARY KEY (post_id),
        CONSTRAINT expertise_post_credits_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE expertise_answer_credits (
        answer_id      uuid NOT NULL,
        user_id        uuid NOT NULL,
        topics         text[] NOT NULL DEFAULT '{}',
        upvotes        integer NOT NULL DEFAULT 0,
        accepted       boolean NOT NULL DEFAULT false,
        last_event_id  bigint NOT NULL,
        CONSTRAINT expertise_answer_credits_pkey PRIMARY KEY (answer_id),
        CONSTRAINT expertise_answer_credits_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);

    // Owned by identity and people, added here because expert search is what needs them (through
    // IdentityService.matchNames and PeopleService.idsInPlace): misspelt names by trigram, and the
    // department and location filters, accent- and case-insensitive. GIN rather than GiST for names:
    // measured on 100,000 people, GIN answers a word that is nobody's name in under a millisecond
    // and the commonest first name in ~15 ms; GiST (KNN) the reverse, ~15 ms and ~4 ms.
    await q.query('CREATE INDEX users_display_name_trgm_idx ON users USING gin (ruche_fold(display_name) gin_trgm_ops)');
    await q.query('CREATE INDEX profiles_department_fold_idx ON profiles (ruche_fold(department), user_id)');
    await q.query('CREATE INDEX profiles_location_fold_idx ON profiles (ruche_fold(location), user_id)');

    // Mentoring: who is willing (on which topics, how many mentees at once) and the requests.
    await q.query(`
      CREATE TABLE mentoring_profiles (
        user_id      uuid NOT NULL,
        available    boolean NOT NULL DEFAULT true,
        max_mentees  smallint NOT NULL DEFAULT 3,
        updated_at   timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT mentoring_profiles_pkey PRIMARY KEY (user_id),
        CONSTRAINT mentoring_profiles_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT mentoring_profiles_max_mentees_range CHECK (max_mentees BETWEEN 1 AND 20)
      )`);
    await q.query(`
      CREATE TABLE mentoring_offers (
        user_id     uuid NOT NULL,
        topic       text NOT NULL,
        label       text NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT mentoring_offers_pkey PRIMARY KEY (user_id, topic),
        CONSTRAINT mentoring_offers_profile_fk FOREIGN KEY (user_id) REFERENCES mentoring_profiles (user_id) ON DELETE CASCADE,
        CONSTRAINT mentoring_offers_topic_length CHECK (char_length(topic) BETWEEN 1 AND 200),
        CONSTRAINT mentoring_offers_label_length CHECK (char_length(label) BETWEEN 1 AND 200)
      )`);
    // Willing mentors on a topic.
    await q.query('CREATE INDEX mentoring_offers_topic_idx ON mentoring_offers (topic, user_id)');
    await q.query(`
      CREATE TABLE mentoring_requests (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        mentee_id   uuid NOT NULL,
        mentor_id   uuid,
        topic       text NOT NULL,
        label       text NOT NULL,
        note        text NOT NULL DEFAULT '',
        status      text NOT NULL DEFAULT 'waiting',
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        paired_at   timestamptz(3),
        closed_at   timestamptz(3),
        CONSTRAINT mentoring_requests_pkey PRIMARY KEY (id),
        CONSTRAINT mentoring_requests_mentee_fk FOREIGN KEY (mentee_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT mentoring_requests_mentor_fk FOREIGN KEY (mentor_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT mentoring_requests_status_known CHECK (status IN ('waiting', 'paired', 'closed')),
        CONSTRAINT mentoring_requests_paired_has_mentor CHECK (status <> 'paired' OR mentor_id IS NOT NULL),
        CONSTRAINT mentoring_requests_not_self CHECK (mentor_id IS NULL OR mentor_id <> mentee_id),
        CONSTRAINT mentoring_requests_topic_length CHECK (char_length(topic) BETWEEN 1 AND 200),
        CONSTRAINT mentoring_requests_label_length CHECK (char_length(label) BETWEEN 1 AND 200),
        CONSTRAINT mentoring_requests_note_length CHECK (char_length(note) <= 2000)
      )`);
    // One open request per person and topic.
    await q.query(`
      CREATE UNIQUE INDEX mentoring_requests_one_open_idx ON mentoring_requests (mentee_id, topic)
        WHERE status IN ('waiting', 'paired')`);
    // A mentor's current mentees (capacity), and the queue of requests waiting for a mentor.
    await q.query(`CREATE INDEX mentoring_requests_mentor_idx ON mentoring_requests (mentor_id) WHERE status = 'paired'`);
    await q.query(
      `CREATE INDEX mentoring_requests_waiting_idx ON mentoring_requests (topic, created_at) WHERE status = 'waiting'`,
    );
    // "My requests", as mentee or as mentor, newest first.
    await q.query(
      'CREATE INDEX mentoring_requests_mentee_recent_idx ON mentoring_requests (mentee_id, created_at DESC, id DESC)',
    );
    await q.query(
      'CREATE INDEX mentoring_requests_mentor_recent_idx ON mentoring_requests (mentor_id, created_at DESC, id DESC)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mentoring_requests');
    await q.query('DROP TABLE mentoring_offers');
    await q.query('DROP TABLE mentoring_profiles');
    await q.query('DROP INDEX profiles_location_fold_idx');
    await q.query('DROP INDEX profiles_department_fold_idx');
    await q.query('DROP INDEX users_display_name_trgm_idx');
    await q.query('DROP TABLE expertise_answer_credits');
    await q.query('DROP TABLE expertise_post_credits');
    await q.query('DROP TABLE expertise_topics');
    await q.query('DROP TABLE expertise');
    await q.query('DROP TABLE skill_synonyms');
    // ruche_fold, pg_trgm and unaccent stay: other modules' indexes (question titles) may use them.
  }
}
