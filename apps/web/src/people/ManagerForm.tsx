import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type OrgChart, type OrgPerson, orgApi } from '../api/org';
import type { UserSummary } from '../api/types';
import { keys } from '../feed/cache';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from '../ui/ActionError';
import { PersonPicker } from './PersonPicker';

/**
 * Admins set or clear a person's manager from their org chart. The api refuses a manager who is
 * below the person (409 `manager_cycle`), worded here in the reader's language.
 */
export function ManagerForm({ person, manager }: { person: OrgPerson; manager: OrgPerson | null }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [picked, setPicked] = useState<UserSummary[]>(manager ? [manager] : []);
  const save = useMutation({
    mutationFn: () => orgApi.setManager(person.id, picked[0]?.id ?? null),
    onSuccess: (chart: OrgChart) => {
      qc.setQueryData(['org', 'chart', person.id], chart);
      void qc.invalidateQueries({ queryKey: ['org'] });
      void qc.invalidateQueries({ queryKey: keys.profile(person.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit} aria-label={t('org.setManager')}>
      <PersonPicker
        label={t('org.manager')}
        hint={t('org.managerHint')}
        value={picked}
        onChange={(next) => setPicked(next.slice(-1).filter((p) => p.id !== person.id))}
      />
      <button type="submit" className="btn btn--primary" disabled={save.isPending}>
        {t('org.saveManager')}
      </button>
      <ActionError error={save.error} />
      {save.isSuccess && <p className="muted">{t('org.managerSaved')}</p>}
    </form>
  );
}
