import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { guidelinesApi } from '../api/endpoints';
import type { Guidelines } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { guidelinesKey, useGuidelines } from '../moderation/GuidelinesPrompt';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, FormError, Loading, RelativeTime } from '../ui/bits';
import { formErrors } from '../ui/errors';
import { Field } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';

function Editor({ current }: { current: Guidelines }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [body, setBody] = useState(current.body);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const labels = { body: t('guidelines.body') };
  const publish = useMutation({
    mutationFn: () => guidelinesApi.publish(body),
    onSuccess: (saved) => {
      qc.setQueryData(guidelinesKey, saved);
      setErrors({});
      announce(t('guidelines.published', { version: saved.version ?? 1 }));
    },
    onError: (error) => setErrors(formErrors(error, i18n, labels)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (publish.isPending) return;
    if (!body.trim()) return setErrors({ body: [t('form.required', { field: labels.body })] });
    publish.mutate();
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={t('manage.guidelines')}>
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
      <Field
        multiline
        label={labels.body}
        hint={t('guidelines.bodyHint')}
        value={body}
        onValueChange={setBody}
        errors={errors.body}
        rows={10}
        maxLength={50_000}
      />
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
