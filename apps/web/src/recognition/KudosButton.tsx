import { useId, useState, type FormEvent } from 'react';
import { recognitionApi } from '../api/endpoints';
import { ApiError } from '../api/errors';
import type { Kudos } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from '../ui/errors';
import { InlineError } from '../ui/InlineError';
import { CancelButton } from '../ui/SubmitButton';

const MESSAGE_MAX = 280;

/**
 * Thank someone for a specific answer, idea review or post (#17): a short plain-text message,
 * shown on both profiles. One per thing: once sent (or sent before: 409), it says so.
 */
export function KudosButton({ targetType, targetId, name }: { targetType: Kudos['targetType']; targetId: string; name: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const inputId = useId();
  const [state, setState] = useState<'closed' | 'open' | 'sending' | 'sent'>('closed');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (state === 'sent') return <span className="muted">{t('kudos.sent', { name })}</span>;
  if (state === 'closed')
    return (
      <button type="button" className="btn btn--ghost btn--small" onClick={() => setState('open')}>
        {t('kudos.action', { name })}
      </button>
    );

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!message.trim()) return setError(t('kudos.empty'));
    setState('sending');
    setError(null);
    try {
      await recognitionApi.give({ targetType, targetId, message: message.trim() });
      setState('sent');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return setState('sent');
      setError(errorText(err, i18n));
      setState('open');
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void send(e)} aria-label={t('kudos.action', { name })}>
      <label htmlFor={inputId}>{t('kudos.message')}</label>
      <input id={inputId} value={message} maxLength={MESSAGE_MAX} onChange={(e) => setMessage(e.target.value)} autoFocus />
      <div className="row">
        <button type="submit" className="btn btn--primary btn--small" disabled={state === 'sending'}>
          {t('kudos.send')}
        </button>
        <CancelButton onClick={() => setState('closed')} className="btn btn--ghost btn--small" />
      </div>
      <InlineError>{error}</InlineError>
    </form>
  );
}
