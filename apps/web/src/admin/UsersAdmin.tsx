import { useState } from 'react';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { PeopleFound } from '../people/PeopleFound';
import { PeopleSearchBox } from '../people/PeopleSearchBox';
import { usePeopleSearch } from '../people/usePeopleSearch';
import { PersonLink } from '../ui/bits';
import { RolesForm } from './RolesForm';
import { SuspensionForm } from './SuspensionForm';
import { AccountSecurityForm } from './AccountSecurityForm';
import { EraseUserForm } from './EraseUserForm';

/** Find someone by name or @handle, then change their roles or suspend their account. */
export function UsersAdmin() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<UserSummary | null>(null);
  const search = usePeopleSearch(text, { limit: 8 });

  return (
    <div className="stack">
      <PeopleSearchBox className="search-inline" label={t('admin.find')} value={text} onValueChange={setText} />
      <PeopleFound search={search} people={search.people} label={t('people.results')} className="card person-list">
        {(person) => (
          <button
            type="button"
            className="btn btn--outline btn--small"
            aria-pressed={chosen?.id === person.id}
            aria-label={t('admin.manageOf', { name: person.displayName })}
            onClick={() => setChosen(person)}
          >
            {t('admin.manage')}
          </button>
        )}
      </PeopleFound>
      {chosen && (
        <section className="card stack" aria-label={chosen.displayName} key={chosen.id}>
          <h2 className="section-title">
            <PersonLink user={chosen} /> <span className="muted">@{chosen.handle}</span>
          </h2>
          <RolesForm user={chosen} />
          <SuspensionForm user={chosen} />
          <AccountSecurityForm user={chosen} />
          <EraseUserForm user={chosen} />
        </section>
      )}
    </div>
  );
}
