import type { Campaign } from '../api/types';
import { useMe } from '../auth/useSession';
import { RichText } from '../feed/PostBody';
import { useI18n } from '../i18n/I18nProvider';
import { PersonLink } from '../ui/bits';
import { StaticChips } from '../ui/Chips';
import shared from './campaign.module.css';
import styles from './CampaignHeader.module.css';
import { Countdown } from './Countdown';
import { PhaseActions } from './PhaseActions';
import { CampaignStatusBadge } from './StatusBadge';
import cards from '../ui/cards.module.css';

/** Status, the question asked, topics, the scorecard, the review panel; phase actions for the innovation team. */
export function CampaignHeader({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  const me = useMe();
  const innovation = me.roles.includes('innovation');
  return (
    <section className="card" aria-labelledby="campaign-title">
      <div className={cards.headTop}>
        <div>
          <p className={shared.status}>
            <CampaignStatusBadge status={campaign.status} />
            {campaign.isReviewer && <span className="badge badge--info">{t('campaign.youReview')}</span>}
            {campaign.status === 'open' && campaign.closesAt && <Countdown closesAt={campaign.closesAt} />}
          </p>
          <h1 id="campaign-title" className={cards.headName}>
            {campaign.title}
          </h1>
        </div>
        {innovation && <PhaseActions campaign={campaign} />}
      </div>
      <RichText text={campaign.description} className={`rich-text ${cards.headDescription}`} />
      <StaticChips label={t('campaign.topics')} items={campaign.topics} />
      <dl className={styles.facts}>
        <div>
          <dt>{t('campaign.criteria')}</dt>
          <dd>
            <ul className={styles.criteria}>
              {campaign.criteria.map((c) => (
                <li key={c.name}>
                  {c.name} <span className="muted">{t('campaign.weight', { weight: c.weight })}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('campaign.reviewers')}</dt>
          <dd>
            {campaign.reviewers.map((r, i) => (
              <span key={r.id}>
                {i > 0 && ', '}
                <PersonLink user={r} />
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('campaign.advance')}</dt>
          <dd>{t('campaign.advanceText', { n: campaign.advanceTopN })}</dd>
        </div>
      </dl>
    </section>
  );
}
