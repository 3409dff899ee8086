import { useId, useState } from 'react';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { RemovableChips } from '../ui/Chips';
import { FieldSet } from '../ui/Field';
import { PeopleFound } from './PeopleFound';
import { usePeopleSearch } from './usePeopleSearch';

/**
 * Picks several people with the directory search: type, then "Add" a result; the chosen ones
 * show as removable chips. Plain buttons, so it works the same with a keyboard and a screen reader.
 */
export function PersonPicker({
  label,
  hint,
  value,
  onChange,
  errors,
}: {
  label: string;
  hint?: string;
  value: UserSummary[];
  onChange(next: UserSummary[]): void;
  errors?: string[];
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const search = usePeopleSearch(text, { limit: 6 });
  const results = search.people.filter((p) => !value.some((v) => v.id === p.id));
  const errorId = errors?.length ? `${id}-error` : undefined;
  const add = (person: UserSummary) => {
    onChange([...value, person]);
    setText('');
  };

  return (
    <FieldSet id={id} legend={label} hint={hint} errors={errors} className="person-picker">
      <RemovableChips
        label={t('picker.chosen')}
        items={value}
        keyOf={(person) => person.id}
        nameOf={(person) => person.displayName}
        removeLabel={(name) => t('picker.remove', { name })}
        onRemove={(person) => onChange(value.filter((p) => p.id !== person.id))}
      />
      <label htmlFor={id} className="visually-hidden">
        {t('picker.search')}
      </label>
      <input
        id={id}
        type="search"
        className="field__control"
        value={text}
        placeholder={t('picker.search')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter adds the first result rather than submitting the whole form.
          if (event.key === 'Enter') {
            event.preventDefault();
            if (results[0]) add(results[0]);
          }
        }}
        autoComplete="off"
        maxLength={100}
        aria-describedby={[hint ? `${id}-hint` : '', errorId ?? ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={errors?.length ? true : undefined}
      />
      <PeopleFound search={search} people={results} label={t('picker.results')}>
        {(person) => (
          <button
            type="button"
            className="btn btn--outline btn--small"
            aria-label={t('picker.addOf', { name: person.displayName })}
            onClick={() => {
              add(person);
              document.getElementById(id)?.focus();
            }}
          >
            {t('picker.add')}
          </button>
        )}
      </PeopleFound>
    </FieldSet>
  );
}
