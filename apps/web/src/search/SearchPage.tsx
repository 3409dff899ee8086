import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SearchHit, SearchType } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { ErrorBlock, Loading, RelativeTime, useTitle } from '../ui/bits';
import { SearchBox } from '../ui/SearchBox';
import { ListMore } from '../ui/ListMore';
import { useDebounced } from '../ui/useDebounced';
import { Highlighted } from './Highlighted';
import styles from './SearchPage.module.css';
import { MAX_QUERY_LENGTH, resultPath, SEARCH_TYPES, useSearch } from './searchQuery';

const TYPE_LABEL: Record<SearchType, MessageKey> = {
  post: 'search.type.post',
  person: 'search.type.person',
  group: 'search.type.group',
  idea: 'search.type.idea',
  question: 'search.type.question',
};

function Result({ hit }: { hit: SearchHit }) {
  const { t } = useI18n();
  return (
    <li className={styles.result}>
      <p className={styles.meta}>
        <span className="badge badge--info">{t(TYPE_LABEL[hit.type])}</span>
        {hit.createdAt && <RelativeTime iso={hit.createdAt} />}
      </p>
      <h2 className={styles.title}>
        <Link to={resultPath(hit.type, hit.id)}>
          {hit.title ? <Highlighted text={hit.title} ranges={hit.titleHighlights ?? []} /> : t('search.untitled')}
        </Link>
      </h2>
      {hit.snippet && (
        <p className={styles.snippet}>
          <Highlighted text={hit.snippet} ranges={hit.highlights} />
        </p>
      )}
    </li>
  );
}

/**
 * One search over posts, people, groups, ideas and questions: ranked, with the matched words
 * marked, narrowed to one kind with the filter, more on demand. The query and the filter live in
 * the address, so results survive a reload and Back from an item.
 */
export function SearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const typeParam = params.get('type');
  const type = SEARCH_TYPES.includes(typeParam as SearchType) ? (typeParam as SearchType) : null;
  const [text, setText] = useState(() => params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  useTitle(q ? t('search.titleFor', { q }) : t('search.title'));

  // The header box navigates here with a new q: follow it (adjusted while rendering, when q changes).
  const addressQ = params.get('q') ?? '';
  const [followedQ, setFollowedQ] = useState(addressQ);
  if (followedQ !== addressQ) {
    setFollowedQ(addressQ);
    setText((current) => (current.trim() === addressQ ? current : addressQ));
  }

  // The settled query goes in the address (replacing, so Back leaves the search).
  useEffect(() => {
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    if (type) next.set('type', type);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [q, type, params, setParams]);

  const results = useSearch(q, type);
  const hits = results.data?.pages.flatMap((page) => page.items) ?? [];
  const settling = text.trim() !== q || (results.isFetching && !results.isFetchingNextPage);

  const chooseType = (next: SearchType | null) => {
    const updated = new URLSearchParams(params);
    if (next) updated.set('type', next);
    else updated.delete('type');
    setParams(updated, { replace: true });
  };

  return (
    <div className="narrow">
      <h1 className="page-title">{t('search.title')}</h1>
      <SearchBox
        label={t('search.label')}
        hint={t('search.hint')}
        value={text}
        onValueChange={setText}
        placeholder={t('search.placeholder')}
        maxLength={MAX_QUERY_LENGTH}
        autoComplete="off"
        autoFocus={!text}
      >
        <div className="chips" role="group" aria-label={t('search.filter')}>
          {[null, ...SEARCH_TYPES].map((option) => (
            <button
              key={option ?? 'all'}
              type="button"
              className={option === type ? `chip ${styles.filter} ${styles.active}` : `chip ${styles.filter}`}
              aria-pressed={option === type}
              onClick={() => chooseType(option)}
            >
              {option ? t(TYPE_LABEL[option]) : t('search.type.all')}
            </button>
          ))}
        </div>
      </SearchBox>
      {!q ? (
        <p className="card empty">{t('search.prompt')}</p>
      ) : (
        <section aria-label={t('search.results')} className="results">
          {results.isError && hits.length === 0 ? (
            <ErrorBlock error={results.error} onRetry={() => void results.refetch()} />
          ) : results.isPending ? (
            <Loading />
          ) : hits.length === 0 ? (
            <p className="card empty">{t('search.none', { q })}</p>
          ) : (
            <ol className={`card ${styles.results}`} aria-busy={settling || undefined}>
              {hits.map((hit) => (
                <Result key={`${hit.type}:${hit.id}`} hit={hit} />
              ))}
            </ol>
          )}
          <ListMore
            list={results}
            label={t('search.more')}
            status={results.isSuccess && !settling ? t('search.count', { count: hits.length }) : ''}
          />
        </section>
      )}
    </div>
  );
}
