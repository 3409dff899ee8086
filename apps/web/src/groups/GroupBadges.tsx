import type { GroupRole, GroupVisibility } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { Icon } from '../ui/icons';

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
