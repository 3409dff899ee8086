import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { skillSynonymsApi } from '../api/endpoints';
import type { SkillSynonym } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from '../ui/ActionError';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, FormError, Loading } from '../ui/bits';
import { DataTable } from '../ui/DataTable';
import { Field } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import styles from './SkillSynonymsAdmin.module.css';

const synonymsKey = ['admin', 'skill-synonyms'] as const;

/**
 * The api replaces the whole table at once (PUT), so adding or removing one entry sends the
 * current table with that change; the api normalises and validates it (400 leaves it unchanged).
 */
function useSaveSynonyms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (next: SkillSynonym[]) => skillSynonymsApi.replace(next),
    onSuccess: (saved) => qc.setQueryData(synonymsKey, saved),
  });
}

function AddSynonymForm({ current }: { current: SkillSynonym[] }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [alias, setAlias] = useState('');
  const [canonical, setCanonical] = useState('');
  const labels = { alias: t('synonyms.alias'), canonical: t('synonyms.canonical') };
  const { errors, form, field, fail, required, refuse } = useFormErrors(labels);
  const save = useSaveSynonyms();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    if (refuse(required({ alias, canonical }))) return;
    const entry = { alias: alias.trim(), canonical: canonical.trim() };
    save.mutate([...current, entry], {
      onSuccess: () => {
        setAlias('');
        setCanonical('');
        announce(t('synonyms.added', entry));
      },
      // What was typed stays; the api's reason is shown ("… is the same skill as …").
      onError: fail,
    });
  }

  return (
    <form ref={form} className="stack" onSubmit={submit} noValidate aria-label={t('synonyms.add')}>
      <FormError>{errors._form?.join(' ')}</FormError>
      <div className="grid-2">
        <Field {...field('alias', alias, setAlias)} hint={t('synonyms.aliasHint')} maxLength={60} autoComplete="off" />
        <Field
          {...field('canonical', canonical, setCanonical)}
          hint={t('synonyms.canonicalHint')}
          maxLength={60}
          autoComplete="off"
        />
      </div>
      <SubmitRow busy={save.isPending} busyLabel={t('common.saving')}>
        {t('synonyms.add')}
      </SubmitRow>
    </form>
  );
}

function SynonymTable({ items }: { items: SkillSynonym[] }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const save = useSaveSynonyms();
  if (items.length === 0) return <p className="muted">{t('synonyms.empty')}</p>;
  return (
    <>
      <ActionError error={save.error} />
      <DataTable
        caption={t('synonyms.list')}
        columns={[t('synonyms.alias'), t('synonyms.canonical'), { label: t('synonyms.remove'), hidden: true }]}
        className={styles.table}
      >
        {items.map((entry) => (
          <tr key={entry.alias}>
            <td>{entry.alias}</td>
            <td>{entry.canonical}</td>
            <td>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                aria-label={t('synonyms.removeLabel', { alias: entry.alias, canonical: entry.canonical })}
                disabled={save.isPending}
                onClick={() =>
                  save.mutate(
                    items.filter((other) => other.alias !== entry.alias),
                    { onSuccess: () => announce(t('synonyms.removed')) },
                  )
                }
              >
                {t('synonyms.remove')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** Admin: the skill synonym table ("k8s" = "kubernetes") that expertise, questions and mentoring use. */
export function SkillSynonymsAdmin() {
  const { t } = useI18n();
  const synonyms = useQuery({ queryKey: synonymsKey, queryFn: skillSynonymsApi.list });
  return (
    <div className="card stack">
      <p className="muted">{t('synonyms.intro')}</p>
      {synonyms.isPending ? (
        <Loading />
      ) : synonyms.isError ? (
        <ErrorBlock error={synonyms.error} onRetry={() => void synonyms.refetch()} />
      ) : (
        <>
          <AddSynonymForm current={synonyms.data.items} />
          <SynonymTable items={synonyms.data.items} />
        </>
      )}
    </div>
  );
}
