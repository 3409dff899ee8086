import { useInfiniteQuery } from '@tanstack/react-query';
import { groupsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { rememberPeople } from '../people/known';
import { ErrorBlock, Loading } from '../ui/bits';
import { ListMore } from '../ui/ListMore';
import { groupKeys } from './cache';
import { useGroupContext } from './GroupPage';
import { MemberItem } from './MemberItem';

export function GroupMembersTab() {
  const { t } = useI18n();
  const { group } = useGroupContext();
  const list = useInfiniteQuery({
    queryKey: groupKeys.members(group.id),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const page = await groupsApi.members(group.id, pageParam);
      rememberPeople(page.items.map((m) => m.user));
      return page;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const members = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) return <Loading />;
  if (list.isError && !list.isFetchNextPageError) return <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <section aria-label={t('group.tab.members')}>
      {members.length === 0 ? (
        <p className="card empty">{t('members.empty')}</p>
      ) : (
        <ul className="card person-list">
          {members.map((member) => (
            <MemberItem key={member.user.id} group={group} member={member} />
          ))}
        </ul>
      )}
      <ListMore list={list} label={t('members.more')} />
    </section>
  );
}
