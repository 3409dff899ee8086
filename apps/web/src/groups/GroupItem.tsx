import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { GroupCard } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { RoleBadge, VisibilityBadge } from './GroupBadges';
import cards from '../ui/cards.module.css';
import facts from './facts.module.css';

/** A group in a list: name (a link), visibility, members, my role, description; `children` for actions. */
export function GroupItem({ group, children }: { group: GroupCard; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <li className="card">
      <h2 className={`${cards.title} ${cards.titleLink}`}>
        <Link to={`/groups/${group.id}`}>{group.name}</Link>
      </h2>
      <p className={facts.facts}>
        <VisibilityBadge visibility={group.visibility} />
        <span>{t('groups.members', { count: group.memberCount })}</span>
        <RoleBadge role={group.myRole} />
      </p>
      {group.description && <p className={cards.description}>{group.description}</p>}
      {children}
    </li>
  );
}
