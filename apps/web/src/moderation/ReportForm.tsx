import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type Ref } from 'react';
import { moderationApi } from '../api/endpoints';
import type { ContentType } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { Field } from '../ui/Field';
import { CancelButton } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import styles from './ReportForm.module.css';

/**
 * One item's way to report: `closed` (its Report button shows), `open` (the form shows) or `done`
 * (sent). `done` is the form's `onDone`; cancelling gives the focus back to `button`.
 */
export function useReportFlow() {
  const [state, setState] = useState<'closed' | 'open' | 'done'>('closed');
  const button = useRef<HTMLButtonElement>(null);
  return {
    state,
    button,
    open: () => setState('open'),
    done: (sent: boolean) => {
      setState(sent ? 'done' : 'closed');
      if (!sent) requestAnimationFrame(() => button.current?.focus());
    },
  };
}

/** The "Report" button, named with `what` it reports for screen readers. */
export function ReportButton({
  what,
  buttonRef,
  className = 'btn btn--ghost btn--small',
  onClick,
}: {
  what: string;
  buttonRef: Ref<HTMLButtonElement>;
  className?: string;
  onClick(): void;
}) {
  const { t } = useI18n();
  return (
    <button type="button" className={className} ref={buttonRef} aria-label={t('report.of', { what })} onClick={onClick}>
      {t('report.action')}
    </button>
  );
}

/** The api's limit (libs/moderation MODERATION_LIMITS.reason). */
const MAX = 1000;

/**
 * "Report": a short reason for the moderators. `onDone(true)` once sent; what was typed stays
 * when sending fails. Escape or Cancel closes it (`onDone(false)`).
 */
export function ReportForm({
  targetType,
  targetId,
  what,
  onDone,
}: {
  targetType: ContentType;
  targetId: string;
  what: string;
  onDone(sent: boolean): void;
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [reason, setReason] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const labels = { reason: t('report.reason') };
  const { errors, form, field, submitTo, fail, required } = useFormErrors(labels);
  useEffect(() => textarea.current?.focus(), []);

  const send = useMutation({
    mutationFn: () => moderationApi.report({ targetType, targetId, reason }),
    onSuccess: () => {
      announce(t('report.sent'));
      onDone(true);
    },
    onError: fail,
  });

  const submit = submitTo(send, () => required({ reason }));

  return (
    <form
      ref={form}
      className={`${styles.form} stack`}
      onSubmit={submit}
      noValidate
      aria-label={t('report.of', { what })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(false);
      }}
    >
      <p className={styles.title}>{t('report.of', { what })}</p>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field
        multiline
        {...field('reason', reason, setReason)}
        hint={t('report.hint')}
        rows={2}
        maxLength={MAX}
        inputRef={textarea}
      />
      <div className="row row--end">
        <CancelButton onClick={() => onDone(false)} className="btn btn--ghost btn--small" />
        <button type="submit" className="btn btn--danger btn--small" disabled={send.isPending}>
          {send.isPending ? t('report.busy') : t('report.submit')}
        </button>
      </div>
    </form>
  );
}
