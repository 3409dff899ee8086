import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { campaignsApi } from '../api/endpoints';
import type { Campaign, CampaignInput } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { CancelButton } from '../ui/SubmitButton';
import { ideaKeys } from './cache';
import { CampaignForm } from './CampaignForm';

/** The innovation team edits a draft campaign in place (the api refuses once it is open). */
export function EditCampaign({ campaign, header }: { campaign: Campaign; header: ReactNode }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => button.current?.focus());
  };

  async function save(input: CampaignInput) {
    const updated = await campaignsApi.update(campaign.id, input);
    qc.setQueryData(ideaKeys.campaign(campaign.id), updated);
    void qc.invalidateQueries({ queryKey: ideaKeys.campaigns });
    announce(t('campaignEdit.saved'));
    close();
  }

  if (editing) {
    return (
      <section aria-labelledby="campaign-edit-title">
        <h1 id="campaign-edit-title" className="page-title">
          {t('campaignEdit.title')}
        </h1>
        <CampaignForm
          initial={campaign}
          onSave={save}
          submitLabel={t('campaignEdit.submit')}
          cancel={<CancelButton onClick={close} />}
        />
      </section>
    );
  }
  return (
    <>
      {header}
      <div className="row row--end">
        <button type="button" ref={button} className="btn btn--secondary" onClick={() => setEditing(true)}>
          {t('campaignEdit.open')}
        </button>
      </div>
    </>
  );
}
