import { useQueryClient } from '@tanstack/react-query';
import { moderationApi } from '../api/endpoints';
import type { QueueItem } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { rememberPeople } from '../people/known';
import { mapPageItems, withoutItem, type LoadedPages } from '../ui/pageItems';
import { PagedList } from '../ui/PagedList';
import { usePages } from '../ui/usePages';
import { CaseCard } from './CaseCard';

export const queueKey = (groupId?: string) => ['moderation', 'queue', groupId ?? null] as const;

/** Open cases the caller may decide on (moderators: all; group owners and admins: `groupId`'s). */
export function ReviewQueue({ groupId }: { groupId?: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { list, items: cases } = usePages(
    queueKey(groupId),
    async (cursor) => {
      const page = await moderationApi.queue({ groupId }, cursor);
      rememberPeople(page.items.flatMap((c) => (c.target.author ? [c.target.author] : [])));
      return page;
    },
    { staleTime: 0 },
  );

  const resolved = (caseId: string) => {
    qc.setQueryData<LoadedPages<QueueItem>>(queueKey(groupId), (data) =>
      mapPageItems(data, (items) => withoutItem(items, caseId)),
    );
    document.getElementById('main')?.focus({ preventScroll: true });
  };

  return (
    <PagedList
      list={list}
      items={cases}
      empty={<p className="card empty">{t('queue.empty')}</p>}
      className="bare-list"
      more={t('queue.more')}
    >
      {(item) => <CaseCard key={item.id} item={item} onResolved={resolved} />}
    </PagedList>
  );
}
