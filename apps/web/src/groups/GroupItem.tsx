import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { GroupCard } from '../api/types';
import { GroupFacts } from './GroupBadges';
import cards from '../ui/cards.module.css';

/** A group in a list: name (a link), visibility, members, my role, description; `children` for actions. */
export function GroupItem({ group, children }: { group: GroupCard; children?: ReactNode }) {
  return (
    <li className="card">
      <h2 className={`${cards.title} ${cards.titleLink}`}>
        <Link to={`/groups/${group.id}`}>{group.name}</Link>
      </h2>
      <GroupFacts group={group} />
      {group.description && <p className={cards.description}>{group.description}</p>}
      {children}
    </li>
  );
}
