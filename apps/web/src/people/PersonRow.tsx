import type { ReactNode } from 'react';
import type { UserSummary } from '../api/types';
import { Avatar, PersonLink } from '../ui/bits';

/** One person in a list: avatar, name (to the profile), @handle, an optional note and actions. */
export function PersonRow({
  user,
  note,
  children,
  below,
}: {
  user: UserSummary;
  note?: ReactNode;
  children?: ReactNode;
  /** Full width under the row (an inline form). */
  below?: ReactNode;
}) {
  return (
    <li className="person-row">
      <Avatar user={user} />
      <span className="person-row__text">
        <PersonLink user={user} className="person-row__name" />
        <span className="person-row__sub">
          @{user.handle}
          {note && (
            <>
              {' '}
              <span aria-hidden="true">·</span> {note}
            </>
          )}
        </span>
      </span>
      {children && <span className="person-row__actions">{children}</span>}
      {below && <div className="person-row__below">{below}</div>}
    </li>
  );
}
