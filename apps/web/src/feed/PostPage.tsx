import { useCallback } from 'react';
import { useParams } from 'react-router';
import { feedApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { useTitle } from '../ui/bits';
import { PostList } from './PostList';

/** One post on its own page (where a notification leads), kept live like any list. */
export function PostPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  useTitle(t('post.title'));
  const fetchPage = useCallback(async () => ({ items: [await feedApi.get(id)], nextCursor: null }), [id]);
  return (
    <div className="feed">
      <h1 className="visually-hidden">{t('post.title')}</h1>
      <PostList
        queryKey={['posts', 'single', id]}
        fetchPage={fetchPage}
        label={t('post.title')}
        emptyText={t('error.notFound')}
      />
    </div>
  );
}
