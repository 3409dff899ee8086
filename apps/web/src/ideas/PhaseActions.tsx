import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { campaignsApi } from '../api/endpoints';
import type { Campaign, CampaignStatus } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { ActionError } from '../ui/ActionError';
import { CancelButton } from '../ui/SubmitButton';
import { ideaKeys } from './cache';
import styles from './PhaseActions.module.css';

type Action = 'open' | 'advance' | 'close';
const NEXT: Partial<Record<CampaignStatus, Action>> = { draft: 'open', open: 'advance', review: 'close' };

/** The innovation team moves a campaign on: draft → open → review → closed, after a confirmation. */
export function PhaseActions({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const action = NEXT[campaign.status];
  const move = useMutation({
    mutationFn: (a: Action) => campaignsApi.transition(campaign.id, a),
    onSuccess: (updated) => {
      qc.setQueryData(ideaKeys.campaign(campaign.id), updated);
      void qc.invalidateQueries({ queryKey: ideaKeys.campaigns });
      void qc.invalidateQueries({ queryKey: ideaKeys.campaignIdeas(campaign.id) });
      setConfirming(false);
      announce(t(`campaign.status.${updated.status}`));
    },
  });
  if (!action) return null;
  return (
    <div className={styles.phase}>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={t(`phase.${action}.confirm`, { n: campaign.advanceTopN })}>
          <p>{t(`phase.${action}.confirm`, { n: campaign.advanceTopN })}</p>
          <div className="row row--end">
            <CancelButton onClick={() => setConfirming(false)} className="btn btn--ghost btn--small" autoFocus />
            <button
              type="button"
              className="btn btn--primary btn--small"
              onClick={() => move.mutate(action)}
              disabled={move.isPending}
            >
              {t(`phase.${action}`)}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn--primary" onClick={() => setConfirming(true)}>
          {t(`phase.${action}`)}
        </button>
      )}
      <ActionError error={move.error} />
    </div>
  );
}
