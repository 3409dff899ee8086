import type { ApiErrorCode, FieldProblem } from '@ruche/contracts';
import { ApiError, NetworkError } from '../api/errors';
import type { I18n } from '../i18n/I18nProvider';
import { en, type MessageKey } from '../i18n/messages';

/** The language the api writes its `message`s in. */
const SERVER_LANGUAGE = 'en';

/** Codes that say only what kind of refusal it was, not which. */
const KINDS: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>([
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'validation_failed',
]);

/** Refusals that belong under one field of a form rather than above it. */
const FIELD_OF_CODE: Partial<Record<string, string>> = { email_taken: 'email' };

/** What the api says of one refused field, led by the field's label, in the UI language. */
export function problemText(problem: FieldProblem, i18n: I18n, label = i18n.t('api.field.defaultLabel')): string {
  const key = `api.field.${problem.constraint}`;
  const text = i18n.t(key in en ? (key as MessageKey) : 'api.field.invalid', problem.args);
  return i18n.t('api.field.labelled', { label, text });
}

/**
 * A sentence for a failed call, in the UI language: the api's `code` when it names the refusal;
 * when it only gives its kind (`conflict`, `forbidden`, ...), the api's own words for a reader of
 * its language and the kind's sentence for everyone else.
 */
export function errorText(error: unknown, i18n: I18n): string {
  if (error instanceof NetworkError) return i18n.t('error.network');
  if (error instanceof ApiError) {
    if (error.problems.length) return error.problems.map((p) => problemText(p, i18n)).join(' ');
    if (error.status === 404) return i18n.t('error.notFound');
    if (error.status === 429) return i18n.t('api.error.rate_limited');
    const { code } = error;
    if (code && !KINDS.has(code)) return i18n.t(`api.error.${code}`);
    if (error.status >= 400 && error.status < 500 && error.status !== 401 && error.messages.length) {
      if (i18n.lang === SERVER_LANGUAGE) return error.messages.join(' ');
      if (code) return i18n.t(`api.error.${code}`);
    }
  }
  return i18n.t('error.generic');
}

/** A failed call as lines to show: one per refused field, or one sentence. */
export function errorLines(error: unknown, i18n: I18n): string[] {
  return error instanceof ApiError && error.problems.length
    ? error.problems.map((p) => problemText(p, i18n))
    : [errorText(error, i18n)];
}

/**
 * A failed form submission as messages per field (the api's refused fields, each led by the
 * field's label) or, for anything else, one message under `_form` (or under the field a refusal
 * is about, such as the email of an account that exists already).
 */
export function formErrors(error: unknown, i18n: I18n, labels: Record<string, string>): Record<string, string[]> {
  if (error instanceof ApiError && error.problems.length) {
    const out: Record<string, string[]> = {};
    for (const [field, problems] of Object.entries(error.fieldProblems(Object.keys(labels)))) {
      out[field] = problems.map((p) => problemText(p, i18n, field === '_form' ? undefined : labels[field]));
    }
    return out;
  }
  const field = error instanceof ApiError && error.code ? FIELD_OF_CODE[error.code] : undefined;
  return { [field && field in labels ? field : '_form']: [errorText(error, i18n)] };
}

/** Puts the keyboard on the first field marked invalid, once it is rendered. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
