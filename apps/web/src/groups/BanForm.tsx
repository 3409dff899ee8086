import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { groupsApi } from '../api/endpoints';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { Field } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import { refreshGroup } from './cache';
import styles from './BanForm.module.css';

/** The end of the chosen day, local time, as the api's ISO-8601 instant. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

/** Bans someone from the group (their membership ends): a reason, and an end date or none. */
export function BanForm({ groupId, user, onDone }: { groupId: string; user: UserSummary; onDone(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const labels = { reason: t('ban.reason'), until: t('ban.until') };
  const { errors, form, field, submitTo, fail, required } = useFormErrors(labels);
  useEffect(() => form.current?.querySelector<HTMLElement>('textarea')?.focus(), [form]);

  const ban = useMutation({
    mutationFn: () => groupsApi.ban(groupId, { userId: user.id, reason, ...(until ? { until: endOfDay(until) } : {}) }),
    onSuccess: () => {
      announce(t('ban.done', { name: user.displayName }));
      refreshGroup(qc, groupId);
      onDone();
    },
    onError: fail,
  });

  const submit = submitTo(ban, () => required({ reason }));

  const today = new Date().toISOString().slice(0, 10);
  return (
    <form
      ref={form}
      className={`${styles.form} stack`}
      onSubmit={submit}
      noValidate
      aria-label={t('ban.title', { name: user.displayName })}
    >
      <p className={styles.title}>{t('ban.title', { name: user.displayName })}</p>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field multiline {...field('reason', reason, setReason)} rows={2} maxLength={1000} />
      <Field type="date" {...field('until', until, setUntil)} hint={t('ban.untilHint')} min={today} />
      <SubmitRow className="btn btn--danger" busy={ban.isPending} onCancel={onDone}>
        {t('ban.submit')}
      </SubmitRow>
    </form>
  );
}
