import type { ReactNode } from 'react';
import { Navigate, NavLink } from 'react-router';
import type { Role } from '../api/types';
import { useMe } from '../auth/useSession';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/I18nProvider';
import { useTitle } from '../ui/bits';
import { can } from './roles';

interface Section {
  path: string;
  label: MessageKey;
  allowed(roles: readonly Role[]): boolean;
}

/** The sections of "Manage", in tab order, each for the roles that can use it. */
export const SECTIONS: Section[] = [
  { path: 'queue', label: 'manage.queue', allowed: can.moderate },
  { path: 'audit', label: 'manage.audit', allowed: can.readAudit },
  { path: 'settings', label: 'manage.settings', allowed: can.moderationSettings },
  { path: 'users', label: 'manage.users', allowed: can.administer },
  { path: 'invitations', label: 'manage.invitations', allowed: can.administer },
  { path: 'people-import', label: 'manage.peopleImport', allowed: can.administer },
  { path: 'guidelines', label: 'manage.guidelines', allowed: can.administer },
  { path: 'skills', label: 'manage.skills', allowed: can.manageSkills },
  { path: 'email', label: 'manage.email', allowed: can.manageEmail },
  { path: 'analytics', label: 'manage.analytics', allowed: can.analytics },
];

/** The first section these roles may open, for the "Manage" link; null when none. */
export function firstSection(roles: readonly Role[]): string | null {
  const section = SECTIONS.find((s) => s.allowed(roles));
  return section ? `/manage/${section.path}` : null;
}

/** One "Manage" section, with the tabs to the others; a role that cannot use it is sent home. */
export function ManageSection({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const section = SECTIONS.find((s) => s.path === path)!;
  useTitle(t(section.label));
  if (!section.allowed(me.roles)) return <Navigate to="/" replace />;
  return (
    <div className="narrow manage">
      <h1 className="page-title">{t('manage.title')}</h1>
      <nav className="tabs" aria-label={t('manage.sections')}>
        {SECTIONS.filter((s) => s.allowed(me.roles)).map((s) => (
          <NavLink key={s.path} to={`/manage/${s.path}`} className="tabs__tab">
            {t(s.label)}
          </NavLink>
        ))}
      </nav>
      <h2 className="visually-hidden">{t(section.label)}</h2>
      {children}
    </div>
  );
}
