import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { departmentsApi } from '../api/departments';
import type { DepartmentStats } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, Loading } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { DataTable } from '../ui/DataTable';
import { ListOrNone } from '../ui/ListOrNone';
import { ListStates } from '../ui/ListStates';
import styles from './DepartmentsSection.module.css';
import { useFigureFormat } from './useFigureFormat';

/** A figure with its change against the period before: ↑ / ↓ and the previous value, for screen readers too. */
function WithTrend({ now, before, format }: { now: number | null; before: number | null; format: (n: number) => string }) {
  const { t } = useI18n();
  if (now === null) return <>—</>;
  const arrow = before === null || now === before ? '' : now > before ? '↑' : '↓';
  return (
    <>
      {format(now)}
      {arrow && (
        <span className={styles.trend} title={t('analytics.departments.before', { value: format(before!) })}>
          {' '}
          <span aria-hidden="true">{arrow}</span>
          <span className="visually-hidden">{t('analytics.departments.before', { value: format(before!) })}</span>
        </span>
      )}
    </>
  );
}

/** One list of what a department could act on, under its heading; "none" when empty. */
function ActionList<T>({ title, items, children }: { title: string; items: readonly T[]; children(item: T): ReactNode }) {
  const { t } = useI18n();
  return (
    <section>
      <h4>{title}</h4>
      <ListOrNone items={items} none={t('analytics.departments.none')}>
        {children}
      </ListOrNone>
    </section>
  );
}

function DepartmentActions({ department, from, to }: { department: string; from: string; to: string }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['analytics', 'department', department, from, to],
    queryFn: () => departmentsApi.get(department, from, to),
  });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorBlock error={detail.error} onRetry={() => void detail.refetch()} />;
  const { actions } = detail.data;
  return (
    <div className={styles.actions}>
      <ActionList title={t('analytics.departments.unanswered')} items={actions.unansweredQuestions}>
        {(q) => (
          <li key={q.id}>
            <Link to={`/questions/${q.id}`}>{q.title}</Link>
          </li>
        )}
      </ActionList>
      <ActionList title={t('analytics.departments.falling')} items={actions.fallingGroups}>
        {(g) => (
          <li key={g.groupId}>
            <Link to={`/groups/${g.groupId}/health`}>{g.name}</Link>{' '}
            {t('analytics.departments.score', { score: g.score, previous: g.previousScore })}
          </li>
        )}
      </ActionList>
      <ActionList title={t('analytics.departments.mentors')} items={actions.possibleMentors}>
        {(m) => (
          <li key={m.user.id}>
            <Link to={`/people/${m.user.id}`}>{m.user.displayName}</Link> — {m.topics.join(', ')}
          </li>
        )}
      </ActionList>
    </div>
  );
}

function Row({ d, from, to }: { d: DepartmentStats; from: string; to: string }) {
  const [open, setOpen] = useState(false);
  const { count, share, minutes } = useFigureFormat();
  return (
    <>
      <tr>
        <th scope="row">
          <button type="button" className="btn btn--link" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
            {d.department}
          </button>
        </th>
        <td>{count(d.people)}</td>
        <td>
          <WithTrend now={d.activeUsers} before={d.previous.activeUsers} format={count} />
        </td>
        <td>
          <WithTrend now={d.engagementDepth} before={d.previous.engagementDepth} format={count} />
        </td>
        <td>
          <WithTrend now={d.answeredRate} before={d.previous.answeredRate} format={share} />
        </td>
        <td>
          <WithTrend
            now={d.medianMinutesToFirstAnswer}
            before={d.previous.medianMinutesToFirstAnswer}
            format={minutes}
          />
        </td>
        <td>{count(d.crossDepartmentReplies)}</td>
        <td>
          <WithTrend now={d.ideaParticipation} before={d.previous.ideaParticipation} format={share} />
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={8}>
            <DepartmentActions department={d.department} from={from} to={to} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Figures per department (5 people or more) with their trend, and each department's three next actions. */
export function DepartmentsSection({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['analytics', 'departments', from, to], queryFn: () => departmentsApi.list(from, to) });
  const departments = list.data?.items ?? [];
  return (
    <CardSection title={t('analytics.departments.title')} titleClassName="section-title">
      <p className="muted">{t('analytics.departments.hint')}</p>
      <ListStates list={list} count={departments.length} empty={<p>{t('analytics.departments.empty')}</p>}>
        <div className={styles.scroll}>
          <DataTable
            columns={[
              t('analytics.departments.department'),
              t('analytics.departments.people'),
              t('analytics.activeUsers'),
              t('analytics.engagementDepth'),
              t('analytics.answeredRate'),
              t('analytics.medianFirstAnswer'),
              t('analytics.departments.cross'),
              t('analytics.departments.ideas'),
            ]}
          >
            {departments.map((d) => (
              <Row key={d.department} d={d} from={from} to={to} />
            ))}
          </DataTable>
        </div>
      </ListStates>
    </CardSection>
  );
}
