import { useI18n } from '../i18n/I18nProvider';
import { TimeSeriesChart } from './TimeSeriesChart';
import figures from './figures.module.css';
import { KeyFigures } from './KeyFigures';

/** The emails-avoided figure's formula (versioned by the api) and what the email bridge still carries. */
export interface EmailsAvoidedFigures {
  estimatedEmailsAvoided: number;
  emailsAvoidedFormula?: {
    version: number;
    terms: { postsReachingReaders: number; announcementsAcknowledged: number; questionsAnsweredInOpen: number; replies: number };
    postMinReaders: number;
  };
  emailBridge?: { sent: number; received: number; repliesByEmail: number; postsByEmail: number };
  byDay: { date: string; emailsSent?: number; emailsReceived?: number }[];
}

/**
 * Next to the number, the formula in words with this period's terms (#13), and the email Ruche
 * still carries in and out, per day: the trend of email down and Ruche up.
 */
export function EmailsAvoidedSection({
  overview,
  formatDate,
}: {
  overview: EmailsAvoidedFigures;
  formatDate(label: string): string;
}) {
  const { t } = useI18n();
  const formula = overview.emailsAvoidedFormula;
  const bridge = overview.emailBridge;
  if (!formula || !bridge) return null;
  const { terms } = formula;
  return (
    <section className="card stack" aria-labelledby="emails-avoided">
      <h2 id="emails-avoided">{t('analytics.emailsAvoided.title', { count: overview.estimatedEmailsAvoided })}</h2>
      <p>
        {t('analytics.emailsAvoided.formula', {
          version: formula.version,
          total: overview.estimatedEmailsAvoided,
          p: terms.postsReachingReaders,
          k: terms.announcementsAcknowledged,
          q: terms.questionsAnsweredInOpen,
          r: terms.replies,
        })}
      </p>
      <p className="muted">{t('analytics.emailsAvoided.terms', { readers: formula.postMinReaders })}</p>
      <h3>{t('analytics.bridge.title')}</h3>
      <KeyFigures
        items={[
          [t('analytics.bridge.sent'), bridge.sent],
          [t('analytics.bridge.received'), bridge.received],
        ]}
      />
      <div className={figures.charts}>
        {(['emailsSent', 'emailsReceived'] as const).map((series) => (
          <div key={series} className="card">
            <TimeSeriesChart
              title={t(`analytics.bridge.${series}`)}
              valueLabel={t(`analytics.bridge.${series}`)}
              formatDate={formatDate}
              points={overview.byDay.map((d) => ({ label: d.date, value: d[series] ?? 0 }))}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
