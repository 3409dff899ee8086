import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { analyticsApi } from '../api/endpoints';
import type { GroupHealth } from '../api/types';
import { TimeSeriesChart } from '../analytics/TimeSeriesChart';
import figureStyles from '../analytics/figures.module.css';
import { KeyFigures } from '../analytics/KeyFigures';
import { useFigureFormat } from '../analytics/useFigureFormat';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, Loading } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { ListOrNone } from '../ui/ListOrNone';
import { Meter } from '../ui/Meter';
import { useGroupContext } from './GroupPage';
import { mayReadHealth } from './health';

const PERIODS = [4, 12, 26] as const;
type Part = keyof GroupHealth['scoreParts'];
/** The score's parts and weights, as documented with the api's healthScore(). */
const PARTS: [Part, number][] = [
  ['participation', 40],
  ['answered', 30],
  ['responsiveness', 15],
  ['growth', 15],
];

function Score({ health }: { health: GroupHealth }) {
  const { t } = useI18n();
  const { delta, direction } = health.trend;
  const trend =
    direction === 'flat'
      ? t('health.trend.flat', { weeks: health.weeks })
      : t(`health.trend.${direction}`, { delta: Math.abs(delta), weeks: health.weeks, previous: health.previousScore });
  return (
    <div className="card health-score">
      <p className="health-score__label">{t('health.score')}</p>
      <p className="health-score__value">{t('health.scoreValue', { score: health.score })}</p>
      <p className={`health-score__trend health-score__trend--${direction}`}>
        <span aria-hidden="true">{direction === 'up' ? '▲' : direction === 'down' ? '▼' : '＝'}</span> {trend}
      </p>
      <p className="muted">
        {t(health.score >= 70 ? 'health.verdict.good' : health.score >= 40 ? 'health.verdict.fair' : 'health.verdict.low')}
      </p>
    </div>
  );
}

function Parts({ health }: { health: GroupHealth }) {
  const { t } = useI18n();
  const { share } = useFigureFormat();
  return (
    <CardSection title={t('health.parts')}>
      <p className="muted">{t('health.partsIntro')}</p>
      {PARTS.map(([part, weight]) => (
        <Meter
          key={part}
          label={t('health.part', { name: t(`health.part.${part}`), weight })}
          value={health.scoreParts[part]}
          valueText={share(health.scoreParts[part])}
          hint={t(`health.part.${part}.hint`)}
        />
      ))}
    </CardSection>
  );
}

function Figures({ health }: { health: GroupHealth }) {
  const { t } = useI18n();
  const { count, share, minutes } = useFigureFormat();
  return (
    <KeyFigures
      label={t('health.figures')}
      items={[
        [t('health.members'), count(health.memberCount)],
        [t('health.activeMembers'), count(health.activeMembers)],
        [t('health.postsPerWeek'), count(health.postsPerWeek)],
        [t('health.repliesPerWeek'), count(health.repliesPerWeek)],
        [t('health.answeredShare'), share(health.answeredShare)],
        [t('health.medianReply'), minutes(health.medianReplyMinutes)],
        [t('health.newMembers'), count(health.newMembers)],
        [t('health.lostMembers'), count(health.lostMembers)],
      ]}
    />
  );
}

function Weeks({ health }: { health: GroupHealth }) {
  const { t } = useI18n();
  const { day } = useFigureFormat();
  const formatDate = (label: string) => (label ? t('health.weekOf', { date: day(label) }) : t('health.week'));
  const series = [
    ['posts', t('health.series.posts')],
    ['replies', t('health.series.replies')],
    ['activeMembers', t('health.series.activeMembers')],
  ] as const;
  return (
    <div className={figureStyles.charts}>
      {series.map(([key, title]) => (
        <div key={key} className="card">
          <TimeSeriesChart
            title={title}
            valueLabel={title}
            formatDate={formatDate}
            points={health.byWeek.map((w) => ({ label: w.weekStart, value: w[key] }))}
          />
        </div>
      ))}
    </div>
  );
}

function Unanswered({ health }: { health: GroupHealth }) {
  const { t, dateTime } = useI18n();
  return (
    <CardSection title={t('health.unanswered')}>
      <ListOrNone items={health.unansweredPosts} none={t('health.unansweredNone')} className="health-unanswered">
        {(post) => (
          <li key={post.postId}>
            <Link to={`/posts/${post.postId}`}>{t('health.postOf', { date: dateTime(post.createdAt) })}</Link>{' '}
            <span className="muted">· {t('health.waiting', { hours: Math.round(post.waitingHours) })}</span>
          </li>
        )}
      </ListOrNone>
    </CardSection>
  );
}

/** A group's community health for its owners and admins: the 0–100 score, what makes it, the weeks, what waits. */
export function GroupHealthTab() {
  const { t } = useI18n();
  const me = useMe();
  const { group } = useGroupContext();
  const periodId = useId();
  const [weeks, setWeeks] = useState<number>(4);
  const allowed = mayReadHealth(group, me.roles);
  const health = useQuery({
    queryKey: ['groups', 'health', group.id, weeks],
    queryFn: () => analyticsApi.groupHealth(group.id, weeks),
    enabled: allowed,
    staleTime: 60_000,
  });
  if (!allowed) return <p className="card empty">{t('group.settingsDenied')}</p>;
  return (
    <section className="stack group-health" aria-label={t('group.tab.health')}>
      <div className="card row">
        <label htmlFor={periodId} className="field__label">
          {t('health.period')}
        </label>
        <select id={periodId} value={weeks} onChange={(event) => setWeeks(Number(event.target.value))}>
          {PERIODS.map((n) => (
            <option key={n} value={n}>
              {t('health.lastWeeks', { n })}
            </option>
          ))}
        </select>
      </div>
      {health.isPending ? (
        <Loading />
      ) : health.isError ? (
        <ErrorBlock error={health.error} onRetry={() => void health.refetch()} />
      ) : (
        <>
          <div className="health-top">
            <Score health={health.data} />
            <Parts health={health.data} />
          </div>
          <Figures health={health.data} />
          <Weeks health={health.data} />
          <Unanswered health={health.data} />
        </>
      )}
    </section>
  );
}
