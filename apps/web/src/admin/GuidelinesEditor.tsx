import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { guidelinesApi } from '../api/endpoints';
import type { Guidelines } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { guidelinesKey, useGuidelines } from '../moderation/GuidelinesPrompt';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, FormError, Loading, RelativeTime } from '../ui/bits';
import { Field } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';

function Editor({ current }: { current: Guidelines }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [body, setBody] = useState(current.body);
  const labels = { body: t('guidelines.body') };
  const { errors, form, field, submitTo, fail, required, clear } = useFormErrors(labels);
  const publish = useMutation({
    mutationFn: () => guidelinesApi.publish(body),
    onSuccess: (saved) => {
      qc.setQueryData(guidelinesKey, saved);
      clear();
      announce(t('guidelines.published', { version: saved.version ?? 1 }));
    },
    onError: fail,
  });

  const submit = submitTo(publish, () => required({ body }));

  return (
    <form ref={form} className="card stack" onSubmit={submit} noValidate aria-label={t('manage.guidelines')}>
      <p className="muted">
        {current.version === null ? (
          t('guidelines.none')
        ) : (
          <>
            {t('guidelines.version', { version: current.version })}
            {current.publishedAt && (
              <>
                {' · '}
                <RelativeTime iso={current.publishedAt} />
              </>
            )}
          </>
        )}
      </p>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field multiline {...field('body', body, setBody)} hint={t('guidelines.bodyHint')} rows={10} maxLength={50_000} />
      <SubmitRow busy={publish.isPending} busyLabel={t('common.saving')} disabled={body === current.body}>
        {t('guidelines.publish')}
      </SubmitRow>
    </form>
  );
}

/** Publish the company guidelines (admins): everyone accepts the new version before writing again. */
export function GuidelinesEditor() {
  const guidelines = useGuidelines();
  if (guidelines.isPending) return <Loading />;
  if (guidelines.isError) return <ErrorBlock error={guidelines.error} onRetry={() => void guidelines.refetch()} />;
  return <Editor current={guidelines.data} />;
}
