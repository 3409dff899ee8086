import { Link } from 'react-router';
import { campaignsApi } from '../api/endpoints';
import type { Campaign } from '../api/types';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { useTitle } from '../ui/bits';
import { PagedList } from '../ui/PagedList';
import { usePages } from '../ui/usePages';
import { ideaKeys } from './cache';
import shared from './campaign.module.css';
import styles from './CampaignsPage.module.css';
import { Countdown } from './Countdown';
import { CampaignStatusBadge } from './StatusBadge';
import cards from '../ui/cards.module.css';

function CampaignItem({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  return (
    <li className="card">
      <p className={shared.status}>
        <CampaignStatusBadge status={campaign.status} />
        {campaign.isReviewer && <span className="badge badge--info">{t('campaign.youReview')}</span>}
        {campaign.status === 'open' && campaign.closesAt && <Countdown closesAt={campaign.closesAt} />}
      </p>
      <h2 className={`${cards.title} ${cards.titleLink}`}>
        <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link>
      </h2>
      <p className={cards.description}>{campaign.description}</p>
      <p className={styles.facts}>
        <span>{t('campaign.ideas', { count: campaign.ideaCount })}</span>
        {campaign.topics.length > 0 && (
          <>
            <span aria-hidden="true"> · </span>
            <span>{campaign.topics.join(', ')}</span>
          </>
        )}
      </p>
    </li>
  );
}

/** Idea campaigns: open ones to contribute to, past ones to read; the innovation team starts new ones. */
export function CampaignsPage() {
  const { t } = useI18n();
  useTitle(t('campaigns.title'));
  const me = useMe();
  const { list, items: campaigns } = usePages(ideaKeys.campaigns, (cursor) => campaignsApi.list(cursor));
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('campaigns.title')}</h1>
          <p className="muted">{t('campaigns.intro')}</p>
        </div>
        {me.roles.includes('innovation') && (
          <Link to="/campaigns/new" className="btn btn--primary">
            {t('campaigns.create')}
          </Link>
        )}
      </div>
      <PagedList
        list={list}
        items={campaigns}
        empty={<p className="card empty">{t('campaigns.empty')}</p>}
        className={cards.list}
        more={t('campaigns.more')}
      >
        {(campaign) => <CampaignItem key={campaign.id} campaign={campaign} />}
      </PagedList>
    </div>
  );
}
