import { useMutation, useQueryClient } from '@tanstack/react-query';
import { groupsApi } from '../api/endpoints';
import type { Ban } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { PersonRow } from '../people/PersonRow';
import { useAnnounce } from '../ui/Announcer';
import { ActionError } from '../ui/ActionError';
import { CardSection } from '../ui/CardSection';
import { PagedList } from '../ui/PagedList';
import { usePages } from '../ui/usePages';
import { groupKeys } from './cache';

function BanItem({ groupId, ban }: { groupId: string; ban: Ban }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const name = ban.user.displayName;
  const lift = useMutation({
    mutationFn: () => groupsApi.unban(groupId, ban.user.id),
    onSuccess: () => {
      announce(t('bans.lifted', { name }));
      void qc.invalidateQueries({ queryKey: groupKeys.bans(groupId) });
    },
  });
  const until = ban.until ? t('bans.until', { date: i18n.dateTime(ban.until) }) : t('bans.untilLifted');
  return (
    <PersonRow
      user={ban.user}
      note={until}
      below={
        <>
          <p className="ban-reason">{ban.reason}</p>
          <ActionError error={lift.error} />
        </>
      }
    >
      <button
        type="button"
        className="btn btn--secondary btn--small"
        onClick={() => lift.mutate()}
        disabled={lift.isPending}
        aria-label={t('bans.liftOf', { name })}
      >
        {t('bans.lift')}
      </button>
    </PersonRow>
  );
}

/** Bans in force, newest first, each with its reason; owners and admins lift them. */
export function GroupBans({ groupId }: { groupId: string }) {
  const { t } = useI18n();
  const { list, items: bans } = usePages(groupKeys.bans(groupId), (cursor) => groupsApi.bans(groupId, cursor));
  return (
    <CardSection title={t('bans.title')} className="card">
      <PagedList
        list={list}
        items={bans}
        empty={<p className="muted">{t('bans.empty')}</p>}
        className="person-list person-list--flush"
        more={t('bans.more')}
        inline
      >
        {(ban) => <BanItem key={ban.id} groupId={groupId} ban={ban} />}
      </PagedList>
    </CardSection>
  );
}
