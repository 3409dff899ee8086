import { Link } from 'react-router';
import type { OrgPerson, OrgSummary } from '../api/org';
import { useI18n } from '../i18n/I18nProvider';
import { CardSection } from '../ui/CardSection';
import styles from './OrgChart.module.css';

/** A person's name linking to their profile, marked when the account is deactivated. */
export function OrgName({ person }: { person: OrgPerson }) {
  const { t } = useI18n();
  return (
    <>
      <Link to={`/people/${person.id}`}>{person.displayName}</Link>
      {person.deactivated && <span className="badge"> {t('org.deactivated')}</span>}
    </>
  );
}

/** On a profile (#15): who the person reports to, how many report to them, and the way to the org chart. */
export function OrgCard({ userId, org }: { userId: string; org: Partial<OrgSummary> }) {
  const { t } = useI18n();
  const reportsCount = org.reportsCount ?? 0;
  return (
    <CardSection title={t('org.title')}>
      {org.manager ? (
        <p>
          <span className={styles.label}>{t('org.reportsTo')}</span> <OrgName person={org.manager} />
          {org.manager.title && <span className="muted"> · {org.manager.title}</span>}
        </p>
      ) : (
        <p className="muted">{t('org.noManager')}</p>
      )}
      <p className="muted">{t('org.reportsCount', { count: reportsCount })}</p>
      <Link to={`/people/${userId}/org`}>{t('org.openChart')}</Link>
    </CardSection>
  );
}
