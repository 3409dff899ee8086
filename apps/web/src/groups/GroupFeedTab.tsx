import { useCallback } from 'react';
import { groupsApi } from '../api/endpoints';
import { keys } from '../feed/cache';
import { Composer } from '../feed/Composer';
import { groupScope } from '../feed/pending';
import { PostList } from '../feed/PostList';
import { useI18n } from '../i18n/I18nProvider';
import { isMember } from './cache';
import { useGroupContext } from './GroupPage';

/** The group's posts, newest first; members write here. Live posts wait behind the pill. */
export function GroupFeedTab() {
  const { t } = useI18n();
  const { group } = useGroupContext();
  const fetchPage = useCallback((cursor: string | null) => groupsApi.feed(group.id, cursor), [group.id]);
  const member = isMember(group.myRole);
  return (
    <>
      {member ? (
        <Composer groupId={group.id} label={t('group.composer', { name: group.name })} />
      ) : (
        <p className="notice">{t('group.joinToPost')}</p>
      )}
      <PostList
        key={group.id}
        scope={groupScope(group.id)}
        label={t('group.feed', { name: group.name })}
        queryKey={keys.groupFeed(group.id)}
        fetchPage={fetchPage}
        emptyText={member ? t('group.feedEmptyMember') : t('group.feedEmpty')}
        hideGroup
      />
    </>
  );
}
