import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { groupQuery } from './cache';
import styles from './GroupTag.module.css';

/** "in <group>" on a post of the home feed: the name comes from the (shared, cached) group query. */
export function GroupTag({ groupId }: { groupId: string }) {
  const { t } = useI18n();
  const group = useQuery({ ...groupQuery(groupId), staleTime: 5 * 60_000, retry: false });
  if (!group.data) return null;
  return (
    <span>
      <span aria-hidden="true"> · </span>
      {t('post.inGroup')}{' '}
      <Link to={`/groups/${group.data.id}`} className={styles.link}>
        {group.data.name}
      </Link>
    </span>
  );
}
