import { useI18n } from '../i18n/I18nProvider';
import { errorText } from './errors';
import { InlineError } from './InlineError';

/**
 * Why an action on the page failed (a mutation's `error`), in the reader's language and announced
 * when it appears; nothing while there is none.
 */
export function ActionError({ error }: { error: unknown }) {
  const i18n = useI18n();
  return <InlineError>{error ? errorText(error, i18n) : null}</InlineError>;
}
