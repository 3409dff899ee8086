import { groupsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { usePeoplePages } from '../people/usePeoplePages';
import { groupKeys } from './cache';
import { useGroupContext } from './GroupPage';
import { MemberItem } from './MemberItem';
import { PeopleTab } from './PeopleTab';

export function GroupMembersTab() {
  const { t } = useI18n();
  const { group } = useGroupContext();
  const list = usePeoplePages(
    groupKeys.members(group.id),
    (cursor) => groupsApi.members(group.id, cursor),
    (m) => m.user,
  );
  return (
    <PeopleTab list={list} label={t('group.tab.members')} empty={t('members.empty')} more={t('members.more')}>
      {(member) => <MemberItem key={member.user.id} group={group} member={member} />}
    </PeopleTab>
  );
}
