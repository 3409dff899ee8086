import type { ReactNode } from 'react';
import { Navigate, NavLink } from 'react-router';
import type { Role } from '../api/types';
import { useMe } from '../auth/useSession';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/I18nProvider';
import { useTitle } from '../ui/bits';
import { useActiveTabInView } from '../ui/useActiveTabInView';
import { RoleRequired } from './RoleRequired';
import { type Ability, can, NEEDS } from './roles';

interface Section {
  path: string;
  label: MessageKey;
  ability: Ability;
}

/** The sections of "Manage", in tab order, each for the roles that can use it. */
export const SECTIONS: Section[] = [
  { path: 'queue', label: 'manage.queue', ability: 'moderate' },
  { path: 'audit', label: 'manage.audit', ability: 'readAudit' },
  { path: 'settings', label: 'manage.settings', ability: 'moderationSettings' },
  { path: 'users', label: 'manage.users', ability: 'administer' },
  { path: 'invitations', label: 'manage.invitations', ability: 'administer' },
  { path: 'people-import', label: 'manage.peopleImport', ability: 'administer' },
  { path: 'guidelines', label: 'manage.guidelines', ability: 'administer' },
  { path: 'skills', label: 'manage.skills', ability: 'manageSkills' },
  { path: 'email', label: 'manage.email', ability: 'manageEmail' },
  { path: 'analytics', label: 'manage.analytics', ability: 'analytics' },
];

/** The first section these roles may open, for the "Manage" link; null when none. */
export function firstSection(roles: readonly Role[]): string | null {
  const section = SECTIONS.find((s) => can[s.ability](roles));
  return section ? `/manage/${section.path}` : null;
}

/** "/manage" opens the first section these roles may use, or says which roles open any. */
export function ManageIndex() {
  const me = useMe();
  const first = firstSection(me.roles);
  if (first) return <Navigate to={first} replace />;
  return <RoleRequired roles={[...new Set(SECTIONS.flatMap((s) => NEEDS[s.ability]))]} />;
}

/** One "Manage" section; a role that cannot use it is told which role it needs. */
export function ManageSection({ path, children }: { path: string; children: ReactNode }) {
  const me = useMe();
  const section = SECTIONS.find((s) => s.path === path)!;
  if (!can[section.ability](me.roles)) return <RoleRequired roles={NEEDS[section.ability]} />;
  return <ManageTabs section={section}>{children}</ManageTabs>;
}

/** The section under the tabs to the others: a row that scrolls sideways when they do not fit, the current one kept in view. */
function ManageTabs({ section, children }: { section: Section; children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const tabs = useActiveTabInView<HTMLElement>(section.path);
  useTitle(t(section.label));
  return (
    <div className="narrow manage">
      <h1 className="page-title">{t('manage.title')}</h1>
      <nav className="tabs" aria-label={t('manage.sections')} ref={tabs}>
        {SECTIONS.filter((s) => can[s.ability](me.roles)).map((s) => (
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
