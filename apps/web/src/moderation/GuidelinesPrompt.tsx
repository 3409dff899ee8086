import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { guidelinesApi } from '../api/endpoints';
import { isApiError } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { errorText } from '../ui/errors';
import { InlineError } from '../ui/InlineError';
import styles from './GuidelinesPrompt.module.css';

export const guidelinesKey = ['guidelines'] as const;

/** The company guidelines and whether I must accept them before writing. */
export function useGuidelines() {
  return useQuery({ queryKey: guidelinesKey, queryFn: guidelinesApi.get, staleTime: 5 * 60_000 });
}

/** A 403 from the api because the current guidelines are not accepted yet. */
export function isGuidelinesError(error: unknown): boolean {
  return isApiError(error, 403) && error.code === 'guidelines_not_accepted';
}

/** Shown above a composer while I must accept the company guidelines: read them, then "I accept". */
export function GuidelinesPrompt() {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const headingId = useId();
  const guidelines = useGuidelines();
  const [error, setError] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: (version: number) => guidelinesApi.accept(version),
    onSuccess: () => {
      announce(t('guidelines.accepted'));
      void qc.invalidateQueries({ queryKey: guidelinesKey });
    },
    onError: (err) => {
      setError(errorText(err, i18n));
      void qc.invalidateQueries({ queryKey: guidelinesKey });
    },
  });
  const data = guidelines.data;
  if (!data?.mustAccept || data.version === null) return null;
  return (
    <section className={`card ${styles.prompt}`} aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('guidelines.title')}
      </h2>
      <p className="muted">{t('guidelines.mustAccept')}</p>
      <div className={`${styles.text} rich-text`} tabIndex={0} aria-label={t('guidelines.title')}>
        {data.body}
      </div>
      <InlineError>{error}</InlineError>
      <div className="row row--end">
        <button
          type="button"
          className="btn btn--primary"
          disabled={accept.isPending}
          onClick={() => accept.mutate(data.version!)}
        >
          {accept.isPending ? t('common.saving') : t('guidelines.accept')}
        </button>
      </div>
    </section>
  );
}
