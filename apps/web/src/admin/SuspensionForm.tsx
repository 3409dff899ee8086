import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi, moderationApi } from '../api/endpoints';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { Field } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';

/** Suspend (cannot sign in any more) or reinstate an account, with a reason for the audit log. */
export function SuspensionForm({ user }: { user: UserSummary }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const history = useQuery({
    queryKey: ['moderation', 'audit', 'status', user.id],
    queryFn: () => moderationApi.audit({ targetId: user.id, limit: 20 }, null),
  });
  const lastChange = history.data?.items.find((e) => e.action === 'user.suspended' || e.action === 'user.reinstated');
  const [suspended, setSuspended] = useState<boolean | null>(null);
  const isSuspended = suspended ?? lastChange?.action === 'user.suspended';
  const [reason, setReason] = useState('');
  const labels = { reason: t('admin.suspendReason') };
  const { errors, form, field, submitTo, fail, required, clear } = useFormErrors(labels);

  const save = useMutation({
    mutationFn: () => adminApi.setSuspension(user.id, { suspended: !isSuspended, reason }),
    onSuccess: (account) => {
      const now = account.status === 'suspended';
      setSuspended(now);
      setReason('');
      clear();
      announce(t(now ? 'admin.suspended' : 'admin.reinstated', { name: user.displayName }));
    },
    onError: fail,
  });

  const submit = submitTo(save, () => required({ reason }));

  return (
    <form ref={form} className="stack" onSubmit={submit} noValidate aria-label={t('admin.suspension')}>
      <p>
        <strong>{t('admin.suspension')}</strong>{' '}
        <span className={isSuspended ? 'badge badge--danger' : 'badge badge--ok'}>
          {isSuspended ? t('admin.statusSuspended') : t('admin.statusActive')}
        </span>
      </p>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field multiline {...field('reason', reason, setReason)} hint={t('admin.suspendHint')} rows={2} maxLength={1000} />
      <SubmitRow className={isSuspended ? 'btn btn--primary' : 'btn btn--danger'} busy={save.isPending}>
        {isSuspended ? t('admin.reinstate') : t('admin.suspend')}
      </SubmitRow>
    </form>
  );
}
