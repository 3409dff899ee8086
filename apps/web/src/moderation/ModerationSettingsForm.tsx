import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { moderationApi } from '../api/endpoints';
import type { ModerationSettings } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, FormError, Loading } from '../ui/bits';
import { CountField } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';
import { TagsEditor } from '../ui/TagsEditor';
import { useFormErrors } from '../ui/useFormErrors';

const settingsKey = ['moderation', 'settings'] as const;

function SettingsForm({ settings }: { settings: ModerationSettings }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [threshold, setThreshold] = useState(String(settings.autoHideThreshold));
  const [terms, setTerms] = useState(settings.blockedTerms);
  const labels = { autoHideThreshold: t('modSettings.threshold'), blockedTerms: t('modSettings.terms') };
  const { errors, form, field, submitTo, fail, clear } = useFormErrors(labels);

  const save = useMutation({
    mutationFn: () => moderationApi.updateSettings({ autoHideThreshold: Number(threshold), blockedTerms: terms }),
    onSuccess: (saved) => {
      qc.setQueryData(settingsKey, saved);
      clear();
      announce(t('modSettings.saved'));
    },
    onError: fail,
  });

  const submit = submitTo(save, (): Record<string, string[]> => {
    const n = Number(threshold);
    return Number.isInteger(n) && n >= 1 && n <= 1000 ? {} : { autoHideThreshold: [t('modSettings.thresholdInvalid')] };
  });

  return (
    <form ref={form} className="card stack" onSubmit={submit} noValidate aria-label={t('manage.settings')}>
      <FormError>{errors._form?.join(' ')}</FormError>
      <CountField
        min={1}
        max={1000}
        {...field('autoHideThreshold', threshold, setThreshold)}
        hint={t('modSettings.thresholdHint')}
      />
      <TagsEditor
        label={labels.blockedTerms}
        hint={t('modSettings.termsHint')}
        addLabel={t('modSettings.addTerm')}
        removeLabel={(name) => t('modSettings.removeTerm', { name })}
        value={terms}
        onChange={setTerms}
        errors={errors.blockedTerms}
        maxLength={100}
      />
      <SubmitRow busy={save.isPending} busyLabel={t('common.saving')}>
        {t('common.save')}
      </SubmitRow>
    </form>
  );
}

/** Auto-hide threshold and blocked terms (moderators and admins). */
export function ModerationSettingsForm() {
  const settings = useQuery({ queryKey: settingsKey, queryFn: moderationApi.settings });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorBlock error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm settings={settings.data} />;
}
