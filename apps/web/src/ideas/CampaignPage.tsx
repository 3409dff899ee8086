import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { campaignsApi } from '../api/endpoints';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { rememberPeople } from '../people/known';
import { useResync, useRoom } from '../realtime/RealtimeProvider';
import { Loading, PageError, useTitle } from '../ui/bits';
import { CampaignHeader } from './CampaignHeader';
import { ideaKeys } from './cache';
import { CampaignSummary } from './CampaignSummary';
import { EditCampaign } from './EditCampaign';
import { IdeaList } from './IdeaList';
import { SubmitIdeaForm } from './SubmitIdeaForm';

/**
 * A campaign: what it asks, then its ideas with live votes (sorting and voting are what most people
 * come for, so they lead, #16), the form to submit one a click away while the campaign is open, and
 * the campaign's figures after the ideas.
 */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const campaign = useQuery({
    queryKey: ideaKeys.campaign(id),
    queryFn: async () => {
      const c = await campaignsApi.get(id);
      rememberPeople(c.reviewers);
      return c;
    },
  });
  useTitle(campaign.data?.title ?? t('campaigns.title'));
  useRoom(campaign.data ? `campaign:${id}` : null);
  // Room events are not replayed after a reconnect: read again what is on screen.
  useResync(() => {
    void qc.invalidateQueries({ queryKey: ideaKeys.campaign(id) });
    void qc.invalidateQueries({ queryKey: ideaKeys.campaignIdeas(id) });
  });

  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <PageError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  return (
    <div className="narrow campaign-page">
      <p className="crumbs">
        <Link to="/campaigns">{t('campaigns.title')}</Link>
      </p>
      {c.status === 'draft' && me.roles.includes('innovation') ? (
        <EditCampaign key={c.id} campaign={c} header={<CampaignHeader campaign={c} />} />
      ) : (
        <CampaignHeader campaign={c} />
      )}
      {c.status === 'open' && (
        <div className="row">
          <button
            type="button"
            className={submitting ? 'btn' : 'btn btn--primary'}
            aria-expanded={submitting}
            aria-controls="submit-idea"
            onClick={() => setSubmitting((open) => !open)}
          >
            {submitting ? t('campaign.submitClose') : t('campaign.submitOpen')}
          </button>
        </div>
      )}
      {c.status === 'open' && submitting && (
        <div id="submit-idea">
          <SubmitIdeaForm campaign={c} />
        </div>
      )}
      {c.status === 'draft' && <p className="notice">{t('campaign.draftNotice')}</p>}
      <IdeaList campaign={c} />
      {c.status !== 'draft' && <CampaignSummary campaign={c} />}
    </div>
  );
}
