import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questions and answers (owned by libs/questions), Twelpforce style: a question names its topics,
 * is routed at once to the best experts on them (`question_routes`, one row per person asked, by
 * round), and again to the next ones while nobody answers. The asker accepts one answer.
 *
 * `answer_count` and `answers.vote_count` are counters changed in the same transaction as the row
 * they count, under the question's or the answer's row lock, and only when that row was really
 * inserted or deleted (one vote per person and answer is the primary key), so they never drift.
 * One accepted answer per question is a partial unique index, and the accepted answer must be an
 * answer to that question (composite foreign key). Time columns are timestamptz(3): keyset
 * cursors round-trip exactly through a JavaScript Date.
 */
export class CreateQuestions1795421000100 implements MigrationInterface {
  name = 'CreateQuestions1795421000100';

  async up(q: QueryRunner): Promise<void> {
    // Both exist already when the expertise migration ran; kept so this one stands on its own.
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');

    await q.query(`
      CREATE TABLE questions (
        id                  uuid NOT NULL DEFAULT gen_random_uuid(),
        asker_id            uuid NOT NULL,
        title               text NOT NULL,
        body                text NOT NULL DEFAULT '',
        -- Canonical topic keys (skill keys through the synonym table), 1 to 10.
        topics              text[] NOT NULL,
        status              text NOT NULL DEFAULT 'open',
        accepted_answer_id  uuid,
        answer_count        integer NOT NULL DEFAULT 0,
        created_at          timestamptz(3) NOT NULL DEFAULT now(),
        answered_at         timestamptz(3),
        -- "I'm on it": who, until when (a claim past its time is no claim).
        claimed_by          uuid,
        claim_expires_at    timestamptz(3),
        -- Routing rounds attempted (1 at creation), and when the last one ran.
        routed_round        smallint NOT NULL DEFAULT 0,
        last_routed_at      timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT questions_pkey PRIMARY KEY (id),
        CONSTRAINT questions_asker_fk FOREIGN KEY (asker_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT questions_claimed_by_fk FOREIGN KEY (claimed_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT questions_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
        CONSTRAINT questions_body_length CHECK (char_length(body) <= 20000),
        CONSTRAINT questions_topics_count CHECK (cardinality(topics) BETWEEN 1 AND 10),
        CONSTRAINT questions_status_known CHECK (status IN ('open', 'answered')),
        CONSTRAINT questions_answered_has_answer CHECK ((status = 'answered') = (accepted_answer_id IS NOT NULL)),
        CONSTRAINT questions_answer_count_not_negative CHECK (answer_count >= 0),
        CONSTRAINT questions_claim_whole CHECK ((claimed_by IS NULL) = (claim_expires_at IS NULL)),
        CONSTRAINT questions_routed_round_range CHECK (routed_round BETWEEN 0 AND 100)
      )`);
    // The lists, newest first: all, and by status.
    await q.query('CREATE INDEX questions_recent_idx ON questions (created_at DESC, id DESC)');
    await q.query('CREATE INDEX questions_status_recent_idx ON questions (status, created_at DESC, id DESC)');
    // By topic (`topics @> ARRAY[$topic]`).
    await q.query('CREATE INDEX questions_topics_idx ON questions USING gin (topics)');
    // "Similar questions" while someone types a title: trigrams, accents and case folded. GIN: a
    // title whose words few others share (the usual case) is answered in under a millisecond on
    // 100,000 questions; words in a tenth of all titles cost ~0.1 s (GiST would be the reverse).
    await q.query('CREATE INDEX questions_title_trgm_idx ON questions USING gin (ruche_fold(title) gin_trgm_ops)');
    // The re-routing job: open questions nobody answered, oldest routing first.
    await q.query(`CREATE INDEX questions_reroute_idx ON questions (last_routed_at) WHERE status = 'open' AND answer_count = 0`);
    // A person's questions (and the cascade when an account is deleted).
    await q.query('CREATE INDEX questions_asker_idx ON questions (asker_id, created_at DESC)');

    await q.query(`
      CREATE TABLE answers (
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        question_id  uuid NOT NULL,
        author_id    uuid NOT NULL,
        body         text NOT NULL,
        vote_count   integer NOT NULL DEFAULT 0,
        accepted     boolean NOT NULL DEFAULT false,
        created_at   timestamptz(3) NOT NULL DEFAULT now(),
        accepted_at  timestamptz(3),
        CONSTRAINT answers_pkey PRIMARY KEY (id),
        -- Target of the accepted-answer foreign key below (the answer and its question together).
        CONSTRAINT answers_id_question_unique UNIQUE (id, question_id),
        CONSTRAINT answers_question_fk FOREIGN KEY (question_id) REFERENCES questions (id) ON DELETE CASCADE,
        CONSTRAINT answers_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT answers_body_length CHECK (char_length(body) BETWEEN 1 AND 20000),
        CONSTRAINT answers_vote_count_not_negative CHECK (vote_count >= 0),
        CONSTRAINT answers_accepted_at_whole CHECK (accepted = (accepted_at IS NOT NULL))
      )`);
    // One accepted answer per question, whatever the application does.
    await q.query('CREATE UNIQUE INDEX answers_one_accepted_idx ON answers (question_id) WHERE accepted');
    // A question's answers in display order: accepted first, then most votes, then oldest.
    await q.query(
      'CREATE INDEX answers_question_order_idx ON answers (question_id, accepted DESC, vote_count DESC, created_at, id)',
    );
    await q.query('CREATE INDEX answers_author_idx ON answers (author_id)');
    await q.query(`
      ALTER TABLE questions ADD CONSTRAINT questions_accepted_answer_fk
        FOREIGN KEY (accepted_answer_id, id) REFERENCES answers (id, question_id)`);

    await q.query(`
      CREATE TABLE answer_votes (
        answer_id   uuid NOT NULL,
        user_id     uuid NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        -- One vote per person and answer: what keeps vote_count exact under concurrency.
        CONSTRAINT answer_votes_pkey PRIMARY KEY (answer_id, user_id),
        CONSTRAINT answer_votes_answer_fk FOREIGN KEY (answer_id) REFERENCES answers (id) ON DELETE CASCADE,
        CONSTRAINT answer_votes_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX answer_votes_user_idx ON answer_votes (user_id)');

    await q.query(`
      CREATE TABLE question_routes (
        question_id  uuid NOT NULL,
        user_id      uuid NOT NULL,
        round        smallint NOT NULL,
        -- Rank within the round (0 = the best expert asked).
        position     smallint NOT NULL DEFAULT 0,
        routed_at    timestamptz(3) NOT NULL DEFAULT now(),
        -- Nobody is asked twice about one question.
        CONSTRAINT question_routes_pkey PRIMARY KEY (question_id, user_id),
        CONSTRAINT question_routes_question_fk FOREIGN KEY (question_id) REFERENCES questions (id) ON DELETE CASCADE,
        CONSTRAINT question_routes_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT question_routes_round_range CHECK (round BETWEEN 1 AND 100)
      )`);
    // "Questions for me", most recently routed first.
    await q.query('CREATE INDEX question_routes_user_recent_idx ON question_routes (user_id, routed_at DESC, question_id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE question_routes');
    await q.query('DROP TABLE answer_votes');
    await q.query('ALTER TABLE questions DROP CONSTRAINT questions_accepted_answer_fk');
    await q.query('DROP TABLE answers');
    await q.query('DROP TABLE questions');
  }
}
