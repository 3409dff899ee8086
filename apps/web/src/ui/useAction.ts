import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from './errors';

/**
 * A button's action with its state: `busy` while it runs (to disable the button; a run asked for
 * meanwhile is ignored), and the reason it failed, in the reader's language, until the next run.
 */
export function useAction() {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(work: () => Promise<unknown>): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e, i18n));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
