import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { NavLink, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { isMissing } from '../api/errors';
import type { Group } from '../api/types';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, Loading, useTitle } from '../ui/bits';
import { useActiveTabInView } from '../ui/useActiveTabInView';
import { canReadContent, groupQuery, isManager } from './cache';
import { GroupHeader } from './GroupHeader';
import { mayReadHealth } from './health';
import { GroupUnavailable } from './GroupUnavailable';
import styles from './GroupPage.module.css';

export interface GroupContext {
  group: Group;
}

/** The group shown by the enclosing GroupPage, for its tabs. */
export function useGroupContext(): GroupContext {
  return useOutletContext<GroupContext>();
}

/** The group's tabs, each a path under the group's own (its feed) and who sees it. */
function GroupTabs({ group }: { group: Group }) {
  const { t } = useI18n();
  const me = useMe();
  const tabs = useActiveTabInView<HTMLElement>(useLocation().pathname);
  const base = `/groups/${group.id}`;
  const manager = isManager(group.myRole);
  const shown = [
    ['feed', true],
    ['members', true],
    ['requests', manager],
    ['settings', manager],
    ['reports', manager],
    ['helpers', manager],
    ['health', mayReadHealth(group, me.roles)],
  ] as const;
  return (
    <nav className="tabs" aria-label={t('group.tabs')} ref={tabs}>
      {shown
        .filter(([, show]) => show)
        .map(([tab]) => (
          <NavLink key={tab} to={tab === 'feed' ? base : `${base}/${tab}`} end={tab === 'feed'} className="tabs__tab">
            {t(`group.tab.${tab}`)}
          </NavLink>
        ))}
    </nav>
  );
}

/**
 * One group: its header (about, guidelines, membership) and tabs. A private group is a 404 to
 * anyone but its members, exactly like a group that does not exist: both show the same page.
 * Someone whose request to join is pending sees the card alone, with their request.
 */
export function GroupPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const group = useQuery(groupQuery(id));
  useTitle(group.data?.name ?? (group.isError ? t('group.unavailable.title') : t('groups.title')));

  if (group.isPending) return <Loading />;
  if (group.isError) {
    return isMissing(group.error) ? (
      <GroupUnavailable groupId={id} />
    ) : (
      <ErrorBlock error={group.error} onRetry={() => void group.refetch()} />
    );
  }
  if (!canReadContent(group.data)) {
    // A pending requester of a private group: the card and the request, none of the content.
    return (
      <div className={`narrow group-page ${styles.page}`}>
        <GroupHeader group={group.data} />
        <p className="card empty" role="status">
          {group.data.myRole === 'pending' ? t('group.unavailable.requested') : t('group.unavailable.text')}
        </p>
      </div>
    );
  }
  return (
    <div className={`narrow group-page ${styles.page}`}>
      <GroupHeader group={group.data} />
      <GroupTabs group={group.data} />
      {/* The tabs load on demand (pages.ts): the header and tabs stay while one loads. */}
      <Suspense fallback={<Loading />}>
        <Outlet context={{ group: group.data } satisfies GroupContext} />
      </Suspense>
    </div>
  );
}
