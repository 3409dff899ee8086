-- The schema after all migrations (test/schema-snapshot.e2e-spec.ts checks it). Refresh: npm run schema:snapshot

-- extensions (2)
EXTENSION pg_trgm
EXTENSION unaccent

-- tables (102)
TABLE public.account_tokens
  id uuid NOT NULL DEFAULT gen_random_uuid()
  user_id uuid NOT NULL
  purpose text NOT NULL
  token_hash bytea NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  expires_at timestamp(3) with time zone NOT NULL
  used_at timestamp(3) with time zone
TABLE public.analytics_activity
  event_id bigint NOT NULL
  kind text NOT NULL
  actor_id uuid
  actor_department text NOT NULL DEFAULT ''::text
  subject_type text
  subject_id uuid
  parent_type text
  parent_id uuid
  parent_created_at timestamp(3) with time zone
  group_id uuid
  counterpart_id uuid
  counterpart_department text
  delta integer NOT NULL DEFAULT 1
  vote_count integer
  audience_size integer
  status text
  created_at timestamp(3) with time zone NOT NULL
TABLE public.announcement_recipients
  announcement_id uuid NOT NULL
  user_id uuid NOT NULL
  department text NOT NULL DEFAULT ''::text
  acked_at timestamp(3) with time zone
TABLE public.announcement_reminders
  announcement_id uuid NOT NULL
  day date NOT NULL
  sent_by uuid
  unread_count integer NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.announcements
  id uuid NOT NULL DEFAULT gen_random_uuid()
  author_id uuid NOT NULL
  group_id uuid
  title text NOT NULL
  body text NOT NULL
  audience_departments text[] NOT NULL DEFAULT '{}'::text[]
  audience_locations text[] NOT NULL DEFAULT '{}'::text[]
  publish_at timestamp(3) with time zone NOT NULL DEFAULT now()
  published_at timestamp(3) with time zone
  expires_at timestamp(3) with time zone
  expired_at timestamp(3) with time zone
  recipient_count integer NOT NULL DEFAULT 0
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.answer_revisions
  id uuid NOT NULL DEFAULT gen_random_uuid()
  answer_id uuid NOT NULL
  body text NOT NULL
  edited_by uuid NOT NULL
  edited_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.answer_votes
  answer_id uuid NOT NULL
  user_id uuid NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.answers
  id uuid NOT NULL DEFAULT gen_random_uuid()
  question_id uuid NOT NULL
  author_id uuid NOT NULL
  body text NOT NULL
  vote_count integer NOT NULL DEFAULT 0
  accepted boolean NOT NULL DEFAULT false
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  accepted_at timestamp(3) with time zone
  moderation_state text NOT NULL DEFAULT 'visible'::text
  search_vector tsvector GENERATED (setweight(to_tsvector('ruche_fr'::regconfig, body), 'B'::"char") || setweight(to_tsvector('ruche_en'::regconfig, body), 'B'::"char"))
  body_html text
  edited_at timestamp(3) with time zone
  deleted_at timestamp(3) with time zone
  deleted_by uuid
TABLE public.audit_log
  id uuid NOT NULL DEFAULT gen_random_uuid()
  source_event_id bigint NOT NULL
  actor_id uuid
  action text NOT NULL
  target_type text NOT NULL
  target_id uuid
  group_id uuid
  note text
  details jsonb NOT NULL DEFAULT '{}'::jsonb
  created_at timestamp(3) with time zone NOT NULL
  recorded_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.badges
  user_id uuid NOT NULL
  badge text NOT NULL
  awarded_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.campaign_reviewers
  campaign_id uuid NOT NULL
  user_id uuid NOT NULL
  position smallint NOT NULL
TABLE public.campaign_transitions
  id uuid NOT NULL DEFAULT gen_random_uuid()
  campaign_id uuid NOT NULL
  from_status text
  to_status text NOT NULL
  actor_id uuid
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.campaigns
  id uuid NOT NULL DEFAULT gen_random_uuid()
  title text NOT NULL
  description text NOT NULL
  topics text[] NOT NULL DEFAULT '{}'::text[]
  criteria jsonb NOT NULL
  advance_top_n integer NOT NULL
  status text NOT NULL DEFAULT 'draft'::text
  created_by uuid
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
  closes_at timestamp(3) with time zone
TABLE public.digest_deliveries
  user_id uuid NOT NULL
  sent_at timestamp(3) with time zone NOT NULL
TABLE public.email_inbound_messages
  message_id text NOT NULL
  recipient text NOT NULL
  sender_id uuid
  outcome text NOT NULL
  subject_type text
  subject_id uuid
  received_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.email_messages
  id bigint NOT NULL DEFAULT nextval('email_messages_id_seq'::regclass)
  dedupe_key text NOT NULL
  recipient_id uuid NOT NULL
  address text NOT NULL
  kind text NOT NULL
  status text NOT NULL DEFAULT 'sending'::text
  error text
  message_id text
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  sent_at timestamp(3) with time zone
TABLE public.email_reply_tokens
  token_hash bytea NOT NULL
  user_id uuid NOT NULL
  thread_type text NOT NULL
  thread_id uuid
  created_at timestamp with time zone NOT NULL DEFAULT now()
  expires_at timestamp with time zone NOT NULL
  revoked_at timestamp with time zone
TABLE public.email_suppressions
  address text NOT NULL
  reason text NOT NULL
  source text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.event_dead_letters
  id bigint NOT NULL DEFAULT nextval('event_dead_letters_id_seq'::regclass)
  event_id bigint NOT NULL
  event_type text NOT NULL
  listener text NOT NULL
  attempts integer NOT NULL
  error text NOT NULL
  failed_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.expertise
  user_id uuid NOT NULL
  topic text NOT NULL
  declared boolean NOT NULL DEFAULT false
  endorsements integer NOT NULL DEFAULT 0
  accepted_answers integer NOT NULL DEFAULT 0
  answer_upvotes integer NOT NULL DEFAULT 0
  posts integer NOT NULL DEFAULT 0
  reviews integer NOT NULL DEFAULT 0
  score real NOT NULL DEFAULT 0
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.expertise_answer_credits
  answer_id uuid NOT NULL
  user_id uuid NOT NULL
  topics text[] NOT NULL DEFAULT '{}'::text[]
  upvotes integer NOT NULL DEFAULT 0
  accepted boolean NOT NULL DEFAULT false
  last_event_id bigint NOT NULL
TABLE public.expertise_content_states
  target_type text NOT NULL
  target_id uuid NOT NULL
  state text NOT NULL
  last_event_id bigint NOT NULL
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.expertise_post_credits
  post_id uuid NOT NULL
  user_id uuid NOT NULL
  topics text[] NOT NULL DEFAULT '{}'::text[]
  last_event_id bigint NOT NULL
TABLE public.expertise_review_credits
  review_id uuid NOT NULL
  user_id uuid NOT NULL
  topics text[] NOT NULL DEFAULT '{}'::text[]
  event_id bigint NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.expertise_topics
  topic text NOT NULL
  label text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.external_identities
  id uuid NOT NULL DEFAULT gen_random_uuid()
  user_id uuid NOT NULL
  issuer text NOT NULL
  subject text NOT NULL
  email text
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  last_login_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.file_usage
  user_id uuid NOT NULL
  bytes bigint NOT NULL DEFAULT 0
TABLE public.files
  id uuid NOT NULL
  owner_id uuid NOT NULL
  name text NOT NULL
  size bigint NOT NULL
  content_type text NOT NULL
  sha256 text NOT NULL
  storage_key text NOT NULL
  width integer
  height integer
  alt text
  has_thumbnail boolean NOT NULL DEFAULT false
  has_web boolean NOT NULL DEFAULT false
  item_type text
  item_id uuid
  attached_at timestamp with time zone
  position integer
  expires_at timestamp with time zone
  deleted_at timestamp with time zone
  created_at timestamp with time zone NOT NULL DEFAULT now()
  text text
  text_extracted_at timestamp with time zone
  search_vector tsvector GENERATED (setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(text, ''::text)), 'B'::"char") || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(text, ''::text)), 'B'::"char"))
TABLE public.follows
  follower_id uuid NOT NULL
  followee_id uuid NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.group_bans
  id uuid NOT NULL DEFAULT gen_random_uuid()
  group_id uuid NOT NULL
  user_id uuid NOT NULL
  until timestamp(3) with time zone
  reason text NOT NULL
  banned_by uuid
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  lifted_at timestamp(3) with time zone
  lifted_by uuid
TABLE public.group_memberships
  group_id uuid NOT NULL
  user_id uuid NOT NULL
  role text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  joined_at timestamp(3) with time zone
  decided_by uuid
  decided_at timestamp(3) with time zone
TABLE public.groups
  id uuid NOT NULL DEFAULT gen_random_uuid()
  name text NOT NULL
  description text NOT NULL DEFAULT ''::text
  guidelines text NOT NULL DEFAULT ''::text
  visibility text NOT NULL
  created_by uuid
  member_count integer NOT NULL DEFAULT 0
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
  search_vector tsvector GENERATED (((setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(name, ''::text)), 'A'::"char") || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(name, ''::text)), 'A'::"char")) || setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(description, ''::text)), 'B'::"char")) || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(description, ''::text)), 'B'::"char"))
  handle text NOT NULL
  description_html text
  guidelines_html text
TABLE public.guideline_acceptances
  user_id uuid NOT NULL
  version integer NOT NULL
  accepted_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.guidelines
  version integer NOT NULL
  body text NOT NULL
  created_by uuid
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  body_html text
TABLE public.helper_digests
  group_id uuid NOT NULL
  month date NOT NULL
  items jsonb NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.home_timeline_big_authors
  author_id uuid NOT NULL
  since timestamp with time zone NOT NULL DEFAULT now()
TABLE public.home_timeline_readers
  user_id uuid NOT NULL
  last_read_at timestamp with time zone NOT NULL DEFAULT now()
  built_at timestamp with time zone
  trimmed_before timestamp(3) with time zone
TABLE public.home_timelines
  user_id uuid NOT NULL
  post_created_at timestamp(3) with time zone NOT NULL
  post_id uuid NOT NULL
TABLE public.idea_comments
  id uuid NOT NULL DEFAULT gen_random_uuid()
  idea_id uuid NOT NULL
  author_id uuid NOT NULL
  body text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  body_html text
TABLE public.idea_milestones
  idea_id uuid NOT NULL
  position smallint NOT NULL
  title text NOT NULL
  due_on date NOT NULL
  done boolean NOT NULL DEFAULT false
TABLE public.idea_reviews
  id uuid NOT NULL DEFAULT gen_random_uuid()
  idea_id uuid NOT NULL
  reviewer_id uuid NOT NULL
  scores jsonb NOT NULL
  comment text NOT NULL
  score numeric(3,2) NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  comment_html text
TABLE public.idea_votes
  idea_id uuid NOT NULL
  user_id uuid NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.ideas
  id uuid NOT NULL DEFAULT gen_random_uuid()
  campaign_id uuid NOT NULL
  author_id uuid NOT NULL
  title text NOT NULL
  body text NOT NULL
  status text NOT NULL DEFAULT 'submitted'::text
  vote_count integer NOT NULL DEFAULT 0
  comment_count integer NOT NULL DEFAULT 0
  review_count integer NOT NULL DEFAULT 0
  review_score numeric(3,2)
  rationale text
  decided_by uuid
  decided_at timestamp(3) with time zone
  merged_into uuid
  merged_by uuid
  merged_at timestamp(3) with time zone
  implementation_owner_id uuid
  implementation_progress integer
  implementation_updated_at timestamp(3) with time zone
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
  moderation_state text NOT NULL DEFAULT 'visible'::text
  search_vector tsvector GENERATED (((setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(title, ''::text)), 'A'::"char")) || setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(body, ''::text)), 'B'::"char")) || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(body, ''::text)), 'B'::"char"))
  body_html text
TABLE public.invitations
  id uuid NOT NULL DEFAULT gen_random_uuid()
  email text NOT NULL
  roles text[] NOT NULL DEFAULT '{employee}'::text[]
  token_hash bytea NOT NULL
  invited_by uuid
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  expires_at timestamp(3) with time zone NOT NULL
  revoked_at timestamp(3) with time zone
  redeemed_at timestamp(3) with time zone
  redeemed_by uuid
TABLE public.kudos
  id uuid NOT NULL DEFAULT gen_random_uuid()
  author_id uuid NOT NULL
  recipient_id uuid NOT NULL
  target_type text NOT NULL
  target_id uuid NOT NULL
  message text NOT NULL
  moderation_state text NOT NULL DEFAULT 'visible'::text
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.link_preview_rules
  host text NOT NULL
  rule text NOT NULL
  created_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.link_preview_uses
  item_type text NOT NULL
  item_id uuid NOT NULL
  preview_id uuid NOT NULL
  position integer NOT NULL
TABLE public.link_previews
  id uuid NOT NULL DEFAULT gen_random_uuid()
  url text NOT NULL
  status text NOT NULL DEFAULT 'pending'::text
  final_url text
  title text
  description text
  site_name text
  image_file_id uuid
  failure text
  requested_by uuid
  fetched_at timestamp with time zone
  expires_at timestamp with time zone NOT NULL DEFAULT now()
  claimed_until timestamp with time zone
  created_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.login_challenges
  token_hash bytea NOT NULL
  user_id uuid NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  expires_at timestamp(3) with time zone NOT NULL
  used_at timestamp(3) with time zone
TABLE public.mentoring_offers
  user_id uuid NOT NULL
  topic text NOT NULL
  label text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.mentoring_profiles
  user_id uuid NOT NULL
  available boolean NOT NULL DEFAULT true
  max_mentees smallint NOT NULL DEFAULT 3
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.mentoring_requests
  id uuid NOT NULL DEFAULT gen_random_uuid()
  mentee_id uuid NOT NULL
  mentor_id uuid
  topic text NOT NULL
  label text NOT NULL
  note text NOT NULL DEFAULT ''::text
  status text NOT NULL DEFAULT 'waiting'::text
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  paired_at timestamp(3) with time zone
  closed_at timestamp(3) with time zone
  confirmed_at timestamp(3) with time zone
TABLE public.migrations
  id integer NOT NULL DEFAULT nextval('migrations_id_seq'::regclass)
  timestamp bigint NOT NULL
  name character varying NOT NULL
TABLE public.moderation_cases
  id uuid NOT NULL DEFAULT gen_random_uuid()
  target_type text NOT NULL
  target_id uuid NOT NULL
  group_id uuid
  author_id uuid
  status text NOT NULL DEFAULT 'open'::text
  state text NOT NULL DEFAULT 'visible'::text
  report_count integer NOT NULL DEFAULT 0
  held_terms text[] NOT NULL DEFAULT '{}'::text[]
  auto_hidden_at timestamp(3) with time zone
  opened_at timestamp(3) with time zone NOT NULL DEFAULT now()
  last_reported_at timestamp(3) with time zone NOT NULL DEFAULT now()
  action text
  note text
  resolved_by uuid
  resolved_at timestamp(3) with time zone
TABLE public.moderation_settings
  id smallint NOT NULL DEFAULT 1
  auto_hide_threshold integer NOT NULL DEFAULT 3
  blocked_terms text[] NOT NULL DEFAULT '{}'::text[]
  updated_by uuid
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.notification_mutes
  user_id uuid NOT NULL
  subject_type text NOT NULL
  subject_id uuid NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.notification_preferences
  user_id uuid NOT NULL
  kind text NOT NULL
  enabled boolean NOT NULL
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
  email boolean
  push boolean
TABLE public.notifications
  id uuid NOT NULL DEFAULT gen_random_uuid()
  recipient_id uuid NOT NULL
  kind text NOT NULL
  actor_id uuid
  actors uuid[] NOT NULL DEFAULT '{}'::uuid[]
  actor_count integer NOT NULL DEFAULT 1
  subject_type text NOT NULL
  subject_id uuid NOT NULL
  group_key text
  payload jsonb NOT NULL DEFAULT '{}'::jsonb
  source_event_id bigint NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  read_at timestamp(3) with time zone
TABLE public.outbox
  id bigint NOT NULL DEFAULT nextval('outbox_id_seq'::regclass)
  seq bigint
  type text NOT NULL
  payload jsonb NOT NULL
  audience text[] NOT NULL DEFAULT '{}'::text[]
  subject_type text
  subject_id uuid
  actor_id uuid
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  published_at timestamp(3) with time zone
TABLE public.outbox_retention
  singleton boolean NOT NULL DEFAULT true
  pruned_through bigint NOT NULL DEFAULT 0
TABLE public.people_imports
  id uuid NOT NULL DEFAULT gen_random_uuid()
  created_by uuid
  file_name text NOT NULL DEFAULT ''::text
  status text NOT NULL
  rows jsonb NOT NULL
  total integer NOT NULL
  processed integer NOT NULL DEFAULT 0
  report jsonb NOT NULL
  result jsonb
  error text
  created_at timestamp with time zone NOT NULL DEFAULT now()
  started_at timestamp with time zone
  finished_at timestamp with time zone
TABLE public.personal_data_exports
  id uuid NOT NULL DEFAULT gen_random_uuid()
  user_id uuid NOT NULL
  status text NOT NULL DEFAULT 'queued'::text
  progress integer NOT NULL DEFAULT 0
  size bigint
  storage_key text
  error text
  created_at timestamp with time zone NOT NULL DEFAULT now()
  finished_at timestamp with time zone
  expires_at timestamp with time zone
TABLE public.post_comment_revisions
  id uuid NOT NULL DEFAULT gen_random_uuid()
  comment_id uuid NOT NULL
  body text NOT NULL
  edited_by uuid NOT NULL
  edited_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.post_comments
  id uuid NOT NULL DEFAULT gen_random_uuid()
  post_id uuid NOT NULL
  author_id uuid NOT NULL
  body text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  moderation_state text NOT NULL DEFAULT 'visible'::text
  search_vector tsvector GENERATED (setweight(to_tsvector('ruche_fr'::regconfig, body), 'B'::"char") || setweight(to_tsvector('ruche_en'::regconfig, body), 'B'::"char"))
  body_html text
  edited_at timestamp(3) with time zone
  deleted_at timestamp(3) with time zone
  deleted_by uuid
TABLE public.post_hashtags
  post_id uuid NOT NULL
  tag text NOT NULL
  created_at timestamp with time zone NOT NULL
TABLE public.post_mentions
  post_id uuid NOT NULL
  user_id uuid NOT NULL
TABLE public.post_poll_options
  id uuid NOT NULL DEFAULT gen_random_uuid()
  poll_id uuid NOT NULL
  position smallint NOT NULL
  text text NOT NULL
  vote_count integer NOT NULL DEFAULT 0
TABLE public.post_poll_votes
  poll_id uuid NOT NULL
  option_id uuid NOT NULL
  user_id uuid NOT NULL
  multiple boolean NOT NULL
  created_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.post_polls
  id uuid NOT NULL DEFAULT gen_random_uuid()
  post_id uuid NOT NULL
  question text
  multiple boolean NOT NULL
  closes_at timestamp with time zone
  voter_count integer NOT NULL DEFAULT 0
  created_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.post_reactions
  post_id uuid NOT NULL
  user_id uuid NOT NULL
  kind text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.posts
  id uuid NOT NULL DEFAULT gen_random_uuid()
  author_id uuid NOT NULL
  group_id uuid
  body text NOT NULL
  comment_count integer NOT NULL DEFAULT 0
  like_count integer NOT NULL DEFAULT 0
  celebrate_count integer NOT NULL DEFAULT 0
  insightful_count integer NOT NULL DEFAULT 0
  support_count integer NOT NULL DEFAULT 0
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
  deleted_at timestamp(3) with time zone
  deleted_by uuid
  group_private boolean NOT NULL DEFAULT false
  moderation_state text NOT NULL DEFAULT 'visible'::text
  search_vector tsvector GENERATED (setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(body, ''::text)), 'B'::"char") || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(body, ''::text)), 'B'::"char"))
  body_html text
  attachment_count smallint NOT NULL DEFAULT 0
  has_poll boolean NOT NULL DEFAULT false
  has_mentions boolean NOT NULL DEFAULT false
TABLE public.profiles
  user_id uuid NOT NULL
  title text NOT NULL DEFAULT ''::text
  department text NOT NULL DEFAULT ''::text
  location text NOT NULL DEFAULT ''::text
  bio text NOT NULL DEFAULT ''::text
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
  search_vector tsvector GENERATED (((((((setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(title, ''::text)), 'A'::"char")) || setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(department, ''::text)), 'B'::"char")) || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(department, ''::text)), 'B'::"char")) || setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(location, ''::text)), 'B'::"char")) || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(location, ''::text)), 'B'::"char")) || setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(bio, ''::text)), 'C'::"char")) || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(bio, ''::text)), 'C'::"char"))
  locale text
  time_zone text
  bio_html text
  manager_id uuid
TABLE public.push_settings
  user_id uuid NOT NULL
  quiet_start smallint
  quiet_end smallint
  updated_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.push_subscriptions
  id uuid NOT NULL DEFAULT gen_random_uuid()
  user_id uuid NOT NULL
  endpoint text NOT NULL
  p256dh text NOT NULL
  auth text NOT NULL
  user_agent text
  created_at timestamp with time zone NOT NULL DEFAULT now()
  last_success_at timestamp with time zone
  failures integer NOT NULL DEFAULT 0
TABLE public.push_vapid_keys
  id boolean NOT NULL DEFAULT true
  public_key text NOT NULL
  private_key text NOT NULL
  created_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.question_revisions
  id uuid NOT NULL DEFAULT gen_random_uuid()
  question_id uuid NOT NULL
  title text NOT NULL
  body text NOT NULL
  topics text[] NOT NULL
  edited_by uuid NOT NULL
  edited_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.question_routes
  question_id uuid NOT NULL
  user_id uuid NOT NULL
  round smallint NOT NULL
  position smallint NOT NULL DEFAULT 0
  routed_at timestamp(3) with time zone NOT NULL DEFAULT now()
  reason text NOT NULL DEFAULT 'expert'::text
  detail text NOT NULL DEFAULT ''::text
TABLE public.questions
  id uuid NOT NULL DEFAULT gen_random_uuid()
  asker_id uuid NOT NULL
  title text NOT NULL
  body text NOT NULL DEFAULT ''::text
  topics text[] NOT NULL
  status text NOT NULL DEFAULT 'open'::text
  accepted_answer_id uuid
  answer_count integer NOT NULL DEFAULT 0
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  answered_at timestamp(3) with time zone
  claimed_by uuid
  claim_expires_at timestamp(3) with time zone
  routed_round smallint NOT NULL DEFAULT 0
  last_routed_at timestamp(3) with time zone NOT NULL DEFAULT now()
  moderation_state text NOT NULL DEFAULT 'visible'::text
  search_vector tsvector GENERATED (((setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(title, ''::text)), 'A'::"char")) || setweight(to_tsvector('ruche_fr'::regconfig, COALESCE(body, ''::text)), 'B'::"char")) || setweight(to_tsvector('ruche_en'::regconfig, COALESCE(body, ''::text)), 'B'::"char"))
  body_html text
  edited_at timestamp(3) with time zone
  deleted_at timestamp(3) with time zone
  deleted_by uuid
  unanswered_at timestamp(3) with time zone
TABLE public.rate_limit_windows
  key text NOT NULL
  window_start timestamp with time zone NOT NULL
  hits integer NOT NULL
TABLE public.recognition_facts
  kind text NOT NULL
  subject_type text NOT NULL
  subject_id uuid NOT NULL
  parent_type text
  parent_id uuid
  user_id uuid NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.recognition_out_of_sight
  content_type text NOT NULL
  content_id uuid NOT NULL
TABLE public.recognition_settings
  user_id uuid NOT NULL
  public_recognition boolean NOT NULL
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.refresh_tokens
  id uuid NOT NULL DEFAULT gen_random_uuid()
  user_id uuid NOT NULL
  family_id uuid NOT NULL
  token_hash text NOT NULL
  expires_at timestamp(3) with time zone NOT NULL
  spent_at timestamp(3) with time zone
  revoked_at timestamp(3) with time zone
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.reports
  id uuid NOT NULL DEFAULT gen_random_uuid()
  case_id uuid NOT NULL
  target_type text NOT NULL
  target_id uuid NOT NULL
  reporter_id uuid
  reason text NOT NULL
  status text NOT NULL DEFAULT 'open'::text
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  resolved_at timestamp(3) with time zone
TABLE public.saml_assertions
  issuer text NOT NULL
  assertion_id text NOT NULL
  expires_at timestamp(3) with time zone NOT NULL
TABLE public.saml_requests
  id text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  expires_at timestamp(3) with time zone NOT NULL
TABLE public.scim_groups
  group_id uuid NOT NULL
  external_id text
  display_name text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.sessions
  id uuid NOT NULL
  user_id uuid NOT NULL
  user_agent text
  address text
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  last_seen_at timestamp(3) with time zone NOT NULL DEFAULT now()
  expires_at timestamp(3) with time zone NOT NULL
  revoked_at timestamp(3) with time zone
TABLE public.skill_endorsements
  endorser_id uuid NOT NULL
  user_id uuid NOT NULL
  skill text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.skill_synonyms
  alias_key text NOT NULL
  canonical_key text NOT NULL
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.sso_handoffs
  code_hash bytea NOT NULL
  user_id uuid NOT NULL
  id_token text
  expires_at timestamp(3) with time zone NOT NULL
TABLE public.topic_follows
  user_id uuid NOT NULL
  topic text NOT NULL
  label text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.topic_helpers
  user_id uuid NOT NULL
  topic text NOT NULL
  label text NOT NULL
  weekly_cap smallint NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.totp_credentials
  user_id uuid NOT NULL
  secret text NOT NULL
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  enabled_at timestamp(3) with time zone
  last_step bigint NOT NULL DEFAULT 0
TABLE public.totp_recovery_codes
  id uuid NOT NULL DEFAULT gen_random_uuid()
  user_id uuid NOT NULL
  code_hash text NOT NULL
  used_at timestamp(3) with time zone
TABLE public.training_enrollments
  path_id uuid NOT NULL
  user_id uuid NOT NULL
  enrolled_at timestamp with time zone NOT NULL DEFAULT now()
  completed_at timestamp with time zone
TABLE public.training_first_runs
  user_id uuid NOT NULL
  outcome text NOT NULL
  finished_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.training_paths
  id uuid NOT NULL DEFAULT gen_random_uuid()
  title text NOT NULL
  description text NOT NULL DEFAULT ''::text
  audience text NOT NULL
  group_id uuid
  created_by uuid NOT NULL
  published_at timestamp with time zone
  archived_at timestamp with time zone
  created_at timestamp with time zone NOT NULL DEFAULT now()
  updated_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.training_step_completions
  step_id uuid NOT NULL
  user_id uuid NOT NULL
  completed_at timestamp with time zone NOT NULL DEFAULT now()
TABLE public.training_steps
  id uuid NOT NULL DEFAULT gen_random_uuid()
  path_id uuid NOT NULL
  position integer NOT NULL
  kind text NOT NULL
  title text NOT NULL
  body text NOT NULL DEFAULT ''::text
  group_id uuid
TABLE public.user_skills
  user_id uuid NOT NULL
  skill text NOT NULL
  name text NOT NULL
  position smallint NOT NULL DEFAULT 0
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
TABLE public.users
  id uuid NOT NULL DEFAULT gen_random_uuid()
  email text NOT NULL
  handle text NOT NULL
  display_name text NOT NULL
  password_hash text
  roles text[] NOT NULL DEFAULT '{employee}'::text[]
  status text NOT NULL DEFAULT 'active'::text
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
  token_version integer NOT NULL DEFAULT 0
  suspended_at timestamp(3) with time zone
  deactivated_at timestamp(3) with time zone
  external_id text
  email_verified_at timestamp(3) with time zone DEFAULT now()
  must_change_password boolean NOT NULL DEFAULT false
  avatar_file_id uuid

-- constraints (456)
CONSTRAINT public.account_tokens.account_tokens_pkey PRIMARY KEY (id)
CONSTRAINT public.account_tokens.account_tokens_purpose_known CHECK ((purpose = ANY (ARRAY['verify_email'::text, 'password_reset'::text])))
CONSTRAINT public.account_tokens.account_tokens_token_hash_key UNIQUE (token_hash)
CONSTRAINT public.account_tokens.account_tokens_token_hash_length CHECK ((octet_length(token_hash) = 32))
CONSTRAINT public.account_tokens.account_tokens_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.analytics_activity.analytics_activity_audience_not_negative CHECK (((audience_size IS NULL) OR (audience_size >= 0)))
CONSTRAINT public.analytics_activity.analytics_activity_delta_unit CHECK ((delta = ANY (ARRAY['-1'::integer, 1])))
CONSTRAINT public.analytics_activity.analytics_activity_kind_known CHECK ((kind = ANY (ARRAY['post'::text, 'comment'::text, 'reaction'::text, 'follow'::text, 'member_joined'::text, 'member_left'::text, 'question'::text, 'answer'::text, 'answer_accepted'::text, 'idea'::text, 'idea_comment'::text, 'vote'::text, 'idea_merged'::text, 'review'::text, 'idea_status'::text, 'announcement_ack'::text, 'email_sent'::text, 'email_received'::text])))
CONSTRAINT public.analytics_activity.analytics_activity_pkey PRIMARY KEY (event_id)
CONSTRAINT public.announcement_recipients.announcement_recipients_announcement_fk FOREIGN KEY (announcement_id) REFERENCES announcements(id) ON DELETE CASCADE
CONSTRAINT public.announcement_recipients.announcement_recipients_pkey PRIMARY KEY (announcement_id, user_id)
CONSTRAINT public.announcement_recipients.announcement_recipients_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.announcement_reminders.announcement_reminders_announcement_fk FOREIGN KEY (announcement_id) REFERENCES announcements(id) ON DELETE CASCADE
CONSTRAINT public.announcement_reminders.announcement_reminders_pkey PRIMARY KEY (announcement_id, day)
CONSTRAINT public.announcement_reminders.announcement_reminders_sent_by_fk FOREIGN KEY (sent_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.announcements.announcements_audience_size CHECK (((cardinality(audience_departments) <= 50) AND (cardinality(audience_locations) <= 50)))
CONSTRAINT public.announcements.announcements_author_fk FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.announcements.announcements_body_length CHECK (((char_length(body) >= 1) AND (char_length(body) <= 20000)))
CONSTRAINT public.announcements.announcements_expires_after_publish CHECK (((expires_at IS NULL) OR (expires_at > publish_at)))
CONSTRAINT public.announcements.announcements_group_fk FOREIGN KEY (group_id) REFERENCES groups(id) ON DELETE CASCADE
CONSTRAINT public.announcements.announcements_pkey PRIMARY KEY (id)
CONSTRAINT public.announcements.announcements_recipient_count_not_negative CHECK ((recipient_count >= 0))
CONSTRAINT public.announcements.announcements_title_length CHECK (((char_length(title) >= 1) AND (char_length(title) <= 200)))
CONSTRAINT public.answer_revisions.answer_revisions_answer_fkey FOREIGN KEY (answer_id) REFERENCES answers(id) ON DELETE CASCADE
CONSTRAINT public.answer_revisions.answer_revisions_pkey PRIMARY KEY (id)
CONSTRAINT public.answer_votes.answer_votes_answer_fk FOREIGN KEY (answer_id) REFERENCES answers(id) ON DELETE CASCADE
CONSTRAINT public.answer_votes.answer_votes_pkey PRIMARY KEY (answer_id, user_id)
CONSTRAINT public.answer_votes.answer_votes_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.answers.answers_accepted_at_whole CHECK ((accepted = (accepted_at IS NOT NULL)))
CONSTRAINT public.answers.answers_author_fk FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.answers.answers_body_length CHECK (((char_length(body) >= 1) AND (char_length(body) <= 20000)))
CONSTRAINT public.answers.answers_id_question_unique UNIQUE (id, question_id)
CONSTRAINT public.answers.answers_moderation_state_known CHECK ((moderation_state = ANY (ARRAY['visible'::text, 'hidden'::text, 'removed'::text, 'held'::text])))
CONSTRAINT public.answers.answers_pkey PRIMARY KEY (id)
CONSTRAINT public.answers.answers_question_fk FOREIGN KEY (question_id) REFERENCES questions(id) ON DELETE CASCADE
CONSTRAINT public.answers.answers_vote_count_not_negative CHECK ((vote_count >= 0))
CONSTRAINT public.audit_log.audit_log_action_length CHECK (((char_length(action) >= 1) AND (char_length(action) <= 100)))
CONSTRAINT public.audit_log.audit_log_note_length CHECK (((note IS NULL) OR (char_length(note) <= 2000)))
CONSTRAINT public.audit_log.audit_log_one_per_event UNIQUE (source_event_id)
CONSTRAINT public.audit_log.audit_log_pkey PRIMARY KEY (id)
CONSTRAINT public.badges.badges_badge_known CHECK ((badge = ANY (ARRAY['first_accepted_answer'::text, 'helper'::text, 'bridge_builder'::text, 'reviewer'::text, 'idea_made_real'::text, 'mentor'::text])))
CONSTRAINT public.badges.badges_pkey PRIMARY KEY (user_id, badge)
CONSTRAINT public.badges.badges_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.campaign_reviewers.campaign_reviewers_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE CASCADE
CONSTRAINT public.campaign_reviewers.campaign_reviewers_pkey PRIMARY KEY (campaign_id, user_id)
CONSTRAINT public.campaign_reviewers.campaign_reviewers_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.campaign_transitions.campaign_transitions_actor_fk FOREIGN KEY (actor_id) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.campaign_transitions.campaign_transitions_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE CASCADE
CONSTRAINT public.campaign_transitions.campaign_transitions_pkey PRIMARY KEY (id)
CONSTRAINT public.campaign_transitions.campaign_transitions_status_known CHECK ((((from_status IS NULL) OR (from_status = ANY (ARRAY['draft'::text, 'open'::text, 'review'::text, 'closed'::text]))) AND (to_status = ANY (ARRAY['draft'::text, 'open'::text, 'review'::text, 'closed'::text]))))
CONSTRAINT public.campaigns.campaigns_advance_top_n_range CHECK (((advance_top_n >= 1) AND (advance_top_n <= 1000)))
CONSTRAINT public.campaigns.campaigns_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.campaigns.campaigns_criteria_shape CHECK (((jsonb_typeof(criteria) = 'array'::text) AND ((jsonb_array_length(criteria) >= 1) AND (jsonb_array_length(criteria) <= 10))))
CONSTRAINT public.campaigns.campaigns_description_length CHECK (((char_length(description) >= 1) AND (char_length(description) <= 10000)))
CONSTRAINT public.campaigns.campaigns_pkey PRIMARY KEY (id)
CONSTRAINT public.campaigns.campaigns_status_known CHECK ((status = ANY (ARRAY['draft'::text, 'open'::text, 'review'::text, 'closed'::text])))
CONSTRAINT public.campaigns.campaigns_title_length CHECK (((char_length(title) >= 1) AND (char_length(title) <= 200)))
CONSTRAINT public.campaigns.campaigns_topics_count CHECK ((cardinality(topics) <= 20))
CONSTRAINT public.digest_deliveries.digest_deliveries_pkey PRIMARY KEY (user_id)
CONSTRAINT public.digest_deliveries.digest_deliveries_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.email_inbound_messages.email_inbound_messages_message_id_length CHECK (((char_length(message_id) >= 1) AND (char_length(message_id) <= 998)))
CONSTRAINT public.email_inbound_messages.email_inbound_messages_outcome_check CHECK ((outcome = ANY (ARRAY['comment'::text, 'answer'::text, 'idea_comment'::text, 'post'::text])))
CONSTRAINT public.email_inbound_messages.email_inbound_messages_pkey PRIMARY KEY (message_id, recipient)
CONSTRAINT public.email_inbound_messages.email_inbound_messages_recipient_length CHECK (((char_length(recipient) >= 3) AND (char_length(recipient) <= 320)))
CONSTRAINT public.email_inbound_messages.email_inbound_messages_sender_fkey FOREIGN KEY (sender_id) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.email_messages.email_messages_dedupe_key UNIQUE (dedupe_key)
CONSTRAINT public.email_messages.email_messages_pkey PRIMARY KEY (id)
CONSTRAINT public.email_messages.email_messages_recipient_fk FOREIGN KEY (recipient_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.email_messages.email_messages_status_known CHECK ((status = ANY (ARRAY['sending'::text, 'sent'::text, 'suppressed'::text, 'failed'::text])))
CONSTRAINT public.email_reply_tokens.email_reply_tokens_hash_length CHECK ((octet_length(token_hash) = 32))
CONSTRAINT public.email_reply_tokens.email_reply_tokens_pkey PRIMARY KEY (token_hash)
CONSTRAINT public.email_reply_tokens.email_reply_tokens_thread_id_check CHECK (((thread_type = 'digest'::text) = (thread_id IS NULL)))
CONSTRAINT public.email_reply_tokens.email_reply_tokens_thread_type_check CHECK ((thread_type = ANY (ARRAY['post'::text, 'question'::text, 'idea'::text, 'digest'::text])))
CONSTRAINT public.email_reply_tokens.email_reply_tokens_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.email_suppressions.email_suppressions_address_lower CHECK ((address = lower(address)))
CONSTRAINT public.email_suppressions.email_suppressions_pkey PRIMARY KEY (address)
CONSTRAINT public.email_suppressions.email_suppressions_source_known CHECK ((source = ANY (ARRAY['bounce'::text, 'send'::text, 'admin'::text])))
CONSTRAINT public.event_dead_letters.event_dead_letters_event_listener_key UNIQUE (event_id, listener)
CONSTRAINT public.event_dead_letters.event_dead_letters_pkey PRIMARY KEY (id)
CONSTRAINT public.expertise.expertise_counts_not_negative CHECK (((endorsements >= 0) AND (accepted_answers >= 0) AND (answer_upvotes >= 0) AND (posts >= 0) AND (reviews >= 0)))
CONSTRAINT public.expertise.expertise_pkey PRIMARY KEY (user_id, topic)
CONSTRAINT public.expertise.expertise_topic_length CHECK (((char_length(topic) >= 1) AND (char_length(topic) <= 200)))
CONSTRAINT public.expertise.expertise_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.expertise_answer_credits.expertise_answer_credits_pkey PRIMARY KEY (answer_id)
CONSTRAINT public.expertise_answer_credits.expertise_answer_credits_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.expertise_content_states.expertise_content_states_pkey PRIMARY KEY (target_type, target_id)
CONSTRAINT public.expertise_content_states.expertise_content_states_state_check CHECK ((state = ANY (ARRAY['visible'::text, 'hidden'::text, 'removed'::text, 'held'::text])))
CONSTRAINT public.expertise_content_states.expertise_content_states_type_check CHECK ((target_type = ANY (ARRAY['post'::text, 'answer'::text])))
CONSTRAINT public.expertise_post_credits.expertise_post_credits_pkey PRIMARY KEY (post_id)
CONSTRAINT public.expertise_post_credits.expertise_post_credits_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.expertise_review_credits.expertise_review_credits_pkey PRIMARY KEY (review_id)
CONSTRAINT public.expertise_review_credits.expertise_review_credits_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.expertise_topics.expertise_topics_label_length CHECK (((char_length(label) >= 1) AND (char_length(label) <= 200)))
CONSTRAINT public.expertise_topics.expertise_topics_pkey PRIMARY KEY (topic)
CONSTRAINT public.expertise_topics.expertise_topics_topic_length CHECK (((char_length(topic) >= 1) AND (char_length(topic) <= 200)))
CONSTRAINT public.external_identities.external_identities_email_length CHECK ((length(email) <= 254))
CONSTRAINT public.external_identities.external_identities_issuer_length CHECK (((length(issuer) >= 1) AND (length(issuer) <= 512)))
CONSTRAINT public.external_identities.external_identities_issuer_subject_key UNIQUE (issuer, subject)
CONSTRAINT public.external_identities.external_identities_pkey PRIMARY KEY (id)
CONSTRAINT public.external_identities.external_identities_subject_length CHECK (((length(subject) >= 1) AND (length(subject) <= 255)))
CONSTRAINT public.external_identities.external_identities_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.file_usage.file_usage_bytes_check CHECK ((bytes >= 0))
CONSTRAINT public.file_usage.file_usage_pkey PRIMARY KEY (user_id)
CONSTRAINT public.file_usage.file_usage_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.files.files_alt_check CHECK (((alt IS NULL) OR (length(alt) <= 1000)))
CONSTRAINT public.files.files_item_check CHECK (((item_type IS NULL) = (item_id IS NULL)))
CONSTRAINT public.files.files_item_type_check CHECK ((item_type = ANY (ARRAY['post'::text, 'comment'::text, 'question'::text, 'answer'::text, 'idea'::text, 'link_preview'::text, 'avatar'::text])))
CONSTRAINT public.files.files_name_check CHECK (((length(name) >= 1) AND (length(name) <= 255)))
CONSTRAINT public.files.files_owner_fk FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.files.files_pkey PRIMARY KEY (id)
CONSTRAINT public.files.files_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text))
CONSTRAINT public.files.files_size_check CHECK ((size >= 0))
CONSTRAINT public.files.files_text_check CHECK (((text IS NULL) OR (length(text) <= 100000)))
CONSTRAINT public.files.files_unattached_expire_check CHECK (((item_id IS NOT NULL) OR (expires_at IS NOT NULL)))
CONSTRAINT public.follows.follows_followee_fk FOREIGN KEY (followee_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.follows.follows_follower_fk FOREIGN KEY (follower_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.follows.follows_not_self CHECK ((follower_id <> followee_id))
CONSTRAINT public.follows.follows_pkey PRIMARY KEY (follower_id, followee_id)
CONSTRAINT public.group_bans.group_bans_banned_by_fk FOREIGN KEY (banned_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.group_bans.group_bans_group_fk FOREIGN KEY (group_id) REFERENCES groups(id) ON DELETE CASCADE
CONSTRAINT public.group_bans.group_bans_lifted_by_fk FOREIGN KEY (lifted_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.group_bans.group_bans_pkey PRIMARY KEY (id)
CONSTRAINT public.group_bans.group_bans_reason_length CHECK (((char_length(reason) >= 1) AND (char_length(reason) <= 1000)))
CONSTRAINT public.group_bans.group_bans_until_after_start CHECK (((until IS NULL) OR (until > created_at)))
CONSTRAINT public.group_bans.group_bans_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.group_memberships.group_memberships_decided_by_fk FOREIGN KEY (decided_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.group_memberships.group_memberships_group_fk FOREIGN KEY (group_id) REFERENCES groups(id) ON DELETE CASCADE
CONSTRAINT public.group_memberships.group_memberships_joined_iff_member CHECK (((role = 'pending'::text) = (joined_at IS NULL)))
CONSTRAINT public.group_memberships.group_memberships_pkey PRIMARY KEY (group_id, user_id)
CONSTRAINT public.group_memberships.group_memberships_role_known CHECK ((role = ANY (ARRAY['owner'::text, 'admin'::text, 'member'::text, 'pending'::text])))
CONSTRAINT public.group_memberships.group_memberships_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.groups.groups_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.groups.groups_description_length CHECK ((char_length(description) <= 2000))
CONSTRAINT public.groups.groups_guidelines_length CHECK ((char_length(guidelines) <= 20000))
CONSTRAINT public.groups.groups_handle_format CHECK (((handle ~ '^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$'::text) AND (handle !~ '--'::text)))
CONSTRAINT public.groups.groups_handle_key UNIQUE (handle)
CONSTRAINT public.groups.groups_handle_not_reserved CHECK ((handle <> ALL (ARRAY['reply'::text, 'admin'::text, 'administrator'::text, 'postmaster'::text, 'hostmaster'::text, 'webmaster'::text, 'noreply'::text, 'no-reply'::text, 'abuse'::text, 'mailer-daemon'::text, 'bounce'::text, 'bounces'::text, 'root'::text, 'security'::text, 'ruche'::text])))
CONSTRAINT public.groups.groups_member_count_not_negative CHECK ((member_count >= 0))
CONSTRAINT public.groups.groups_name_length CHECK (((char_length(name) >= 1) AND (char_length(name) <= 100)))
CONSTRAINT public.groups.groups_pkey PRIMARY KEY (id)
CONSTRAINT public.groups.groups_visibility_known CHECK ((visibility = ANY (ARRAY['public'::text, 'private'::text])))
CONSTRAINT public.guideline_acceptances.guideline_acceptances_pkey PRIMARY KEY (user_id, version)
CONSTRAINT public.guideline_acceptances.guideline_acceptances_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.guideline_acceptances.guideline_acceptances_version_fk FOREIGN KEY (version) REFERENCES guidelines(version)
CONSTRAINT public.guidelines.guidelines_body_length CHECK (((char_length(body) >= 1) AND (char_length(body) <= 50000)))
CONSTRAINT public.guidelines.guidelines_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.guidelines.guidelines_pkey PRIMARY KEY (version)
CONSTRAINT public.guidelines.guidelines_version_positive CHECK ((version >= 1))
CONSTRAINT public.helper_digests.helper_digests_group_fk FOREIGN KEY (group_id) REFERENCES groups(id) ON DELETE CASCADE
CONSTRAINT public.helper_digests.helper_digests_month_first_day CHECK ((EXTRACT(day FROM month) = (1)::numeric))
CONSTRAINT public.helper_digests.helper_digests_pkey PRIMARY KEY (group_id, month)
CONSTRAINT public.home_timeline_big_authors.home_timeline_big_authors_pkey PRIMARY KEY (author_id)
CONSTRAINT public.home_timeline_big_authors.home_timeline_big_authors_user_fk FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.home_timeline_readers.home_timeline_readers_pkey PRIMARY KEY (user_id)
CONSTRAINT public.home_timeline_readers.home_timeline_readers_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.home_timelines.home_timelines_pkey PRIMARY KEY (user_id, post_created_at, post_id)
CONSTRAINT public.home_timelines.home_timelines_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.idea_comments.idea_comments_author_fk FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.idea_comments.idea_comments_body_length CHECK (((char_length(body) >= 1) AND (char_length(body) <= 5000)))
CONSTRAINT public.idea_comments.idea_comments_idea_fk FOREIGN KEY (idea_id) REFERENCES ideas(id) ON DELETE CASCADE
CONSTRAINT public.idea_comments.idea_comments_pkey PRIMARY KEY (id)
CONSTRAINT public.idea_milestones.idea_milestones_idea_fk FOREIGN KEY (idea_id) REFERENCES ideas(id) ON DELETE CASCADE
CONSTRAINT public.idea_milestones.idea_milestones_pkey PRIMARY KEY (idea_id, "position")
CONSTRAINT public.idea_milestones.idea_milestones_position_range CHECK ((("position" >= 0) AND ("position" <= 49)))
CONSTRAINT public.idea_milestones.idea_milestones_title_length CHECK (((char_length(title) >= 1) AND (char_length(title) <= 200)))
CONSTRAINT public.idea_reviews.idea_reviews_comment_length CHECK (((char_length(comment) >= 1) AND (char_length(comment) <= 5000)))
CONSTRAINT public.idea_reviews.idea_reviews_idea_fk FOREIGN KEY (idea_id) REFERENCES ideas(id) ON DELETE CASCADE
CONSTRAINT public.idea_reviews.idea_reviews_one_per_reviewer UNIQUE (idea_id, reviewer_id)
CONSTRAINT public.idea_reviews.idea_reviews_pkey PRIMARY KEY (id)
CONSTRAINT public.idea_reviews.idea_reviews_reviewer_fk FOREIGN KEY (reviewer_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.idea_reviews.idea_reviews_score_range CHECK (((score >= (1)::numeric) AND (score <= (5)::numeric)))
CONSTRAINT public.idea_reviews.idea_reviews_scores_object CHECK ((jsonb_typeof(scores) = 'object'::text))
CONSTRAINT public.idea_votes.idea_votes_idea_fk FOREIGN KEY (idea_id) REFERENCES ideas(id) ON DELETE CASCADE
CONSTRAINT public.idea_votes.idea_votes_pkey PRIMARY KEY (idea_id, user_id)
CONSTRAINT public.idea_votes.idea_votes_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.ideas.ideas_author_fk FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.ideas.ideas_body_length CHECK (((char_length(body) >= 1) AND (char_length(body) <= 10000)))
CONSTRAINT public.ideas.ideas_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE CASCADE
CONSTRAINT public.ideas.ideas_counts_not_negative CHECK (((vote_count >= 0) AND (comment_count >= 0) AND (review_count >= 0)))
CONSTRAINT public.ideas.ideas_decided_by_fk FOREIGN KEY (decided_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.ideas.ideas_implementation_owner_fk FOREIGN KEY (implementation_owner_id) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.ideas.ideas_implementation_progress_range CHECK (((implementation_progress IS NULL) OR ((implementation_progress >= 0) AND (implementation_progress <= 100))))
CONSTRAINT public.ideas.ideas_merged_by_fk FOREIGN KEY (merged_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.ideas.ideas_merged_has_target CHECK (((status = 'merged'::text) = (merged_into IS NOT NULL)))
CONSTRAINT public.ideas.ideas_merged_into_fk FOREIGN KEY (merged_into) REFERENCES ideas(id) ON DELETE CASCADE
CONSTRAINT public.ideas.ideas_moderation_state_known CHECK ((moderation_state = ANY (ARRAY['visible'::text, 'hidden'::text, 'removed'::text, 'held'::text])))
CONSTRAINT public.ideas.ideas_not_merged_into_itself CHECK ((merged_into <> id))
CONSTRAINT public.ideas.ideas_pkey PRIMARY KEY (id)
CONSTRAINT public.ideas.ideas_rationale_length CHECK (((rationale IS NULL) OR ((char_length(rationale) >= 1) AND (char_length(rationale) <= 5000))))
CONSTRAINT public.ideas.ideas_rejected_has_rationale CHECK (((status <> 'rejected'::text) OR (rationale IS NOT NULL)))
CONSTRAINT public.ideas.ideas_review_score_range CHECK (((review_score IS NULL) OR ((review_score >= (1)::numeric) AND (review_score <= (5)::numeric))))
CONSTRAINT public.ideas.ideas_status_known CHECK ((status = ANY (ARRAY['submitted'::text, 'in_review'::text, 'not_selected'::text, 'selected'::text, 'rejected'::text, 'implemented'::text, 'merged'::text])))
CONSTRAINT public.ideas.ideas_title_length CHECK (((char_length(title) >= 1) AND (char_length(title) <= 200)))
CONSTRAINT public.invitations.invitations_email_length CHECK (((length(email) >= 3) AND (length(email) <= 254)))
CONSTRAINT public.invitations.invitations_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.invitations.invitations_pkey PRIMARY KEY (id)
CONSTRAINT public.invitations.invitations_redeemed_by_fkey FOREIGN KEY (redeemed_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.invitations.invitations_token_hash_key UNIQUE (token_hash)
CONSTRAINT public.invitations.invitations_token_hash_length CHECK ((octet_length(token_hash) = 32))
CONSTRAINT public.kudos.kudos_author_fk FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.kudos.kudos_message_length CHECK (((char_length(message) >= 1) AND (char_length(message) <= 280)))
CONSTRAINT public.kudos.kudos_moderation_state_known CHECK ((moderation_state = ANY (ARRAY['visible'::text, 'hidden'::text, 'removed'::text, 'held'::text])))
CONSTRAINT public.kudos.kudos_not_self CHECK ((author_id <> recipient_id))
CONSTRAINT public.kudos.kudos_one_per_target UNIQUE (author_id, target_type, target_id)
CONSTRAINT public.kudos.kudos_pkey PRIMARY KEY (id)
CONSTRAINT public.kudos.kudos_recipient_fk FOREIGN KEY (recipient_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.kudos.kudos_target_type_known CHECK ((target_type = ANY (ARRAY['answer'::text, 'review'::text, 'post'::text])))
CONSTRAINT public.link_preview_rules.link_preview_rules_pkey PRIMARY KEY (host)
CONSTRAINT public.link_preview_rules.link_preview_rules_rule_check CHECK ((rule = ANY (ARRAY['allow'::text, 'deny'::text])))
CONSTRAINT public.link_preview_uses.link_preview_uses_item_type_check CHECK ((item_type = ANY (ARRAY['post'::text, 'comment'::text, 'question'::text, 'answer'::text, 'idea'::text, 'idea_comment'::text])))
CONSTRAINT public.link_preview_uses.link_preview_uses_pkey PRIMARY KEY (item_type, item_id, preview_id)
CONSTRAINT public.link_preview_uses.link_preview_uses_preview_fk FOREIGN KEY (preview_id) REFERENCES link_previews(id) ON DELETE CASCADE
CONSTRAINT public.link_previews.link_previews_image_fk FOREIGN KEY (image_file_id) REFERENCES files(id) ON DELETE SET NULL
CONSTRAINT public.link_previews.link_previews_pkey PRIMARY KEY (id)
CONSTRAINT public.link_previews.link_previews_requested_by_fk FOREIGN KEY (requested_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.link_previews.link_previews_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'ready'::text, 'failed'::text])))
CONSTRAINT public.link_previews.link_previews_url_check CHECK (((length(url) >= 8) AND (length(url) <= 2048)))
CONSTRAINT public.link_previews.link_previews_url_key UNIQUE (url)
CONSTRAINT public.login_challenges.login_challenges_pkey PRIMARY KEY (token_hash)
CONSTRAINT public.login_challenges.login_challenges_token_hash_length CHECK ((octet_length(token_hash) = 32))
CONSTRAINT public.login_challenges.login_challenges_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.mentoring_offers.mentoring_offers_label_length CHECK (((char_length(label) >= 1) AND (char_length(label) <= 200)))
CONSTRAINT public.mentoring_offers.mentoring_offers_pkey PRIMARY KEY (user_id, topic)
CONSTRAINT public.mentoring_offers.mentoring_offers_profile_fk FOREIGN KEY (user_id) REFERENCES mentoring_profiles(user_id) ON DELETE CASCADE
CONSTRAINT public.mentoring_offers.mentoring_offers_topic_length CHECK (((char_length(topic) >= 1) AND (char_length(topic) <= 200)))
CONSTRAINT public.mentoring_profiles.mentoring_profiles_max_mentees_range CHECK (((max_mentees >= 1) AND (max_mentees <= 20)))
CONSTRAINT public.mentoring_profiles.mentoring_profiles_pkey PRIMARY KEY (user_id)
CONSTRAINT public.mentoring_profiles.mentoring_profiles_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.mentoring_requests.mentoring_requests_confirmed_when_closed CHECK (((confirmed_at IS NULL) OR (status = 'closed'::text)))
CONSTRAINT public.mentoring_requests.mentoring_requests_label_length CHECK (((char_length(label) >= 1) AND (char_length(label) <= 200)))
CONSTRAINT public.mentoring_requests.mentoring_requests_mentee_fk FOREIGN KEY (mentee_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.mentoring_requests.mentoring_requests_mentor_fk FOREIGN KEY (mentor_id) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.mentoring_requests.mentoring_requests_not_self CHECK (((mentor_id IS NULL) OR (mentor_id <> mentee_id)))
CONSTRAINT public.mentoring_requests.mentoring_requests_note_length CHECK ((char_length(note) <= 2000))
CONSTRAINT public.mentoring_requests.mentoring_requests_paired_has_mentor CHECK (((status <> 'paired'::text) OR (mentor_id IS NOT NULL)))
CONSTRAINT public.mentoring_requests.mentoring_requests_pkey PRIMARY KEY (id)
CONSTRAINT public.mentoring_requests.mentoring_requests_status_known CHECK ((status = ANY (ARRAY['waiting'::text, 'paired'::text, 'closed'::text])))
CONSTRAINT public.mentoring_requests.mentoring_requests_topic_length CHECK (((char_length(topic) >= 1) AND (char_length(topic) <= 200)))
CONSTRAINT public.migrations.PK_8c82d7f526340ab734260ea46be PRIMARY KEY (id)
CONSTRAINT public.moderation_cases.moderation_cases_action_known CHECK (((action IS NULL) OR (action = ANY (ARRAY['dismiss'::text, 'hide'::text, 'remove'::text]))))
CONSTRAINT public.moderation_cases.moderation_cases_note_length CHECK (((note IS NULL) OR (char_length(note) <= 1000)))
CONSTRAINT public.moderation_cases.moderation_cases_pkey PRIMARY KEY (id)
CONSTRAINT public.moderation_cases.moderation_cases_report_count_not_negative CHECK ((report_count >= 0))
CONSTRAINT public.moderation_cases.moderation_cases_resolution_complete CHECK (((status = 'open'::text) = ((action IS NULL) AND (resolved_at IS NULL))))
CONSTRAINT public.moderation_cases.moderation_cases_resolved_by_fk FOREIGN KEY (resolved_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.moderation_cases.moderation_cases_state_known CHECK ((state = ANY (ARRAY['visible'::text, 'hidden'::text, 'removed'::text, 'held'::text])))
CONSTRAINT public.moderation_cases.moderation_cases_status_known CHECK ((status = ANY (ARRAY['open'::text, 'resolved'::text])))
CONSTRAINT public.moderation_cases.moderation_cases_target_type_known CHECK ((target_type = ANY (ARRAY['post'::text, 'comment'::text, 'idea'::text, 'question'::text, 'answer'::text, 'kudos'::text])))
CONSTRAINT public.moderation_settings.moderation_settings_pkey PRIMARY KEY (id)
CONSTRAINT public.moderation_settings.moderation_settings_single_row CHECK ((id = 1))
CONSTRAINT public.moderation_settings.moderation_settings_terms_count CHECK ((cardinality(blocked_terms) <= 1000))
CONSTRAINT public.moderation_settings.moderation_settings_threshold_range CHECK (((auto_hide_threshold >= 1) AND (auto_hide_threshold <= 1000)))
CONSTRAINT public.moderation_settings.moderation_settings_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.notification_mutes.notification_mutes_pkey PRIMARY KEY (user_id, subject_type, subject_id)
CONSTRAINT public.notification_mutes.notification_mutes_type_known CHECK ((subject_type = ANY (ARRAY['post'::text, 'group'::text])))
CONSTRAINT public.notification_mutes.notification_mutes_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.notification_preferences.notification_preferences_pkey PRIMARY KEY (user_id, kind)
CONSTRAINT public.notification_preferences.notification_preferences_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.notifications.notifications_actor_count_positive CHECK ((actor_count >= 1))
CONSTRAINT public.notifications.notifications_actor_fk FOREIGN KEY (actor_id) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.notifications.notifications_kind_known CHECK ((kind = ANY (ARRAY['mention'::text, 'group.mention'::text, 'comment'::text, 'reaction'::text, 'follow'::text, 'group.request'::text, 'group.approved'::text, 'question.routed'::text, 'answer'::text, 'answer.accepted'::text, 'idea.status'::text, 'idea.review'::text, 'idea.comment'::text, 'report.resolved'::text, 'campaign.status'::text, 'idea.implementation'::text, 'announcement'::text, 'announcement.reminder'::text, 'question.unanswered'::text, 'kudos.received'::text, 'badge.earned'::text, 'digest.helpers'::text])))
CONSTRAINT public.notifications.notifications_not_self CHECK (((actor_id IS DISTINCT FROM recipient_id) AND (NOT (recipient_id = ANY (actors)))))
CONSTRAINT public.notifications.notifications_payload_small CHECK ((octet_length((payload)::text) <= 2000))
CONSTRAINT public.notifications.notifications_pkey PRIMARY KEY (id)
CONSTRAINT public.notifications.notifications_recipient_fk FOREIGN KEY (recipient_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.notifications.notifications_source_unique UNIQUE (recipient_id, source_event_id, kind)
CONSTRAINT public.outbox.outbox_pkey PRIMARY KEY (id)
CONSTRAINT public.outbox.outbox_seq_unique UNIQUE (seq)
CONSTRAINT public.outbox_retention.outbox_retention_one_row CHECK (singleton)
CONSTRAINT public.outbox_retention.outbox_retention_pkey PRIMARY KEY (singleton)
CONSTRAINT public.people_imports.people_imports_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.people_imports.people_imports_file_name_length CHECK ((char_length(file_name) <= 255))
CONSTRAINT public.people_imports.people_imports_pkey PRIMARY KEY (id)
CONSTRAINT public.people_imports.people_imports_progress_check CHECK (((processed >= 0) AND (processed <= total)))
CONSTRAINT public.people_imports.people_imports_status_check CHECK ((status = ANY (ARRAY['dry_run'::text, 'queued'::text, 'applying'::text, 'applied'::text, 'failed'::text])))
CONSTRAINT public.personal_data_exports.personal_data_exports_error_length CHECK (((error IS NULL) OR (char_length(error) <= 2000)))
CONSTRAINT public.personal_data_exports.personal_data_exports_pkey PRIMARY KEY (id)
CONSTRAINT public.personal_data_exports.personal_data_exports_progress_check CHECK (((progress >= 0) AND (progress <= 100)))
CONSTRAINT public.personal_data_exports.personal_data_exports_ready_whole CHECK (((status = 'ready'::text) = ((storage_key IS NOT NULL) AND (expires_at IS NOT NULL))))
CONSTRAINT public.personal_data_exports.personal_data_exports_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'ready'::text, 'failed'::text, 'expired'::text])))
CONSTRAINT public.personal_data_exports.personal_data_exports_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.post_comment_revisions.post_comment_revisions_comment_fkey FOREIGN KEY (comment_id) REFERENCES post_comments(id) ON DELETE CASCADE
CONSTRAINT public.post_comment_revisions.post_comment_revisions_pkey PRIMARY KEY (id)
CONSTRAINT public.post_comments.post_comments_author_fk FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.post_comments.post_comments_body_length CHECK (((char_length(body) >= 1) AND (char_length(body) <= 10000)))
CONSTRAINT public.post_comments.post_comments_moderation_state_known CHECK ((moderation_state = ANY (ARRAY['visible'::text, 'hidden'::text, 'removed'::text, 'held'::text])))
CONSTRAINT public.post_comments.post_comments_pkey PRIMARY KEY (id)
CONSTRAINT public.post_comments.post_comments_post_fk FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE
CONSTRAINT public.post_hashtags.post_hashtags_pkey PRIMARY KEY (post_id, tag)
CONSTRAINT public.post_hashtags.post_hashtags_post_fkey FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE
CONSTRAINT public.post_hashtags.post_hashtags_tag_check CHECK (((char_length(tag) >= 1) AND (char_length(tag) <= 50)))
CONSTRAINT public.post_mentions.post_mentions_pkey PRIMARY KEY (post_id, user_id)
CONSTRAINT public.post_mentions.post_mentions_post_fk FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE
CONSTRAINT public.post_mentions.post_mentions_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.post_poll_options.post_poll_options_pkey PRIMARY KEY (id)
CONSTRAINT public.post_poll_options.post_poll_options_poll_fkey FOREIGN KEY (poll_id) REFERENCES post_polls(id) ON DELETE CASCADE
CONSTRAINT public.post_poll_options.post_poll_options_poll_id_key UNIQUE (poll_id, id)
CONSTRAINT public.post_poll_options.post_poll_options_position_key UNIQUE (poll_id, "position")
CONSTRAINT public.post_poll_options.post_poll_options_vote_count_check CHECK ((vote_count >= 0))
CONSTRAINT public.post_poll_votes.post_poll_votes_option_fkey FOREIGN KEY (poll_id, option_id) REFERENCES post_poll_options(poll_id, id) ON DELETE CASCADE
CONSTRAINT public.post_poll_votes.post_poll_votes_pkey PRIMARY KEY (poll_id, user_id, option_id)
CONSTRAINT public.post_poll_votes.post_poll_votes_poll_fkey FOREIGN KEY (poll_id, multiple) REFERENCES post_polls(id, multiple) ON DELETE CASCADE
CONSTRAINT public.post_poll_votes.post_poll_votes_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.post_polls.post_polls_id_multiple_key UNIQUE (id, multiple)
CONSTRAINT public.post_polls.post_polls_pkey PRIMARY KEY (id)
CONSTRAINT public.post_polls.post_polls_post_fkey FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE
CONSTRAINT public.post_polls.post_polls_post_key UNIQUE (post_id)
CONSTRAINT public.post_polls.post_polls_voter_count_check CHECK ((voter_count >= 0))
CONSTRAINT public.post_reactions.post_reactions_kind_known CHECK ((kind = ANY (ARRAY['like'::text, 'celebrate'::text, 'insightful'::text, 'support'::text])))
CONSTRAINT public.post_reactions.post_reactions_pkey PRIMARY KEY (post_id, user_id, kind)
CONSTRAINT public.post_reactions.post_reactions_post_fk FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE
CONSTRAINT public.post_reactions.post_reactions_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.posts.posts_attachment_count_check CHECK ((attachment_count >= 0))
CONSTRAINT public.posts.posts_author_fk FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.posts.posts_body_length CHECK (((char_length(body) >= 1) AND (char_length(body) <= 10000)))
CONSTRAINT public.posts.posts_counts_not_negative CHECK (((comment_count >= 0) AND (like_count >= 0) AND (celebrate_count >= 0) AND (insightful_count >= 0) AND (support_count >= 0)))
CONSTRAINT public.posts.posts_deleted_by_fk FOREIGN KEY (deleted_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.posts.posts_group_fk FOREIGN KEY (group_id) REFERENCES groups(id)
CONSTRAINT public.posts.posts_moderation_state_known CHECK ((moderation_state = ANY (ARRAY['visible'::text, 'hidden'::text, 'removed'::text, 'held'::text])))
CONSTRAINT public.posts.posts_pkey PRIMARY KEY (id)
CONSTRAINT public.posts.posts_private_needs_group CHECK (((group_id IS NOT NULL) OR (NOT group_private)))
CONSTRAINT public.profiles.profiles_bio_length CHECK ((char_length(bio) <= 2000))
CONSTRAINT public.profiles.profiles_department_length CHECK ((char_length(department) <= 100))
CONSTRAINT public.profiles.profiles_locale_known CHECK ((locale = ANY (ARRAY['en'::text, 'fr'::text])))
CONSTRAINT public.profiles.profiles_location_length CHECK ((char_length(location) <= 100))
CONSTRAINT public.profiles.profiles_manager_fkey FOREIGN KEY (manager_id) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.profiles.profiles_manager_not_self CHECK ((manager_id <> user_id))
CONSTRAINT public.profiles.profiles_pkey PRIMARY KEY (user_id)
CONSTRAINT public.profiles.profiles_time_zone_length CHECK (((char_length(time_zone) >= 1) AND (char_length(time_zone) <= 64)))
CONSTRAINT public.profiles.profiles_title_length CHECK ((char_length(title) <= 100))
CONSTRAINT public.profiles.profiles_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.push_settings.push_settings_pkey PRIMARY KEY (user_id)
CONSTRAINT public.push_settings.push_settings_quiet_both CHECK (((quiet_start IS NULL) = (quiet_end IS NULL)))
CONSTRAINT public.push_settings.push_settings_quiet_range CHECK ((((quiet_start >= 0) AND (quiet_start <= 1439)) AND ((quiet_end >= 0) AND (quiet_end <= 1439)) AND (quiet_start <> quiet_end)))
CONSTRAINT public.push_settings.push_settings_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.push_subscriptions.push_subscriptions_endpoint_key UNIQUE (endpoint)
CONSTRAINT public.push_subscriptions.push_subscriptions_endpoint_length CHECK ((char_length(endpoint) <= 2048))
CONSTRAINT public.push_subscriptions.push_subscriptions_pkey PRIMARY KEY (id)
CONSTRAINT public.push_subscriptions.push_subscriptions_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.push_vapid_keys.push_vapid_keys_pkey PRIMARY KEY (id)
CONSTRAINT public.push_vapid_keys.push_vapid_keys_single CHECK (id)
CONSTRAINT public.question_revisions.question_revisions_pkey PRIMARY KEY (id)
CONSTRAINT public.question_revisions.question_revisions_question_fkey FOREIGN KEY (question_id) REFERENCES questions(id) ON DELETE CASCADE
CONSTRAINT public.question_routes.question_routes_detail_length CHECK ((char_length(detail) <= 300))
CONSTRAINT public.question_routes.question_routes_pkey PRIMARY KEY (question_id, user_id)
CONSTRAINT public.question_routes.question_routes_question_fk FOREIGN KEY (question_id) REFERENCES questions(id) ON DELETE CASCADE
CONSTRAINT public.question_routes.question_routes_reason_known CHECK ((reason = ANY (ARRAY['expert'::text, 'helper'::text, 'topic_follower'::text, 'department_answerer'::text])))
CONSTRAINT public.question_routes.question_routes_round_range CHECK (((round >= 1) AND (round <= 100)))
CONSTRAINT public.question_routes.question_routes_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.questions.questions_accepted_answer_fk FOREIGN KEY (accepted_answer_id, id) REFERENCES answers(id, question_id)
CONSTRAINT public.questions.questions_answer_count_not_negative CHECK ((answer_count >= 0))
CONSTRAINT public.questions.questions_answered_has_answer CHECK (((status = 'answered'::text) = (accepted_answer_id IS NOT NULL)))
CONSTRAINT public.questions.questions_asker_fk FOREIGN KEY (asker_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.questions.questions_body_length CHECK ((char_length(body) <= 20000))
CONSTRAINT public.questions.questions_claim_whole CHECK (((claimed_by IS NULL) = (claim_expires_at IS NULL)))
CONSTRAINT public.questions.questions_claimed_by_fk FOREIGN KEY (claimed_by) REFERENCES users(id) ON DELETE SET NULL
CONSTRAINT public.questions.questions_moderation_state_known CHECK ((moderation_state = ANY (ARRAY['visible'::text, 'hidden'::text, 'removed'::text, 'held'::text])))
CONSTRAINT public.questions.questions_pkey PRIMARY KEY (id)
CONSTRAINT public.questions.questions_routed_round_range CHECK (((routed_round >= 0) AND (routed_round <= 100)))
CONSTRAINT public.questions.questions_status_known CHECK ((status = ANY (ARRAY['open'::text, 'answered'::text])))
CONSTRAINT public.questions.questions_title_length CHECK (((char_length(title) >= 1) AND (char_length(title) <= 200)))
CONSTRAINT public.questions.questions_topics_count CHECK (((cardinality(topics) >= 1) AND (cardinality(topics) <= 10)))
CONSTRAINT public.rate_limit_windows.rate_limit_windows_pkey PRIMARY KEY (key)
CONSTRAINT public.recognition_facts.recognition_facts_kind_known CHECK ((kind = ANY (ARRAY['accepted_answer'::text, 'bridge_answer'::text, 'review'::text, 'implemented_idea'::text, 'mentoring'::text])))
CONSTRAINT public.recognition_facts.recognition_facts_pkey PRIMARY KEY (kind, subject_id)
CONSTRAINT public.recognition_facts.recognition_facts_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.recognition_out_of_sight.recognition_out_of_sight_pkey PRIMARY KEY (content_type, content_id)
CONSTRAINT public.recognition_settings.recognition_settings_pkey PRIMARY KEY (user_id)
CONSTRAINT public.recognition_settings.recognition_settings_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.refresh_tokens.refresh_tokens_hash_unique UNIQUE (token_hash)
CONSTRAINT public.refresh_tokens.refresh_tokens_pkey PRIMARY KEY (id)
CONSTRAINT public.refresh_tokens.refresh_tokens_session_fkey FOREIGN KEY (family_id) REFERENCES sessions(id) ON DELETE CASCADE
CONSTRAINT public.refresh_tokens.refresh_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.reports.reports_case_fk FOREIGN KEY (case_id) REFERENCES moderation_cases(id) ON DELETE CASCADE
CONSTRAINT public.reports.reports_one_per_reporter UNIQUE (target_type, target_id, reporter_id)
CONSTRAINT public.reports.reports_pkey PRIMARY KEY (id)
CONSTRAINT public.reports.reports_reason_length CHECK (((char_length(reason) >= 1) AND (char_length(reason) <= 1000)))
CONSTRAINT public.reports.reports_reporter_fk FOREIGN KEY (reporter_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.reports.reports_resolved_iff_resolved_at CHECK (((status = 'resolved'::text) = (resolved_at IS NOT NULL)))
CONSTRAINT public.reports.reports_status_known CHECK ((status = ANY (ARRAY['open'::text, 'resolved'::text])))
CONSTRAINT public.reports.reports_target_type_known CHECK ((target_type = ANY (ARRAY['post'::text, 'comment'::text, 'idea'::text, 'question'::text, 'answer'::text, 'kudos'::text])))
CONSTRAINT public.saml_assertions.saml_assertions_id_length CHECK (((length(assertion_id) >= 1) AND (length(assertion_id) <= 256)))
CONSTRAINT public.saml_assertions.saml_assertions_issuer_length CHECK (((length(issuer) >= 1) AND (length(issuer) <= 512)))
CONSTRAINT public.saml_assertions.saml_assertions_pkey PRIMARY KEY (issuer, assertion_id)
CONSTRAINT public.saml_requests.saml_requests_id_length CHECK (((length(id) >= 1) AND (length(id) <= 128)))
CONSTRAINT public.saml_requests.saml_requests_pkey PRIMARY KEY (id)
CONSTRAINT public.scim_groups.scim_groups_display_name_length CHECK (((char_length(display_name) >= 1) AND (char_length(display_name) <= 100)))
CONSTRAINT public.scim_groups.scim_groups_external_id_length CHECK (((length(external_id) >= 1) AND (length(external_id) <= 256)))
CONSTRAINT public.scim_groups.scim_groups_external_id_unique UNIQUE (external_id)
CONSTRAINT public.scim_groups.scim_groups_group_fkey FOREIGN KEY (group_id) REFERENCES groups(id) ON DELETE CASCADE
CONSTRAINT public.scim_groups.scim_groups_pkey PRIMARY KEY (group_id)
CONSTRAINT public.sessions.sessions_address_length CHECK ((length(address) <= 64))
CONSTRAINT public.sessions.sessions_pkey PRIMARY KEY (id)
CONSTRAINT public.sessions.sessions_user_agent_length CHECK ((length(user_agent) <= 512))
CONSTRAINT public.sessions.sessions_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.skill_endorsements.skill_endorsements_endorser_fk FOREIGN KEY (endorser_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.skill_endorsements.skill_endorsements_not_self CHECK ((endorser_id <> user_id))
CONSTRAINT public.skill_endorsements.skill_endorsements_pkey PRIMARY KEY (user_id, skill, endorser_id)
CONSTRAINT public.skill_endorsements.skill_endorsements_user_skill_fk FOREIGN KEY (user_id, skill) REFERENCES user_skills(user_id, skill) ON DELETE CASCADE
CONSTRAINT public.skill_synonyms.skill_synonyms_alias_length CHECK (((char_length(alias_key) >= 1) AND (char_length(alias_key) <= 200)))
CONSTRAINT public.skill_synonyms.skill_synonyms_canonical_length CHECK (((char_length(canonical_key) >= 1) AND (char_length(canonical_key) <= 200)))
CONSTRAINT public.skill_synonyms.skill_synonyms_not_self CHECK ((alias_key <> canonical_key))
CONSTRAINT public.skill_synonyms.skill_synonyms_pkey PRIMARY KEY (alias_key)
CONSTRAINT public.sso_handoffs.sso_handoffs_code_hash_length CHECK ((octet_length(code_hash) = 32))
CONSTRAINT public.sso_handoffs.sso_handoffs_pkey PRIMARY KEY (code_hash)
CONSTRAINT public.sso_handoffs.sso_handoffs_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.topic_follows.topic_follows_label_length CHECK (((char_length(label) >= 1) AND (char_length(label) <= 200)))
CONSTRAINT public.topic_follows.topic_follows_pkey PRIMARY KEY (user_id, topic)
CONSTRAINT public.topic_follows.topic_follows_topic_length CHECK (((char_length(topic) >= 1) AND (char_length(topic) <= 200)))
CONSTRAINT public.topic_follows.topic_follows_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.topic_helpers.topic_helpers_label_length CHECK (((char_length(label) >= 1) AND (char_length(label) <= 200)))
CONSTRAINT public.topic_helpers.topic_helpers_pkey PRIMARY KEY (user_id, topic)
CONSTRAINT public.topic_helpers.topic_helpers_topic_length CHECK (((char_length(topic) >= 1) AND (char_length(topic) <= 200)))
CONSTRAINT public.topic_helpers.topic_helpers_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.topic_helpers.topic_helpers_weekly_cap_range CHECK (((weekly_cap >= 1) AND (weekly_cap <= 100)))
CONSTRAINT public.totp_credentials.totp_credentials_pkey PRIMARY KEY (user_id)
CONSTRAINT public.totp_credentials.totp_credentials_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.totp_recovery_codes.totp_recovery_codes_pkey PRIMARY KEY (id)
CONSTRAINT public.totp_recovery_codes.totp_recovery_codes_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.training_enrollments.training_enrollments_path_fkey FOREIGN KEY (path_id) REFERENCES training_paths(id) ON DELETE CASCADE
CONSTRAINT public.training_enrollments.training_enrollments_pkey PRIMARY KEY (path_id, user_id)
CONSTRAINT public.training_enrollments.training_enrollments_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.training_first_runs.training_first_runs_outcome_check CHECK ((outcome = ANY (ARRAY['finished'::text, 'skipped'::text])))
CONSTRAINT public.training_first_runs.training_first_runs_pkey PRIMARY KEY (user_id)
CONSTRAINT public.training_first_runs.training_first_runs_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.training_paths.training_paths_audience_check CHECK ((audience = ANY (ARRAY['newcomers'::text, 'community_owners'::text])))
CONSTRAINT public.training_paths.training_paths_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
CONSTRAINT public.training_paths.training_paths_group_audience_check CHECK (((group_id IS NULL) OR (audience = 'newcomers'::text)))
CONSTRAINT public.training_paths.training_paths_group_fkey FOREIGN KEY (group_id) REFERENCES groups(id) ON DELETE CASCADE
CONSTRAINT public.training_paths.training_paths_pkey PRIMARY KEY (id)
CONSTRAINT public.training_step_completions.training_step_completions_pkey PRIMARY KEY (step_id, user_id)
CONSTRAINT public.training_step_completions.training_step_completions_step_fkey FOREIGN KEY (step_id) REFERENCES training_steps(id) ON DELETE CASCADE
CONSTRAINT public.training_step_completions.training_step_completions_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.training_steps.training_steps_group_fkey FOREIGN KEY (group_id) REFERENCES groups(id) ON DELETE CASCADE
CONSTRAINT public.training_steps.training_steps_join_group_check CHECK (((kind <> 'join_group'::text) OR (group_id IS NOT NULL)))
CONSTRAINT public.training_steps.training_steps_kind_check CHECK ((kind = ANY (ARRAY['read'::text, 'accept_guidelines'::text, 'first_post'::text, 'first_question'::text, 'join_group'::text, 'meet_mentor'::text, 'declare_skills'::text, 'follow_people'::text])))
CONSTRAINT public.training_steps.training_steps_path_fkey FOREIGN KEY (path_id) REFERENCES training_paths(id) ON DELETE CASCADE
CONSTRAINT public.training_steps.training_steps_path_position_key UNIQUE (path_id, "position")
CONSTRAINT public.training_steps.training_steps_pkey PRIMARY KEY (id)
CONSTRAINT public.user_skills.user_skills_name_length CHECK (((char_length(name) >= 1) AND (char_length(name) <= 60)))
CONSTRAINT public.user_skills.user_skills_pkey PRIMARY KEY (user_id, skill)
CONSTRAINT public.user_skills.user_skills_position_range CHECK ((("position" >= 0) AND ("position" <= 49)))
CONSTRAINT public.user_skills.user_skills_position_unique UNIQUE (user_id, "position") DEFERRABLE INITIALLY DEFERRED
CONSTRAINT public.user_skills.user_skills_skill_length CHECK (((char_length(skill) >= 1) AND (char_length(skill) <= 200)))
CONSTRAINT public.user_skills.user_skills_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
CONSTRAINT public.users.users_avatar_file_fk FOREIGN KEY (avatar_file_id) REFERENCES files(id) ON DELETE SET NULL
CONSTRAINT public.users.users_email_lowercase CHECK ((email = lower(email)))
CONSTRAINT public.users.users_email_unique UNIQUE (email)
CONSTRAINT public.users.users_external_id_length CHECK (((length(external_id) >= 1) AND (length(external_id) <= 256)))
CONSTRAINT public.users.users_external_id_unique UNIQUE (external_id)
CONSTRAINT public.users.users_handle_format CHECK ((handle ~ '^[a-z0-9_]{2,30}$'::text))
CONSTRAINT public.users.users_handle_unique UNIQUE (handle)
CONSTRAINT public.users.users_pkey PRIMARY KEY (id)
CONSTRAINT public.users.users_roles_known CHECK ((roles <@ ARRAY['employee'::text, 'innovation'::text, 'moderator'::text, 'admin'::text]))
CONSTRAINT public.users.users_status_derived CHECK (((status = 'erased'::text) OR (status =
CASE
    WHEN (deactivated_at IS NOT NULL) THEN 'deactivated'::text
    WHEN (suspended_at IS NOT NULL) THEN 'suspended'::text
    ELSE 'active'::text
END)))
CONSTRAINT public.users.users_status_known CHECK ((status = ANY (ARRAY['active'::text, 'suspended'::text, 'deactivated'::text, 'erased'::text])))

-- indexes (266)
INDEX CREATE INDEX account_tokens_user_idx ON public.account_tokens USING btree (user_id, purpose, created_at DESC)
INDEX CREATE INDEX analytics_activity_group_idx ON public.analytics_activity USING btree (group_id, created_at) WHERE (group_id IS NOT NULL)
INDEX CREATE INDEX analytics_activity_parent_idx ON public.analytics_activity USING btree (parent_id, created_at) WHERE (parent_id IS NOT NULL)
INDEX CREATE INDEX analytics_activity_subject_idx ON public.analytics_activity USING btree (subject_id, event_id)
INDEX CREATE INDEX analytics_activity_time_idx ON public.analytics_activity USING btree (created_at, kind)
INDEX CREATE INDEX announcement_recipients_read_idx ON public.announcement_recipients USING btree (announcement_id, ((acked_at IS NULL)), user_id)
INDEX CREATE INDEX announcement_recipients_user_idx ON public.announcement_recipients USING btree (user_id, acked_at)
INDEX CREATE INDEX announcements_author_idx ON public.announcements USING btree (author_id, publish_at DESC)
INDEX CREATE INDEX announcements_due_idx ON public.announcements USING btree (publish_at) WHERE (published_at IS NULL)
INDEX CREATE INDEX announcements_expiring_idx ON public.announcements USING btree (expires_at) WHERE ((expired_at IS NULL) AND (expires_at IS NOT NULL))
INDEX CREATE INDEX announcements_group_idx ON public.announcements USING btree (group_id, publish_at DESC) WHERE (group_id IS NOT NULL)
INDEX CREATE INDEX answer_revisions_answer_idx ON public.answer_revisions USING btree (answer_id, edited_at DESC)
INDEX CREATE INDEX answer_votes_user_idx ON public.answer_votes USING btree (user_id)
INDEX CREATE INDEX answers_author_idx ON public.answers USING btree (author_id)
INDEX CREATE INDEX answers_question_order_idx ON public.answers USING btree (question_id, accepted DESC, vote_count DESC, created_at, id)
INDEX CREATE INDEX answers_recent_idx ON public.answers USING btree (created_at DESC)
INDEX CREATE INDEX answers_search_idx ON public.answers USING gin (search_vector)
INDEX CREATE INDEX audit_log_action_idx ON public.audit_log USING btree (action, source_event_id)
INDEX CREATE INDEX audit_log_actor_idx ON public.audit_log USING btree (actor_id, source_event_id)
INDEX CREATE INDEX audit_log_target_idx ON public.audit_log USING btree (target_id, source_event_id)
INDEX CREATE INDEX campaign_reviewers_user_idx ON public.campaign_reviewers USING btree (user_id)
INDEX CREATE INDEX campaign_transitions_campaign_idx ON public.campaign_transitions USING btree (campaign_id, created_at, id)
INDEX CREATE INDEX campaigns_open_closes_at_idx ON public.campaigns USING btree (closes_at) WHERE ((status = 'open'::text) AND (closes_at IS NOT NULL))
INDEX CREATE INDEX campaigns_recent_idx ON public.campaigns USING btree (created_at DESC, id DESC)
INDEX CREATE INDEX email_inbound_messages_received_idx ON public.email_inbound_messages USING brin (received_at)
INDEX CREATE INDEX email_messages_recipient_kind_idx ON public.email_messages USING btree (recipient_id, kind, created_at DESC)
INDEX CREATE INDEX email_reply_tokens_user_thread_idx ON public.email_reply_tokens USING btree (user_id, thread_type, thread_id)
INDEX CREATE INDEX email_suppressions_recent_idx ON public.email_suppressions USING btree (created_at DESC, address DESC)
INDEX CREATE INDEX expertise_topic_rank_idx ON public.expertise USING btree (topic, score DESC, user_id)
INDEX CREATE INDEX expertise_topics_trgm_idx ON public.expertise_topics USING gin (topic gin_trgm_ops)
INDEX CREATE INDEX external_identities_user_idx ON public.external_identities USING btree (user_id)
INDEX CREATE INDEX files_deleted_at_idx ON public.files USING btree (deleted_at) WHERE (deleted_at IS NOT NULL)
INDEX CREATE INDEX files_expires_at_idx ON public.files USING btree (expires_at) WHERE (expires_at IS NOT NULL)
INDEX CREATE INDEX files_item_idx ON public.files USING btree (item_type, item_id) WHERE (item_id IS NOT NULL)
INDEX CREATE INDEX files_owner_idx ON public.files USING btree (owner_id)
INDEX CREATE INDEX files_search_idx ON public.files USING gin (search_vector) WHERE (text IS NOT NULL)
INDEX CREATE INDEX follows_followee_idx ON public.follows USING btree (followee_id, created_at, follower_id)
INDEX CREATE INDEX follows_follower_recent_idx ON public.follows USING btree (follower_id, created_at, followee_id)
INDEX CREATE INDEX group_bans_group_recent_idx ON public.group_bans USING btree (group_id, created_at DESC, id DESC)
INDEX CREATE INDEX group_bans_user_idx ON public.group_bans USING btree (user_id)
INDEX CREATE INDEX group_memberships_members_idx ON public.group_memberships USING btree (group_id, joined_at, user_id) WHERE (role = ANY (ARRAY['owner'::text, 'admin'::text, 'member'::text]))
INDEX CREATE INDEX group_memberships_requests_idx ON public.group_memberships USING btree (group_id, created_at, user_id) WHERE (role = 'pending'::text)
INDEX CREATE INDEX group_memberships_user_idx ON public.group_memberships USING btree (user_id, group_id) INCLUDE (role)
INDEX CREATE INDEX groups_name_trgm_idx ON public.groups USING gin (name gin_trgm_ops)
INDEX CREATE INDEX groups_recent_idx ON public.groups USING btree (created_at DESC, id DESC)
INDEX CREATE INDEX groups_search_idx ON public.groups USING gin (search_vector)
INDEX CREATE INDEX idea_comments_idea_idx ON public.idea_comments USING btree (idea_id, created_at, id)
INDEX CREATE INDEX idea_votes_user_idx ON public.idea_votes USING btree (user_id)
INDEX CREATE INDEX ideas_author_idx ON public.ideas USING btree (author_id)
INDEX CREATE INDEX ideas_campaign_new_idx ON public.ideas USING btree (campaign_id, created_at DESC, id DESC) WHERE (status <> 'merged'::text)
INDEX CREATE INDEX ideas_campaign_top_idx ON public.ideas USING btree (campaign_id, vote_count DESC, created_at, id) WHERE (status <> 'merged'::text)
INDEX CREATE INDEX ideas_merged_into_idx ON public.ideas USING btree (merged_into) WHERE (merged_into IS NOT NULL)
INDEX CREATE INDEX ideas_recent_idx ON public.ideas USING btree (created_at DESC)
INDEX CREATE INDEX ideas_search_idx ON public.ideas USING gin (search_vector)
INDEX CREATE INDEX ideas_title_trgm_idx ON public.ideas USING gin (title gin_trgm_ops)
INDEX CREATE INDEX invitations_created_idx ON public.invitations USING btree (created_at DESC, id DESC)
INDEX CREATE INDEX kudos_author_recent_idx ON public.kudos USING btree (author_id, created_at DESC, id DESC)
INDEX CREATE INDEX kudos_recipient_recent_idx ON public.kudos USING btree (recipient_id, created_at DESC, id DESC)
INDEX CREATE INDEX link_preview_uses_preview_idx ON public.link_preview_uses USING btree (preview_id)
INDEX CREATE INDEX login_challenges_expires_idx ON public.login_challenges USING btree (expires_at)
INDEX CREATE INDEX mentoring_offers_topic_idx ON public.mentoring_offers USING btree (topic, user_id)
INDEX CREATE INDEX mentoring_requests_mentee_recent_idx ON public.mentoring_requests USING btree (mentee_id, created_at DESC, id DESC)
INDEX CREATE INDEX mentoring_requests_mentor_idx ON public.mentoring_requests USING btree (mentor_id) WHERE (status = 'paired'::text)
INDEX CREATE INDEX mentoring_requests_mentor_recent_idx ON public.mentoring_requests USING btree (mentor_id, created_at DESC, id DESC)
INDEX CREATE INDEX mentoring_requests_waiting_idx ON public.mentoring_requests USING btree (topic, created_at) WHERE (status = 'waiting'::text)
INDEX CREATE INDEX moderation_cases_group_queue_idx ON public.moderation_cases USING btree (group_id, opened_at, id) WHERE (status = 'open'::text)
INDEX CREATE INDEX moderation_cases_queue_idx ON public.moderation_cases USING btree (opened_at, id) WHERE (status = 'open'::text)
INDEX CREATE INDEX moderation_cases_target_idx ON public.moderation_cases USING btree (target_type, target_id)
INDEX CREATE INDEX notification_mutes_recent_idx ON public.notification_mutes USING btree (user_id, created_at DESC, subject_id DESC)
INDEX CREATE INDEX notification_mutes_subject_idx ON public.notification_mutes USING btree (subject_type, subject_id)
INDEX CREATE INDEX notifications_recipient_recent_idx ON public.notifications USING btree (recipient_id, created_at DESC, id DESC)
INDEX CREATE INDEX notifications_recipient_unread_idx ON public.notifications USING btree (recipient_id, created_at DESC, id DESC) WHERE (read_at IS NULL)
INDEX CREATE INDEX outbox_audience_idx ON public.outbox USING gin (audience)
INDEX CREATE INDEX outbox_created_at_brin ON public.outbox USING brin (created_at)
INDEX CREATE INDEX outbox_pending_idx ON public.outbox USING btree (id) WHERE (seq IS NULL)
INDEX CREATE INDEX people_imports_created_idx ON public.people_imports USING btree (created_at DESC, id DESC)
INDEX CREATE INDEX personal_data_exports_expiry_idx ON public.personal_data_exports USING btree (expires_at) WHERE (status = 'ready'::text)
INDEX CREATE INDEX personal_data_exports_user_idx ON public.personal_data_exports USING btree (user_id, created_at DESC)
INDEX CREATE INDEX post_comment_revisions_comment_idx ON public.post_comment_revisions USING btree (comment_id, edited_at DESC)
INDEX CREATE INDEX post_comments_post_idx ON public.post_comments USING btree (post_id, created_at, id)
INDEX CREATE INDEX post_comments_recent_idx ON public.post_comments USING btree (created_at DESC)
INDEX CREATE INDEX post_comments_search_idx ON public.post_comments USING gin (search_vector)
INDEX CREATE INDEX post_hashtags_recent_idx ON public.post_hashtags USING btree (created_at DESC) INCLUDE (tag)
INDEX CREATE INDEX post_mentions_user_idx ON public.post_mentions USING btree (user_id, post_id)
INDEX CREATE INDEX posts_author_timeline_idx ON public.posts USING btree (author_id, created_at DESC, id DESC) INCLUDE (group_id, group_private, moderation_state) WHERE (deleted_at IS NULL)
INDEX CREATE INDEX posts_group_timeline_idx ON public.posts USING btree (group_id, created_at DESC, id DESC) WHERE ((deleted_at IS NULL) AND (group_id IS NOT NULL))
INDEX CREATE INDEX posts_search_idx ON public.posts USING gin (search_vector)
INDEX CREATE INDEX posts_timeline_idx ON public.posts USING btree (created_at DESC, id DESC) WHERE (deleted_at IS NULL)
INDEX CREATE INDEX profiles_department_fold_idx ON public.profiles USING btree (ruche_fold(department), user_id)
INDEX CREATE INDEX profiles_location_fold_idx ON public.profiles USING btree (ruche_fold(location), user_id)
INDEX CREATE INDEX profiles_manager_idx ON public.profiles USING btree (manager_id) WHERE (manager_id IS NOT NULL)
INDEX CREATE INDEX profiles_recent_idx ON public.profiles USING btree (updated_at DESC)
INDEX CREATE INDEX profiles_search_idx ON public.profiles USING gin (search_vector)
INDEX CREATE INDEX push_subscriptions_user_idx ON public.push_subscriptions USING btree (user_id)
INDEX CREATE INDEX question_revisions_question_idx ON public.question_revisions USING btree (question_id, edited_at DESC)
INDEX CREATE INDEX question_routes_helper_recent_idx ON public.question_routes USING btree (user_id, routed_at) WHERE (reason = 'helper'::text)
INDEX CREATE INDEX question_routes_user_recent_idx ON public.question_routes USING btree (user_id, routed_at DESC, question_id DESC)
INDEX CREATE INDEX questions_asker_idx ON public.questions USING btree (asker_id, created_at DESC)
INDEX CREATE INDEX questions_recent_idx ON public.questions USING btree (created_at DESC, id DESC)
INDEX CREATE INDEX questions_reroute_idx ON public.questions USING btree (last_routed_at) WHERE ((status = 'open'::text) AND (answer_count = 0))
INDEX CREATE INDEX questions_search_idx ON public.questions USING gin (search_vector)
INDEX CREATE INDEX questions_status_recent_idx ON public.questions USING btree (status, created_at DESC, id DESC)
INDEX CREATE INDEX questions_title_trgm_idx ON public.questions USING gin (ruche_fold(title) gin_trgm_ops)
INDEX CREATE INDEX questions_topics_idx ON public.questions USING gin (topics)
INDEX CREATE INDEX questions_unanswered_idx ON public.questions USING btree (unanswered_at DESC, id DESC) WHERE (unanswered_at IS NOT NULL)
INDEX CREATE INDEX recognition_facts_parent_idx ON public.recognition_facts USING btree (parent_id) WHERE (parent_id IS NOT NULL)
INDEX CREATE INDEX recognition_facts_user_idx ON public.recognition_facts USING btree (user_id, kind)
INDEX CREATE INDEX refresh_tokens_family_idx ON public.refresh_tokens USING btree (family_id)
INDEX CREATE INDEX refresh_tokens_user_idx ON public.refresh_tokens USING btree (user_id)
INDEX CREATE INDEX reports_case_idx ON public.reports USING btree (case_id, created_at, id)
INDEX CREATE INDEX reports_reporter_idx ON public.reports USING btree (reporter_id)
INDEX CREATE INDEX saml_assertions_expires_idx ON public.saml_assertions USING btree (expires_at)
INDEX CREATE INDEX saml_requests_expires_idx ON public.saml_requests USING btree (expires_at)
INDEX CREATE INDEX scim_groups_created_idx ON public.scim_groups USING btree (created_at, group_id)
INDEX CREATE INDEX scim_groups_display_name_idx ON public.scim_groups USING btree (lower(display_name))
INDEX CREATE INDEX sessions_user_idx ON public.sessions USING btree (user_id, last_seen_at DESC)
INDEX CREATE INDEX skill_endorsements_endorser_idx ON public.skill_endorsements USING btree (endorser_id)
INDEX CREATE INDEX skill_synonyms_canonical_idx ON public.skill_synonyms USING btree (canonical_key)
INDEX CREATE INDEX sso_handoffs_user_idx ON public.sso_handoffs USING btree (user_id)
INDEX CREATE INDEX topic_follows_topic_idx ON public.topic_follows USING btree (topic, created_at, user_id)
INDEX CREATE INDEX topic_helpers_topic_idx ON public.topic_helpers USING btree (topic, created_at, user_id)
INDEX CREATE INDEX totp_recovery_codes_user_idx ON public.totp_recovery_codes USING btree (user_id)
INDEX CREATE INDEX training_enrollments_user_idx ON public.training_enrollments USING btree (user_id)
INDEX CREATE INDEX training_paths_group_idx ON public.training_paths USING btree (group_id) WHERE (group_id IS NOT NULL)
INDEX CREATE INDEX training_step_completions_user_idx ON public.training_step_completions USING btree (user_id)
INDEX CREATE INDEX user_skills_skill_idx ON public.user_skills USING btree (skill, user_id)
INDEX CREATE INDEX users_directory_idx ON public.users USING btree (ruche_fold(display_name), id) WHERE (status = 'active'::text)
INDEX CREATE INDEX users_display_name_trgm_idx ON public.users USING gin (ruche_fold(display_name) gin_trgm_ops)
INDEX CREATE UNIQUE INDEX "PK_8c82d7f526340ab734260ea46be" ON public.migrations USING btree (id)
INDEX CREATE UNIQUE INDEX account_tokens_pkey ON public.account_tokens USING btree (id)
INDEX CREATE UNIQUE INDEX account_tokens_token_hash_key ON public.account_tokens USING btree (token_hash)
INDEX CREATE UNIQUE INDEX analytics_activity_item_once_idx ON public.analytics_activity USING btree (kind, subject_id) WHERE (kind = ANY (ARRAY['post'::text, 'comment'::text, 'question'::text, 'answer'::text, 'answer_accepted'::text, 'idea'::text, 'idea_comment'::text, 'review'::text]))
INDEX CREATE UNIQUE INDEX analytics_activity_pkey ON public.analytics_activity USING btree (event_id)
INDEX CREATE UNIQUE INDEX announcement_recipients_pkey ON public.announcement_recipients USING btree (announcement_id, user_id)
INDEX CREATE UNIQUE INDEX announcement_reminders_pkey ON public.announcement_reminders USING btree (announcement_id, day)
INDEX CREATE UNIQUE INDEX announcements_pkey ON public.announcements USING btree (id)
INDEX CREATE UNIQUE INDEX answer_revisions_pkey ON public.answer_revisions USING btree (id)
INDEX CREATE UNIQUE INDEX answer_votes_pkey ON public.answer_votes USING btree (answer_id, user_id)
INDEX CREATE UNIQUE INDEX answers_id_question_unique ON public.answers USING btree (id, question_id)
INDEX CREATE UNIQUE INDEX answers_one_accepted_idx ON public.answers USING btree (question_id) WHERE accepted
INDEX CREATE UNIQUE INDEX answers_pkey ON public.answers USING btree (id)
INDEX CREATE UNIQUE INDEX audit_log_one_per_event ON public.audit_log USING btree (source_event_id)
INDEX CREATE UNIQUE INDEX audit_log_pkey ON public.audit_log USING btree (id)
INDEX CREATE UNIQUE INDEX badges_pkey ON public.badges USING btree (user_id, badge)
INDEX CREATE UNIQUE INDEX campaign_reviewers_pkey ON public.campaign_reviewers USING btree (campaign_id, user_id)
INDEX CREATE UNIQUE INDEX campaign_transitions_pkey ON public.campaign_transitions USING btree (id)
INDEX CREATE UNIQUE INDEX campaigns_pkey ON public.campaigns USING btree (id)
INDEX CREATE UNIQUE INDEX digest_deliveries_pkey ON public.digest_deliveries USING btree (user_id)
INDEX CREATE UNIQUE INDEX email_inbound_messages_pkey ON public.email_inbound_messages USING btree (message_id, recipient)
INDEX CREATE UNIQUE INDEX email_messages_dedupe_key ON public.email_messages USING btree (dedupe_key)
INDEX CREATE UNIQUE INDEX email_messages_pkey ON public.email_messages USING btree (id)
INDEX CREATE UNIQUE INDEX email_reply_tokens_pkey ON public.email_reply_tokens USING btree (token_hash)
INDEX CREATE UNIQUE INDEX email_suppressions_pkey ON public.email_suppressions USING btree (address)
INDEX CREATE UNIQUE INDEX event_dead_letters_event_listener_key ON public.event_dead_letters USING btree (event_id, listener)
INDEX CREATE UNIQUE INDEX event_dead_letters_pkey ON public.event_dead_letters USING btree (id)
INDEX CREATE UNIQUE INDEX expertise_answer_credits_pkey ON public.expertise_answer_credits USING btree (answer_id)
INDEX CREATE UNIQUE INDEX expertise_content_states_pkey ON public.expertise_content_states USING btree (target_type, target_id)
INDEX CREATE UNIQUE INDEX expertise_pkey ON public.expertise USING btree (user_id, topic)
INDEX CREATE UNIQUE INDEX expertise_post_credits_pkey ON public.expertise_post_credits USING btree (post_id)
INDEX CREATE UNIQUE INDEX expertise_review_credits_pkey ON public.expertise_review_credits USING btree (review_id)
INDEX CREATE UNIQUE INDEX expertise_topics_pkey ON public.expertise_topics USING btree (topic)
INDEX CREATE UNIQUE INDEX external_identities_issuer_subject_key ON public.external_identities USING btree (issuer, subject)
INDEX CREATE UNIQUE INDEX external_identities_pkey ON public.external_identities USING btree (id)
INDEX CREATE UNIQUE INDEX file_usage_pkey ON public.file_usage USING btree (user_id)
INDEX CREATE UNIQUE INDEX files_pkey ON public.files USING btree (id)
INDEX CREATE UNIQUE INDEX follows_pkey ON public.follows USING btree (follower_id, followee_id)
INDEX CREATE UNIQUE INDEX group_bans_one_open_idx ON public.group_bans USING btree (group_id, user_id) WHERE (lifted_at IS NULL)
INDEX CREATE UNIQUE INDEX group_bans_pkey ON public.group_bans USING btree (id)
INDEX CREATE UNIQUE INDEX group_memberships_pkey ON public.group_memberships USING btree (group_id, user_id)
INDEX CREATE UNIQUE INDEX groups_handle_key ON public.groups USING btree (handle)
INDEX CREATE UNIQUE INDEX groups_pkey ON public.groups USING btree (id)
INDEX CREATE UNIQUE INDEX guideline_acceptances_pkey ON public.guideline_acceptances USING btree (user_id, version)
INDEX CREATE UNIQUE INDEX guidelines_pkey ON public.guidelines USING btree (version)
INDEX CREATE UNIQUE INDEX helper_digests_pkey ON public.helper_digests USING btree (group_id, month)
INDEX CREATE UNIQUE INDEX home_timeline_big_authors_pkey ON public.home_timeline_big_authors USING btree (author_id)
INDEX CREATE UNIQUE INDEX home_timeline_readers_pkey ON public.home_timeline_readers USING btree (user_id)
INDEX CREATE UNIQUE INDEX home_timelines_pkey ON public.home_timelines USING btree (user_id, post_created_at, post_id)
INDEX CREATE UNIQUE INDEX idea_comments_pkey ON public.idea_comments USING btree (id)
INDEX CREATE UNIQUE INDEX idea_milestones_pkey ON public.idea_milestones USING btree (idea_id, "position")
INDEX CREATE UNIQUE INDEX idea_reviews_one_per_reviewer ON public.idea_reviews USING btree (idea_id, reviewer_id)
INDEX CREATE UNIQUE INDEX idea_reviews_pkey ON public.idea_reviews USING btree (id)
INDEX CREATE UNIQUE INDEX idea_votes_pkey ON public.idea_votes USING btree (idea_id, user_id)
INDEX CREATE UNIQUE INDEX ideas_pkey ON public.ideas USING btree (id)
INDEX CREATE UNIQUE INDEX invitations_pending_email_key ON public.invitations USING btree (email) WHERE ((revoked_at IS NULL) AND (redeemed_at IS NULL))
INDEX CREATE UNIQUE INDEX invitations_pkey ON public.invitations USING btree (id)
INDEX CREATE UNIQUE INDEX invitations_token_hash_key ON public.invitations USING btree (token_hash)
INDEX CREATE UNIQUE INDEX kudos_one_per_target ON public.kudos USING btree (author_id, target_type, target_id)
INDEX CREATE UNIQUE INDEX kudos_pkey ON public.kudos USING btree (id)
INDEX CREATE UNIQUE INDEX link_preview_rules_pkey ON public.link_preview_rules USING btree (host)
INDEX CREATE UNIQUE INDEX link_preview_uses_pkey ON public.link_preview_uses USING btree (item_type, item_id, preview_id)
INDEX CREATE UNIQUE INDEX link_previews_pkey ON public.link_previews USING btree (id)
INDEX CREATE UNIQUE INDEX link_previews_url_key ON public.link_previews USING btree (url)
INDEX CREATE UNIQUE INDEX login_challenges_pkey ON public.login_challenges USING btree (token_hash)
INDEX CREATE UNIQUE INDEX mentoring_offers_pkey ON public.mentoring_offers USING btree (user_id, topic)
INDEX CREATE UNIQUE INDEX mentoring_profiles_pkey ON public.mentoring_profiles USING btree (user_id)
INDEX CREATE UNIQUE INDEX mentoring_requests_one_open_idx ON public.mentoring_requests USING btree (mentee_id, topic) WHERE (status = ANY (ARRAY['waiting'::text, 'paired'::text]))
INDEX CREATE UNIQUE INDEX mentoring_requests_pkey ON public.mentoring_requests USING btree (id)
INDEX CREATE UNIQUE INDEX moderation_cases_one_open_idx ON public.moderation_cases USING btree (target_type, target_id) WHERE (status = 'open'::text)
INDEX CREATE UNIQUE INDEX moderation_cases_pkey ON public.moderation_cases USING btree (id)
INDEX CREATE UNIQUE INDEX moderation_settings_pkey ON public.moderation_settings USING btree (id)
INDEX CREATE UNIQUE INDEX notification_mutes_pkey ON public.notification_mutes USING btree (user_id, subject_type, subject_id)
INDEX CREATE UNIQUE INDEX notification_preferences_pkey ON public.notification_preferences USING btree (user_id, kind)
INDEX CREATE UNIQUE INDEX notifications_open_group_idx ON public.notifications USING btree (recipient_id, group_key) WHERE ((read_at IS NULL) AND (group_key IS NOT NULL))
INDEX CREATE UNIQUE INDEX notifications_pkey ON public.notifications USING btree (id)
INDEX CREATE UNIQUE INDEX notifications_source_unique ON public.notifications USING btree (recipient_id, source_event_id, kind)
INDEX CREATE UNIQUE INDEX outbox_pkey ON public.outbox USING btree (id)
INDEX CREATE UNIQUE INDEX outbox_retention_pkey ON public.outbox_retention USING btree (singleton)
INDEX CREATE UNIQUE INDEX outbox_seq_unique ON public.outbox USING btree (seq)
INDEX CREATE UNIQUE INDEX people_imports_one_running_idx ON public.people_imports USING btree ((true)) WHERE (status = ANY (ARRAY['queued'::text, 'applying'::text]))
INDEX CREATE UNIQUE INDEX people_imports_pkey ON public.people_imports USING btree (id)
INDEX CREATE UNIQUE INDEX personal_data_exports_one_running_idx ON public.personal_data_exports USING btree (user_id) WHERE (status = ANY (ARRAY['queued'::text, 'running'::text]))
INDEX CREATE UNIQUE INDEX personal_data_exports_pkey ON public.personal_data_exports USING btree (id)
INDEX CREATE UNIQUE INDEX post_comment_revisions_pkey ON public.post_comment_revisions USING btree (id)
INDEX CREATE UNIQUE INDEX post_comments_pkey ON public.post_comments USING btree (id)
INDEX CREATE UNIQUE INDEX post_hashtags_pkey ON public.post_hashtags USING btree (post_id, tag)
INDEX CREATE UNIQUE INDEX post_mentions_pkey ON public.post_mentions USING btree (post_id, user_id)
INDEX CREATE UNIQUE INDEX post_poll_options_pkey ON public.post_poll_options USING btree (id)
INDEX CREATE UNIQUE INDEX post_poll_options_poll_id_key ON public.post_poll_options USING btree (poll_id, id)
INDEX CREATE UNIQUE INDEX post_poll_options_position_key ON public.post_poll_options USING btree (poll_id, "position")
INDEX CREATE UNIQUE INDEX post_poll_votes_pkey ON public.post_poll_votes USING btree (poll_id, user_id, option_id)
INDEX CREATE UNIQUE INDEX post_poll_votes_single_key ON public.post_poll_votes USING btree (poll_id, user_id) WHERE (NOT multiple)
INDEX CREATE UNIQUE INDEX post_polls_id_multiple_key ON public.post_polls USING btree (id, multiple)
INDEX CREATE UNIQUE INDEX post_polls_pkey ON public.post_polls USING btree (id)
INDEX CREATE UNIQUE INDEX post_polls_post_key ON public.post_polls USING btree (post_id)
INDEX CREATE UNIQUE INDEX post_reactions_pkey ON public.post_reactions USING btree (post_id, user_id, kind)
INDEX CREATE UNIQUE INDEX posts_pkey ON public.posts USING btree (id)
INDEX CREATE UNIQUE INDEX profiles_pkey ON public.profiles USING btree (user_id)
INDEX CREATE UNIQUE INDEX push_settings_pkey ON public.push_settings USING btree (user_id)
INDEX CREATE UNIQUE INDEX push_subscriptions_endpoint_key ON public.push_subscriptions USING btree (endpoint)
INDEX CREATE UNIQUE INDEX push_subscriptions_pkey ON public.push_subscriptions USING btree (id)
INDEX CREATE UNIQUE INDEX push_vapid_keys_pkey ON public.push_vapid_keys USING btree (id)
INDEX CREATE UNIQUE INDEX question_revisions_pkey ON public.question_revisions USING btree (id)
INDEX CREATE UNIQUE INDEX question_routes_pkey ON public.question_routes USING btree (question_id, user_id)
INDEX CREATE UNIQUE INDEX questions_pkey ON public.questions USING btree (id)
INDEX CREATE UNIQUE INDEX rate_limit_windows_pkey ON public.rate_limit_windows USING btree (key)
INDEX CREATE UNIQUE INDEX recognition_facts_pkey ON public.recognition_facts USING btree (kind, subject_id)
INDEX CREATE UNIQUE INDEX recognition_out_of_sight_pkey ON public.recognition_out_of_sight USING btree (content_type, content_id)
INDEX CREATE UNIQUE INDEX recognition_settings_pkey ON public.recognition_settings USING btree (user_id)
INDEX CREATE UNIQUE INDEX refresh_tokens_hash_unique ON public.refresh_tokens USING btree (token_hash)
INDEX CREATE UNIQUE INDEX refresh_tokens_pkey ON public.refresh_tokens USING btree (id)
INDEX CREATE UNIQUE INDEX reports_one_per_reporter ON public.reports USING btree (target_type, target_id, reporter_id)
INDEX CREATE UNIQUE INDEX reports_pkey ON public.reports USING btree (id)
INDEX CREATE UNIQUE INDEX saml_assertions_pkey ON public.saml_assertions USING btree (issuer, assertion_id)
INDEX CREATE UNIQUE INDEX saml_requests_pkey ON public.saml_requests USING btree (id)
INDEX CREATE UNIQUE INDEX scim_groups_external_id_unique ON public.scim_groups USING btree (external_id)
INDEX CREATE UNIQUE INDEX scim_groups_pkey ON public.scim_groups USING btree (group_id)
INDEX CREATE UNIQUE INDEX sessions_pkey ON public.sessions USING btree (id)
INDEX CREATE UNIQUE INDEX skill_endorsements_pkey ON public.skill_endorsements USING btree (user_id, skill, endorser_id)
INDEX CREATE UNIQUE INDEX skill_synonyms_pkey ON public.skill_synonyms USING btree (alias_key)
INDEX CREATE UNIQUE INDEX sso_handoffs_pkey ON public.sso_handoffs USING btree (code_hash)
INDEX CREATE UNIQUE INDEX topic_follows_pkey ON public.topic_follows USING btree (user_id, topic)
INDEX CREATE UNIQUE INDEX topic_helpers_pkey ON public.topic_helpers USING btree (user_id, topic)
INDEX CREATE UNIQUE INDEX totp_credentials_pkey ON public.totp_credentials USING btree (user_id)
INDEX CREATE UNIQUE INDEX totp_recovery_codes_pkey ON public.totp_recovery_codes USING btree (id)
INDEX CREATE UNIQUE INDEX training_enrollments_pkey ON public.training_enrollments USING btree (path_id, user_id)
INDEX CREATE UNIQUE INDEX training_first_runs_pkey ON public.training_first_runs USING btree (user_id)
INDEX CREATE UNIQUE INDEX training_paths_pkey ON public.training_paths USING btree (id)
INDEX CREATE UNIQUE INDEX training_step_completions_pkey ON public.training_step_completions USING btree (step_id, user_id)
INDEX CREATE UNIQUE INDEX training_steps_path_position_key ON public.training_steps USING btree (path_id, "position")
INDEX CREATE UNIQUE INDEX training_steps_pkey ON public.training_steps USING btree (id)
INDEX CREATE UNIQUE INDEX user_skills_pkey ON public.user_skills USING btree (user_id, skill)
INDEX CREATE UNIQUE INDEX user_skills_position_unique ON public.user_skills USING btree (user_id, "position")
INDEX CREATE UNIQUE INDEX users_email_unique ON public.users USING btree (email)
INDEX CREATE UNIQUE INDEX users_external_id_unique ON public.users USING btree (external_id)
INDEX CREATE UNIQUE INDEX users_handle_unique ON public.users USING btree (handle)
INDEX CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)

-- views (0)

-- sequences (4)
SEQUENCE public.email_messages_id_seq
SEQUENCE public.event_dead_letters_id_seq
SEQUENCE public.migrations_id_seq
SEQUENCE public.outbox_id_seq

-- functions (4)
FUNCTION CREATE OR REPLACE FUNCTION public.audit_log_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $function$
FUNCTION CREATE OR REPLACE FUNCTION public.refuse_stale_write(ok boolean, what text)
 RETURNS boolean
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF ok THEN RETURN true; END IF;
        RAISE EXCEPTION '% changed since this transaction read it', what USING ERRCODE = 'serialization_failure';
      END
      $function$
FUNCTION CREATE OR REPLACE FUNCTION public.ruche_fold(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $function$
FUNCTION CREATE OR REPLACE FUNCTION public.search_rare_branch_limit(window_matches bigint, rare integer, candidates integer)
 RETURNS integer
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$ BEGIN RETURN CASE WHEN window_matches < rare THEN candidates ELSE 0 END; END $function$

-- triggers (2)
TRIGGER CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()
TRIGGER CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()
