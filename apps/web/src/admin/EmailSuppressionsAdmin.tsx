import { useMutation, useQueryClient } from '@tanstack/react-query';
import { emailAdminApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from '../ui/ActionError';
import { useAnnounce } from '../ui/Announcer';
import { PagedTable } from '../ui/PagedList';
import { usePages } from '../ui/usePages';
import styles from './SkillSynonymsAdmin.module.css';

const suppressionsKey = ['admin', 'email', 'suppressions'] as const;

/** Admin: addresses Ruche no longer emails (bounces, permanent refusals), newest first; lifting one sends to it again. */
export function EmailSuppressionsAdmin() {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const qc = useQueryClient();
  const { list, items } = usePages(suppressionsKey, (cursor) => emailAdminApi.suppressions(cursor ?? undefined), {
    staleTime: 0,
  });
  const lift = useMutation({
    mutationFn: (address: string) => emailAdminApi.lift(address),
    onSuccess: (_done, address) => {
      announce(t('suppressions.lifted', { address }));
      void qc.invalidateQueries({ queryKey: suppressionsKey });
    },
  });
  return (
    <div className="card stack">
      <p className="muted">{t('suppressions.intro')}</p>
      <ActionError error={lift.error} />
      <PagedTable
        list={list}
        items={items}
        empty={<p className="muted">{t('suppressions.empty')}</p>}
        caption={t('suppressions.list')}
        columns={[
          t('suppressions.address'),
          t('suppressions.reason'),
          t('suppressions.since'),
          { label: t('suppressions.lift'), hidden: true },
        ]}
        className={styles.table}
        more={t('suppressions.more')}
      >
        {(entry) => (
          <tr key={entry.address}>
            <td>{entry.address}</td>
            <td>
              {t(`suppressions.source.${entry.source}`)}: {entry.reason}
            </td>
            <td>{i18n.dateTime(entry.createdAt)}</td>
            <td>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                aria-label={t('suppressions.liftLabel', { address: entry.address })}
                disabled={lift.isPending}
                onClick={() => lift.mutate(entry.address)}
              >
                {t('suppressions.lift')}
              </button>
            </td>
          </tr>
        )}
      </PagedTable>
    </div>
  );
}
