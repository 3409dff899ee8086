import { useId, useState } from 'react';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import picker from '../people/PersonPicker.module.css';
import { usePeopleSearch } from '../people/usePeopleSearch';
import { Avatar, PersonLink } from '../ui/bits';
import { RolesForm } from './RolesForm';
import { SuspensionForm } from './SuspensionForm';
import { AccountSecurityForm } from './AccountSecurityForm';
import { EraseUserForm } from './EraseUserForm';

/** Find someone by name or @handle, then change their roles or suspend their account. */
export function UsersAdmin() {
  const { t } = useI18n();
  const searchId = useId();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<UserSummary | null>(null);
  const search = usePeopleSearch(text.replace(/^@/, ''), { limit: 8 });

  return (
    <div className="stack">
      <form className="search-inline" role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={searchId} className="field__label">
          {t('admin.find')}
        </label>
        <input
          id={searchId}
          type="search"
          className="field__control"
          placeholder={t('people.placeholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          maxLength={100}
        />
      </form>
      {search.q && (
        <ul className="card person-list" aria-label={t('people.results')} aria-live="polite">
          {search.people.length === 0 && !search.settling ? (
            <li className={`muted ${picker.none}`}>{t('people.none', { q: search.q })}</li>
          ) : (
            search.people.map((person) => (
              <li key={person.id} className={picker.item}>
                <Avatar user={person} size="sm" />
                <span className={picker.name}>
                  {person.displayName} <span className="muted">@{person.handle}</span>
                </span>
                <button
                  type="button"
                  className="btn btn--outline btn--small"
                  aria-pressed={chosen?.id === person.id}
                  aria-label={t('admin.manageOf', { name: person.displayName })}
                  onClick={() => setChosen(person)}
                >
                  {t('admin.manage')}
                </button>
              </li>
            ))
          )}
        </ul>
      )}
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
