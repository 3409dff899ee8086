import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { analyticsApi } from '../api/endpoints';
import type { DayStats } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, Loading } from '../ui/bits';
import { errorText } from '../ui/errors';
import { Field } from '../ui/Field';
import { InlineError } from '../ui/InlineError';
import styles from './AnalyticsPage.module.css';
import { DepartmentsSection } from './DepartmentsSection';
import { EmailsAvoidedSection } from './EmailsAvoidedSection';
import figures from './figures.module.css';
import { IdeaFunnel } from './IdeaFunnel';
import { KeyFigures } from './KeyFigures';
import { TimeSeriesChart } from './TimeSeriesChart';
import { useFigureFormat } from './useFigureFormat';

const day = (date: Date) => date.toISOString().slice(0, 10);
const SERIES = ['activeUsers', 'posts', 'comments', 'questions', 'answers', 'ideas'] as const satisfies (keyof DayStats)[];

/** Adoption and value KPIs over a period, the series by day, and the CSV export (admin, innovation). */
export function AnalyticsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [to, setTo] = useState(() => day(new Date()));
  const [from, setFrom] = useState(() => day(new Date(Date.now() - 29 * 86_400_000)));
  const [exportError, setExportError] = useState<string | null>(null);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const overview = useQuery({
    queryKey: ['analytics', from, to],
    queryFn: () => analyticsApi.overview(from, to),
    enabled: valid,
  });
  const format = useFigureFormat();
  const formatDate = (label: string) => (label ? format.day(label) : t('analytics.day'));

  async function download() {
    setExportError(null);
    try {
      const blob = await analyticsApi.exportCsv(from, to);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `ruche-analytics-${from}-${to}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setExportError(errorText(error, i18n));
    }
  }

  const o = overview.data;
  const kpis: [string, string][] = o
    ? [
        [t('analytics.activeUsers'), format.count(o.activeUsers)],
        [t('analytics.posts'), format.count(o.posts)],
        [t('analytics.comments'), format.count(o.comments)],
        [t('analytics.reactions'), format.count(o.reactions)],
        [t('analytics.questions'), format.count(o.questions)],
        [t('analytics.answeredRate'), format.share(o.answeredRate)],
        [t('analytics.medianFirstAnswer'), format.minutes(o.medianMinutesToFirstAnswer)],
        [t('analytics.ideas'), format.count(o.ideas.submitted)],
        [t('analytics.votes'), format.count(o.votes)],
        [t('analytics.engagementDepth'), format.count(o.engagementDepth)],
        [t('analytics.emailsAvoided'), format.count(o.estimatedEmailsAvoided)],
      ]
    : [];

  return (
    <div className="stack analytics">
      <form
        className={`card row ${styles.period}`}
        onSubmit={(event) => event.preventDefault()}
        aria-label={t('analytics.period')}
      >
        <Field type="date" label={t('analytics.from')} value={from} onValueChange={setFrom} max={to} />
        <Field type="date" label={t('analytics.to')} value={to} onValueChange={setTo} min={from} />
        <button type="button" className="btn btn--secondary" onClick={() => void download()} disabled={!valid}>
          {t('analytics.export')}
        </button>
      </form>
      <InlineError>{exportError}</InlineError>
      {!valid ? (
        <p className="inline-error">{t('analytics.invalid')}</p>
      ) : overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorBlock error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <KeyFigures items={kpis} />
          <div className={figures.charts}>
            <div className="card">
              <IdeaFunnel ideas={o!.ideas} />
            </div>
            {SERIES.map((series) => (
              <div key={series} className="card">
                <TimeSeriesChart
                  title={t(`analytics.${series}`)}
                  valueLabel={t(`analytics.${series}`)}
                  formatDate={formatDate}
                  points={o!.byDay.map((d) => ({ label: d.date, value: d[series] }))}
                />
              </div>
            ))}
          </div>
          <EmailsAvoidedSection overview={o!} formatDate={formatDate} />
          <DepartmentsSection from={from} to={to} />
        </>
      )}
    </div>
  );
}
