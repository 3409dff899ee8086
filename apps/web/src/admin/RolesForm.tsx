import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { adminApi, moderationApi } from '../api/endpoints';
import type { Role, UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { FormError, Loading } from '../ui/bits';
import { errorText } from '../ui/errors';
import { SubmitButton } from '../ui/SubmitButton';

const GRANTABLE = ['innovation', 'moderator', 'admin'] as const satisfies Role[];

/**
 * The person's roles as last recorded (the audit log keeps every change; nobody changed them:
 * employee only), as checkboxes. Saving replaces them all.
 */
export function RolesForm({ user }: { user: UserSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const last = useQuery({
    queryKey: ['moderation', 'audit', 'roles', user.id],
    queryFn: () => moderationApi.audit({ action: 'user.roles_changed', targetId: user.id, limit: 1 }, null),
  });
  const recorded = (last.data?.items[0]?.details.roles as Role[] | undefined) ?? ['employee'];
  // Unsaved choices are kept with the person they were made for: choosing someone else shows
  // that person's recorded roles, with no effect resetting state after a first wrong render.
  const [edited, setEdited] = useState<{ userId: string; roles: Role[] } | null>(null);
  const setRoles = (roles: Role[]) => setEdited({ userId: user.id, roles });
  const [error, setError] = useState<string | null>(null);
  const current = edited?.userId === user.id ? edited.roles : recorded;

  const save = useMutation({
    mutationFn: () => adminApi.setRoles(user.id, ['employee', ...current.filter((r) => r !== 'employee')]),
    onSuccess: (account) => {
      setRoles(account.roles);
      setError(null);
    },
    onError: (err) => setError(errorText(err, i18n)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  }

  if (last.isPending) return <Loading />;
  return (
    <form className="stack" onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <fieldset className="field">
        <legend className="field__label" id={`${id}-legend`}>
          {t('admin.rolesOf', { name: user.displayName })}
        </legend>
        <p className="field__hint">{t('admin.rolesHint')}</p>
        {GRANTABLE.map((role) => (
          <label key={role} className="radio-group__option">
            <input
              type="checkbox"
              checked={current.includes(role)}
              onChange={(event) => {
                save.reset();
                setRoles(event.target.checked ? [...current, role] : current.filter((r) => r !== role));
              }}
            />
            <span>
              <span className="radio-group__label">{t(`role.${role}`)}</span>
              <span className="radio-group__hint">{t(`role.${role}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FormError>{error}</FormError>
      <div className="row row--end">
        {save.isSuccess && (
          <p className="muted" role="status">
            {t('admin.rolesSaved', { name: user.displayName })}
          </p>
        )}
        <SubmitButton busy={save.isPending} busyLabel={t('common.saving')}>
          {t('admin.saveRoles')}
        </SubmitButton>
      </div>
    </form>
  );
}
