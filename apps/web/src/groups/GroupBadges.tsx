import type { GroupCard, GroupRole, GroupVisibility } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { Icon } from '../ui/icons';
import facts from './facts.module.css';

export function VisibilityBadge({ visibility }: { visibility: GroupVisibility }) {
  const { t } = useI18n();
  return visibility === 'private' ? (
    <span className="badge badge--muted">
      <Icon name="lock" className="badge__icon" />
      {t('groups.private')}
    </span>
  ) : (
    <span className="badge badge--muted">{t('groups.public')}</span>
  );
}

export function RoleBadge({ role }: { role: GroupRole | null }) {
  const { t } = useI18n();
  if (!role) return null;
  return <span className={role === 'pending' ? 'badge badge--muted' : 'badge badge--ok'}>{t(`groups.role.${role}`)}</span>;
}

/** What a group's card and its page's header say of it: public or private, how many members, my role. */
export function GroupFacts({ group }: { group: Pick<GroupCard, 'visibility' | 'memberCount' | 'myRole'> }) {
  const { t } = useI18n();
  return (
    <p className={facts.facts}>
      <VisibilityBadge visibility={group.visibility} />
      <span>{t('groups.members', { count: group.memberCount })}</span>
      <RoleBadge role={group.myRole} />
    </p>
  );
}
