import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { campaignsApi, ideasApi } from '../api/endpoints';
import { isMissing } from '../api/errors';
import type { Campaign, IdeaDetail, IdeaStatus } from '../api/types';
import { useMe } from '../auth/useSession';
import { LinkCards } from '../feed/LinkCards';
import { RichText } from '../feed/PostBody';
import { useI18n } from '../i18n/I18nProvider';
import { ModerationBadge } from '../moderation/ModerationBadge';
import { rememberPeople } from '../people/known';
import { useResync, useRoom } from '../realtime/RealtimeProvider';
import { Loading, PageError, PersonLink, RelativeTime, useTitle } from '../ui/bits';
import { ideaKeys } from './cache';
import { DecisionForm, decisionsFor } from './DecisionForm';
import { IdeaComments } from './IdeaComments';
import styles from './IdeaPage.module.css';
import { ImplementationPanel } from './Implementation';
import { MergeIdea } from './MergeIdea';
import { Reviews } from './Reviews';
import { ReviewForm } from './ReviewForm';
import { IdeaStatusBadge } from './StatusBadge';
import { VoteButton } from './VoteButton';

// The decisions worth a colour; the others keep the neutral box.
const DECISION_TONE: Partial<Record<IdeaStatus, string>> = {
  selected: styles.chosen,
  implemented: styles.chosen,
  rejected: styles.rejected,
};

function Decided({ idea }: { idea: IdeaDetail }) {
  const { t } = useI18n();
  if (!idea.rationale && !idea.decidedBy) return null;
  return (
    <div className={`${styles.decision} ${DECISION_TONE[idea.status] ?? ''}`}>
      <p className="decision__head">
        <strong>{t(`idea.status.${idea.status}`)}</strong>
        {idea.decidedBy && (
          <>
            {' '}
            <span className="muted">
              · {t('decision.by')} <PersonLink user={idea.decidedBy} />
              {idea.decidedAt && (
                <>
                  {' '}
                  · <RelativeTime iso={idea.decidedAt} />
                </>
              )}
            </span>
          </>
        )}
      </p>
      {idea.rationale && <p className={`rich-text ${styles.rationale}`}>{idea.rationale}</p>}
    </div>
  );
}

function IdeaMain({ idea, campaign }: { idea: IdeaDetail; campaign?: Campaign }) {
  const { t } = useI18n();
  return (
    <article className="card idea-main" aria-labelledby="idea-title">
      <div className={styles.top}>
        <VoteButton idea={idea} open={campaign?.status === 'open'} size="lg" />
        <div className={styles.head}>
          <p>
            <IdeaStatusBadge status={idea.status} /> <ModerationBadge marker={idea.moderation} />
          </p>
          <h1 id="idea-title" className={styles.title}>
            {idea.title}
          </h1>
          <p className={styles.meta}>
            {t('idea.by')} <PersonLink user={idea.author} /> <span aria-hidden="true">·</span>{' '}
            <RelativeTime iso={idea.createdAt} />
          </p>
        </div>
      </div>
      {idea.mergedInto && (
        <p className={`notice ${styles.merged}`}>
          {t('idea.mergedNotice')} <Link to={`/ideas/${idea.mergedInto}`}>{t('idea.mergedLink')}</Link>
        </p>
      )}
      <RichText text={idea.body} html={idea.bodyHtml} className={`rich-text ${styles.body}`} />
      <LinkCards items={idea.linkPreviews} />
      <Decided idea={idea} />
    </article>
  );
}

/** One idea: vote, the decision and its rationale, expert reviews (and the scorecard for reviewers), comments. */
export function IdeaPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const idea = useQuery({
    queryKey: ideaKeys.idea(id),
    queryFn: async () => {
      const found = await ideasApi.get(id);
      rememberPeople([found.author, ...found.reviews.map((r) => r.reviewer)]);
      return found;
    },
  });
  const campaignId = idea.data?.campaignId;
  const campaign = useQuery({
    queryKey: ideaKeys.campaign(campaignId ?? ''),
    queryFn: () => campaignsApi.get(campaignId!),
    enabled: !!campaignId,
  });
  useTitle(idea.data?.title ?? t('idea.title'));
  useRoom(idea.data ? `idea:${id}` : null);
  useResync(() => void qc.invalidateQueries({ queryKey: ideaKeys.idea(id) }));

  if (idea.isPending) return <Loading />;
  if (idea.isError) {
    // It was on screen and moderation has since taken it out of sight (it may come back live).
    if (isMissing(idea.error) && idea.data) {
      return (
        <div className="narrow idea-page">
          <p className="card empty" role="status">
            {t('idea.unavailable')} <Link to={`/campaigns/${idea.data.campaignId}`}>{t('idea.backToCampaign')}</Link>
          </p>
        </div>
      );
    }
    return <PageError error={idea.error} onRetry={() => void idea.refetch()} />;
  }
  const i = idea.data;
  const c = campaign.data;
  const criteria = c?.criteria ?? [];
  const mayReview = !!c?.isReviewer && i.status === 'in_review' && !i.reviews.some((r) => r.reviewer.id === me.id);
  const innovation = me.roles.includes('innovation');
  const mayDecide = innovation && (c?.status === 'review' || c?.status === 'closed') && decisionsFor(i).length > 0;
  const mayMerge = innovation && c?.status === 'open' && i.status === 'submitted' && !i.moderation;

  return (
    <div className="narrow idea-page">
      <p className="crumbs">
        <Link to="/campaigns">{t('campaigns.title')}</Link>
        {c && (
          <>
            <span aria-hidden="true"> › </span>
            <Link to={`/campaigns/${c.id}`}>{c.title}</Link>
          </>
        )}
      </p>
      <IdeaMain idea={i} campaign={c} />
      <ImplementationPanel idea={i} canEdit={innovation} />
      {mayDecide && <DecisionForm key={i.status} idea={i} />}
      {mayMerge && <MergeIdea idea={i} />}
      <Reviews idea={i} criteria={criteria} />
      {mayReview && criteria.length > 0 && <ReviewForm idea={i} criteria={criteria} />}
      <IdeaComments ideaId={i.id} />
    </div>
  );
}
