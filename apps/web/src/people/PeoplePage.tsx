import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, Loading, useTitle } from '../ui/bits';
import { PersonRow } from './PersonRow';
import { usePeopleSearch } from './usePeopleSearch';

/** The people directory: search by name or @handle, then open a profile. */
export function PeoplePage() {
  const { t } = useI18n();
  useTitle(t('people.title'));
  const inputId = useId();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const search = usePeopleSearch(text.replace(/^@/, ''), { limit: 20 });

  // The settled search goes in the address, so it survives a reload and Back from a profile.
  useEffect(() => {
    if ((params.get('q') ?? '') !== search.q) setParams(search.q ? { q: search.q } : {}, { replace: true });
  }, [search.q, params, setParams]);

  const waiting = search.settling && search.people.length === 0;
  return (
    <div className="narrow">
      <h1 className="page-title">{t('people.title')}</h1>
      <form className="card search-box" role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={inputId} className="field__label">
          {t('people.searchLabel')}
        </label>
        <input
          id={inputId}
          type="search"
          className="field__control"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('people.placeholder')}
          autoComplete="off"
          maxLength={100}
        />
      </form>
      <section aria-label={t('people.results')} className="results">
        {!search.q ? (
          <p className="card empty">{t('people.prompt')}</p>
        ) : search.isError ? (
          <ErrorBlock error={search.error} onRetry={() => void search.refetch()} />
        ) : waiting ? (
          <Loading />
        ) : search.people.length === 0 ? (
          <p className="card empty">{t('people.none', { q: search.q })}</p>
        ) : (
          <ul className="card person-list" aria-busy={search.settling || undefined}>
            {search.people.map((person) => (
              <PersonRow key={person.id} user={person} />
            ))}
          </ul>
        )}
        <p className="visually-hidden" role="status">
          {search.q && !search.settling ? t('people.count', { count: search.people.length }) : ''}
        </p>
      </section>
    </div>
  );
}
