import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { groupsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { useTitle } from '../ui/bits';
import { PagedList } from '../ui/PagedList';
import { InlineSearch } from '../ui/SearchBox';
import { useDebounced } from '../ui/useDebounced';
import { usePages } from '../ui/usePages';
import { groupKeys } from './cache';
import { GroupItem } from './GroupItem';
import { MyRequests } from './MyRequests';
import cards from '../ui/cards.module.css';

/** Every group I may see (public ones and mine), or only mine; searchable by name. */
export function GroupsPage() {
  const { t } = useI18n();
  useTitle(t('groups.title'));
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') === '1';
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);

  const { list, items: groups } = usePages(groupKeys.list(q, mine), (cursor) =>
    groupsApi.list({ q: q || undefined, mine }, cursor),
  );

  return (
    <div className="narrow">
      <div className="page-head">
        <h1 className="page-title">{t('groups.title')}</h1>
        <Link to="/groups/new" className="btn btn--primary">
          {t('groups.create')}
        </Link>
      </div>
      <nav className="tabs" aria-label={t('groups.tabs')}>
        <Link to="/groups" className={mine ? 'tabs__tab' : 'tabs__tab active'} aria-current={mine ? undefined : 'page'}>
          {t('groups.tab.all')}
        </Link>
        <Link to="/groups?mine=1" className={mine ? 'tabs__tab active' : 'tabs__tab'} aria-current={mine ? 'page' : undefined}>
          {t('groups.tab.mine')}
        </Link>
      </nav>
      <InlineSearch label={t('groups.searchLabel')} value={text} onValueChange={setText} maxLength={100} />
      {!q && <MyRequests />}
      <PagedList
        list={list}
        items={groups}
        empty={
          <div className="card empty">
            <p>{q ? t('groups.noMatch', { q }) : mine ? t('groups.emptyMine') : t('groups.empty')}</p>
            {mine && !q && (
              <button type="button" className="btn btn--link" onClick={() => setParams({})}>
                {t('groups.browseAll')}
              </button>
            )}
          </div>
        }
        className={cards.list}
        more={t('groups.more')}
        busy={list.isFetching}
      >
        {(group) => <GroupItem key={group.id} group={group} />}
      </PagedList>
    </div>
  );
}
