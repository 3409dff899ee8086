import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { campaignsApi } from '../api/endpoints';
import figures from '../analytics/figures.module.css';
import type { Campaign, CampaignFigures } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { rememberPeople } from '../people/known';
import { ErrorBlock, Loading, PersonLink } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { Meter } from '../ui/Meter';
import { ideaKeys } from './cache';
import { IdeaStatusBadge, useScoreFormat } from './StatusBadge';

const TOP = 5;
const COUNTS: (keyof CampaignFigures)[] = ['participants', 'ideas', 'votes', 'comments', 'reviews'];
/** The funnel, each stage out of the ideas submitted. */
const FUNNEL: (keyof CampaignFigures)[] = ['reviewed', 'inReview', 'selected', 'implemented', 'rejected'];

/** A campaign at a glance: participation, the funnel from idea to implementation, and the top ideas. */
export function CampaignSummary({ campaign }: { campaign: Campaign }) {
  const { t, lang } = useI18n();
  const score = useScoreFormat();
  const numbers = new Intl.NumberFormat(lang);
  const summary = useQuery({
    queryKey: ideaKeys.summary(campaign.id),
    queryFn: async () => {
      const found = await campaignsApi.summary(campaign.id, TOP);
      rememberPeople(found.leaderboard.map((entry) => entry.author));
      return found;
    },
  });
  return (
    <CardSection title={t('summary.title')} className="card stack campaign-summary">
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorBlock error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <>
          <dl className={`${figures.kpis} ${figures.compact}`}>
            {COUNTS.map((key) => (
              <div key={key} className={figures.kpi}>
                <dt className={figures.label}>{t(`summary.${key}`)}</dt>
                <dd className={figures.value}>{numbers.format(summary.data.figures[key])}</dd>
              </div>
            ))}
          </dl>
          <div className="stack" role="group" aria-label={t('summary.funnel')}>
            <h3 className="section-title">{t('summary.funnel')}</h3>
            {FUNNEL.map((key) => (
              <Meter
                key={key}
                label={t(`summary.${key}`)}
                value={summary.data.figures[key]}
                max={Math.max(1, summary.data.figures.ideas)}
                valueText={t('summary.ofIdeas', { n: summary.data.figures[key], total: summary.data.figures.ideas })}
              />
            ))}
            {summary.data.figures.merged > 0 && (
              <p className="muted">{t('summary.merged', { count: summary.data.figures.merged })}</p>
            )}
          </div>
          <div className="stack">
            <h3 className="section-title">{t('summary.leaderboard')}</h3>
            {summary.data.leaderboard.length === 0 ? (
              <p className="muted">{t('ideas.empty')}</p>
            ) : (
              <ol className="leaderboard">
                {summary.data.leaderboard.map((entry) => (
                  <li key={entry.id} className="leaderboard__item">
                    <span className="leaderboard__rank" aria-hidden="true">
                      {entry.rank}
                    </span>
                    <span className="leaderboard__main">
                      <Link to={`/ideas/${entry.id}`}>{entry.title}</Link>{' '}
                      <span className="muted">
                        · <PersonLink user={entry.author} /> · {t('idea.votes', { count: entry.voteCount })}
                        {entry.reviewScore !== null && <> · {t('idea.scoreShort', { score: score(entry.reviewScore) })}</>}
                      </span>{' '}
                      {entry.status !== 'submitted' && <IdeaStatusBadge status={entry.status} />}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </>
      )}
    </CardSection>
  );
}
