/**
 * What an error answer from the api carries, shared with the web app so it words every refusal
 * in the reader's language from `code` (and `errors` for a form's fields) instead of parsing the
 * English `message`, which stays for logs, scripts and people reading the raw answer.
 */
export const API_ERROR_CODES = [
  // The kind of refusal, sent when no finer reason is named.
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  /** A body or query that failed validation: `errors` says which fields and why. */
  'validation_failed',
  // Refusals a person meets in the web app, named by the service that refuses.
  'wrong_credentials',
  'email_taken',
  'account_suspended',
  'guidelines_not_accepted',
  'cannot_follow_self',
  'cannot_endorse_own_skill',
  // Sign-in, sign-up and passwords (#15, libs/identity).
  'password_breached',
  'wrong_password',
  'password_login_disabled',
  'signup_closed',
  'signup_domain_not_allowed',
  'invitation_invalid',
  'sso_not_configured',
  'sso_failed',
  'sso_domain_not_allowed',
  'sso_email_unverified',
  'sso_code_invalid',
  'login_throttled',
  // Two-factor, email verification and password reset (#15, libs/identity).
  'totp_required',
  'totp_invalid',
  'totp_not_enabled',
  'totp_already_enabled',
  'totp_not_applicable',
  'challenge_invalid',
  'email_unverified',
  'email_already_verified',
  'verification_unavailable',
  'token_invalid',
  'password_reset_unavailable',
  // The org directory (#15, libs/people): a manager change that would make someone their own indirect manager; an import while another applies.
  'manager_cycle',
  'import_running',
  'import_not_pending',
  'csv_invalid',
  // Files (uploads and attachments).
  'file_missing',
  'file_too_large',
  'file_quota_exceeded',
  'file_type_not_allowed',
  'file_unreadable',
  'file_infected',
  'file_not_attachable',
  // Avatars (#16): a photo must be a PNG, JPEG or WebP image.
  'avatar_not_image',
  // Polls in posts (#14, libs/feed).
  'poll_closed',
  // Web Push (#16, libs/push): a subscription endpoint that is not at a known push service.
  'push_endpoint_not_allowed',
  // Input PostgreSQL refused (the SQLSTATE's condition name; constraint names stay inside).
  'unique_violation',
  'exclusion_violation',
  'foreign_key_violation',
  'check_violation',
  'not_null_violation',
  'character_not_in_repertoire',
  'untranslatable_character',
  'string_data_right_truncation',
  'numeric_value_out_of_range',
  'invalid_text_representation',
  'invalid_datetime_format',
  'datetime_field_overflow',
  'program_limit_exceeded',
  'data_exception',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Why a field was refused: class-validator's constraint name (`minLength`, `isEmail`, ...), or the
 * name platform's validators give their own checks (`isUuid`, `noNul`, `visibleText`, ...).
 * Open-ended: a client words the ones it knows and falls back on a general sentence.
 */
export interface FieldProblem {
  /** The property path as sent: `password`, `milestones.0.title`. */
  field: string;
  constraint: string;
  /** The constraint's bounds, named: `{ min: 10 }`, `{ max: 280 }`. */
  args?: Record<string, string | number>;
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: ApiErrorCode;
  /** With `validation_failed`: one entry per field and broken constraint. */
  errors?: FieldProblem[];
  /** The request's id, also in its X-Request-Id response header: what to quote in a report. */
  requestId?: string;
}
