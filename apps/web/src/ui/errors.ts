import { ApiError, NetworkError } from '../api/errors';
import type { I18n } from '../i18n/I18nProvider';

/** A sentence for a failed call, in the UI language. */
export function errorText(error: unknown, i18n: I18n): string {
  if (error instanceof NetworkError) return i18n.t('error.network');
  if (error instanceof ApiError) {
    if (error.status === 404) return i18n.t('error.notFound');
    if (error.status === 429) return i18n.t('auth.error.rateLimited');
    if (error.status === 403 && error.messages.some((m) => m.startsWith('guidelines_not_accepted'))) {
      return i18n.t('guidelines.mustAcceptError');
    }
    if (error.status >= 400 && error.status < 500 && error.status !== 401 && error.messages.length) {
      return error.messages.map((m) => i18n.serverMessage(m)).join(' ');
    }
  }
  return i18n.t('error.generic');
}

/**
 * A failed form submission as messages per field (the api's 400 list, each led by the field's
 * label) or, for anything else, one message under `_form`.
 */
export function formErrors(error: unknown, i18n: I18n, labels: Record<string, string>): Record<string, string[]> {
  if (error instanceof ApiError && error.status === 400) {
    const out: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(error.fieldErrors(Object.keys(labels)))) {
      out[field] = messages.map((m) => i18n.serverMessage(m, field === '_form' ? undefined : labels[field]));
    }
    return out;
  }
  return { _form: [errorText(error, i18n)] };
}

/** Puts the keyboard on the first field marked invalid, once it is rendered. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
