import { groupsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock } from '../ui/bits';
import { ListMore } from '../ui/ListMore';
import { usePages } from '../ui/usePages';
import { groupKeys } from './cache';
import { GroupItem } from './GroupItem';
import { WithdrawButton } from './WithdrawButton';
import cards from '../ui/cards.module.css';
import styles from './MyRequests.module.css';

/**
 * My pending requests to join groups (private groups do not list them otherwise), each with a
 * withdraw button. Shows nothing while loading or when there are none: the group list below is
 * the page's main content.
 */
export function MyRequests() {
  const { t } = useI18n();
  const { list, items: requests } = usePages(groupKeys.myRequests, (cursor) => groupsApi.myRequests(cursor));
  if (list.isError && !list.isFetchNextPageError) return <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />;
  if (requests.length === 0) return null;
  return (
    <section className={styles.requests} aria-labelledby="my-requests-title">
      <h2 id="my-requests-title" className="section-title">
        {t('groups.myRequests')}
      </h2>
      <ul className={cards.list} aria-busy={list.isFetching || undefined}>
        {requests.map(({ group }) => (
          <GroupItem key={group.id} group={group}>
            <WithdrawButton groupId={group.id} name={group.name} />
          </GroupItem>
        ))}
      </ul>
      <ListMore list={list} label={t('groups.more')} />
    </section>
  );
}
