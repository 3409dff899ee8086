import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { campaignsApi } from '../api/endpoints';
import type { CampaignInput } from '../api/types';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { useTitle } from '../ui/bits';
import { RoleRequired } from '../admin/RoleRequired';
import { ideaKeys } from './cache';
import { CampaignForm } from './CampaignForm';

/** A new campaign (a draft, opened from its page): the question, topics, scorecard, panel, how many advance. */
export function CreateCampaignPage() {
  const { t } = useI18n();
  useTitle(t('campaigns.create'));
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();

  if (!me.roles.includes('innovation')) return <RoleRequired roles={['innovation']} />;

  async function create(input: CampaignInput) {
    const campaign = await campaignsApi.create(input);
    qc.setQueryData(ideaKeys.campaign(campaign.id), campaign);
    void qc.invalidateQueries({ queryKey: ideaKeys.campaigns });
    announce(t('campaignForm.created'));
    void navigate(`/campaigns/${campaign.id}`);
  }

  return (
    <div className="narrow">
      <h1 className="page-title">{t('campaigns.create')}</h1>
      <CampaignForm
        onSave={create}
        submitLabel={t('campaignForm.submit')}
        cancel={
          <Link to="/campaigns" className="btn btn--ghost">
            {t('common.cancel')}
          </Link>
        }
      />
    </div>
  );
}
