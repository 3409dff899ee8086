import type { ReactNode } from 'react';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { Avatar } from '../ui/bits';
import styles from './PeopleFound.module.css';

/**
 * The people a directory search found while typing (usePeopleSearch's `q` and `settling`), each
 * with its face, name and @handle and the caller's one action; "none" once the search settled on
 * nobody; nothing before a search. Read aloud as it changes.
 */
export function PeopleFound({
  search,
  people,
  label,
  className = styles.results,
  children,
}: {
  search: { q: string; settling: boolean };
  people: readonly UserSummary[];
  label: string;
  /** The list's look: a bordered box by default (under a picker's input). */
  className?: string;
  /** The action on one person (a button). */
  children(person: UserSummary): ReactNode;
}) {
  const { t } = useI18n();
  if (!search.q) return null;
  return (
    <ul className={className} aria-label={label} aria-live="polite">
      {people.length === 0 && !search.settling ? (
        <li className={`muted ${styles.none}`}>{t('people.none', { q: search.q })}</li>
      ) : (
        people.map((person) => (
          <li key={person.id} className={styles.item}>
            <Avatar user={person} size="sm" />
            <span className={styles.name}>
              {person.displayName} <span className="muted">@{person.handle}</span>
            </span>
            {children(person)}
          </li>
        ))
      )}
    </ul>
  );
}
