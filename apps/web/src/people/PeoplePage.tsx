import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DirectoryPerson } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, Loading, useTitle } from '../ui/bits';
import { Field } from '../ui/Field';
import { PeopleSearchBox } from './PeopleSearchBox';
import { ListMore } from '../ui/ListMore';
import { useDebounced } from '../ui/useDebounced';
import { PersonRow } from './PersonRow';
import { useDirectory } from './useDirectory';
import { type Place, usePeopleSearch } from './usePeopleSearch';

/** Title, department and location, as one line under a name. */
function placeLine(person: DirectoryPerson): string {
  return [person.title, person.department, person.location].filter((f) => f && f.trim()).join(' · ');
}

/** Everyone, alphabetically, with "show more" (the search box is empty). */
function Directory({ place }: { place: Place }) {
  const { t } = useI18n();
  const { list, items: people } = useDirectory(place, true);
  const busy = list.isFetching && !list.isFetchingNextPage;
  return (
    <section aria-label={t('people.directory')} className="results">
      {list.isPending ? (
        <Loading />
      ) : list.isError && people.length === 0 ? (
        <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />
      ) : people.length === 0 ? (
        <p className="card empty">{t('people.directoryEmpty')}</p>
      ) : (
        <ul className="card person-list" aria-busy={busy || undefined}>
          {people.map((person) => (
            <PersonRow key={person.id} user={person} note={placeLine(person) || undefined} />
          ))}
        </ul>
      )}
      <ListMore
        list={list}
        label={t('people.more')}
        status={list.isSuccess && !busy ? t('people.directoryCount', { count: people.length }) : ''}
      />
    </section>
  );
}

/**
 * The people directory: everyone alphabetically while the search box is empty, or a search by
 * name or @handle; both narrowed by department and location. Then open a profile.
 */
export function PeoplePage() {
  const { t } = useI18n();
  useTitle(t('people.title'));
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const [department, setDepartment] = useState(() => params.get('department') ?? '');
  const [location, setLocation] = useState(() => params.get('location') ?? '');
  const settled = useDebounced(JSON.stringify([department.trim(), location.trim()]), 300);
  const [settledDepartment, settledLocation] = JSON.parse(settled) as [string, string];
  const place: Place = { department: settledDepartment || undefined, location: settledLocation || undefined };
  const search = usePeopleSearch(text, { limit: 20, place });

  // The settled search goes in the address, so it survives a reload and Back from a profile.
  useEffect(() => {
    const next: Record<string, string> = {};
    if (search.q) next.q = search.q;
    if (settledDepartment) next.department = settledDepartment;
    if (settledLocation) next.location = settledLocation;
    const current = new URLSearchParams(next).toString();
    if (current !== params.toString()) setParams(next, { replace: true });
  }, [search.q, settledDepartment, settledLocation, params, setParams]);

  const waiting = search.settling && search.people.length === 0;
  return (
    <div className="narrow">
      <h1 className="page-title">{t('people.title')}</h1>
      <PeopleSearchBox label={t('people.searchLabel')} hint={t('people.prompt')} value={text} onValueChange={setText}>
        <div className="grid-2" role="group" aria-label={t('people.filters')}>
          <Field label={t('editProfile.department')} value={department} onValueChange={setDepartment} maxLength={100} />
          <Field label={t('editProfile.location')} value={location} onValueChange={setLocation} maxLength={100} />
        </div>
      </PeopleSearchBox>
      {!search.q && !text.trim() ? (
        <Directory place={place} />
      ) : (
        <section aria-label={t('people.results')} className="results">
          {search.isError ? (
            <ErrorBlock error={search.error} onRetry={() => void search.refetch()} />
          ) : waiting || !search.q ? (
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
      )}
    </div>
  );
}
