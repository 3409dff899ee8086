import { ApiError, NetworkError } from '../api/errors';
import type { I18n } from '../i18n/I18nProvider';

/** A sentence for a failed call, in the UI language. */
export function errorText(error: unknown, i18n: I18n): string {
  if (error instanceof NetworkError) return i18n.t('error.network');
  if (error instanceof ApiError) {
    if (error.status === 404) return i18n.t('error.notFound');
    if (error.status === 429) return i18n.t('auth.error.rateLimited');
    if (error.status >= 400 && error.status < 500 && error.status !== 401 && error.messages.length) {
      return error.messages.map((m) => i18n.serverMessage(m)).join(' ');
    }
  }
  return i18n.t('error.generic');
}
