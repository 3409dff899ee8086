import type { CampaignStatus, IdeaStatus } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

const CAMPAIGN_TONE: Record<CampaignStatus, string> = { draft: 'muted', open: 'ok', review: 'info', closed: 'muted' };
const IDEA_TONE: Record<IdeaStatus, string> = {
  submitted: 'muted',
  in_review: 'info',
  not_selected: 'muted',
  selected: 'ok',
  rejected: 'danger',
  implemented: 'ok',
  merged: 'muted',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--${CAMPAIGN_TONE[status]}`}>{t(`campaign.status.${status}`)}</span>;
}

export function IdeaStatusBadge({ status }: { status: IdeaStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--${IDEA_TONE[status]}`}>{t(`idea.status.${status}`)}</span>;
}

/** A review score (1..5) with one decimal, in the UI language. */
export function useScoreFormat(): (score: number) => string {
  const { lang } = useI18n();
  const format = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (score) => format.format(score);
}
