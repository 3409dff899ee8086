import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { type OrgPerson, orgApi } from '../api/org';
import { can } from '../admin/roles';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { Loading, PageError, useTitle } from '../ui/bits';
import styles from './OrgChart.module.css';
import { ManagerForm } from './ManagerForm';

/**
 * One box of the chart. Its name opens the chart around that person (so the chart is walked by
 * following links: Tab and Enter are the keyboard's way through it); "profile" opens their page.
 */
function OrgNode({ person, current = false }: { person: OrgPerson; current?: boolean }) {
  const { t } = useI18n();
  const role = [person.title, person.department].filter(Boolean).join(' · ');
  return (
    <div className={`${styles.node} ${current ? styles.current : ''}`} aria-current={current ? 'page' : undefined}>
      {current ? (
        <strong>
          {person.displayName}
          {person.deactivated && <span className="badge"> {t('org.deactivated')}</span>}
        </strong>
      ) : (
        <span>
          <Link to={`/people/${person.id}/org`}>{person.displayName}</Link>
          {person.deactivated && <span className="badge"> {t('org.deactivated')}</span>}
        </span>
      )}
      {role && <span className={styles.role}>{role}</span>}
      <span className={styles.role}>{t('org.reportsCount', { count: person.reportsCount })}</span>
      {current && (
        <Link to={`/people/${person.id}`} aria-label={t('org.profile', { name: person.displayName })}>
          {t('profile.title')}
        </Link>
      )}
    </div>
  );
}

/** `/people/:id/org`: the chain of managers above a person (top first), the person, and their direct reports. */
export function OrgChartPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const chart = useQuery({ queryKey: ['org', 'chart', id], queryFn: () => orgApi.chart(id) });
  useTitle(chart.data ? t('org.chartOf', { name: chart.data.person.displayName }) : t('org.title'));
  if (chart.isPending) return <Loading />;
  if (chart.isError) return <PageError error={chart.error} onRetry={() => void chart.refetch()} />;
  const { person, managers, reports, moreReports } = chart.data;
  const top = [...managers].reverse();
  return (
    <div className="narrow stack">
      <h1 className="page-title">{t('org.chartOf', { name: person.displayName })}</h1>
      <nav aria-label={t('org.managers')}>
        <ol className={styles.chain}>
          {top.map((manager) => (
            <li key={manager.id}>
              <OrgNode person={manager} />
            </li>
          ))}
          <li>
            <OrgNode person={person} current />
            <section aria-label={t('org.reports')}>
              {reports.length > 0 ? (
                <ul className={styles.reports}>
                  {reports.map((report) => (
                    <li key={report.id}>
                      <OrgNode person={report} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('org.noReports', { name: person.displayName })}</p>
              )}
              {moreReports && <p className="muted">{t('org.moreReports')}</p>}
            </section>
          </li>
        </ol>
      </nav>
      {can.administer(me.roles) && <ManagerForm key={person.id} person={person} manager={managers[0] ?? null} />}
    </div>
  );
}
