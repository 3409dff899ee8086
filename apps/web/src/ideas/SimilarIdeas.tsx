import { campaignsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { SimilarTitles } from '../ui/SimilarTitles';
import { ideaKeys } from './cache';
import { IdeaStatusBadge } from './StatusBadge';

/** While a title is typed: ideas already submitted with a similar title, to vote for instead. */
export function SimilarIdeas({ campaignId, title, id }: { campaignId: string; title: string; id: string }) {
  const { t } = useI18n();
  return (
    <SimilarTitles
      id={id}
      title={title}
      heading={t('submit.similar')}
      queryKey={(q) => ideaKeys.similar(campaignId, q)}
      find={(q, signal) => campaignsApi.similar(campaignId, q, signal)}
      href={(idea) => `/ideas/${idea.id}`}
      details={(idea) => (
        <>
          <span className="muted">· {t('idea.votes', { count: idea.voteCount })}</span>{' '}
          {idea.status !== 'submitted' && <IdeaStatusBadge status={idea.status} />}
        </>
      )}
    />
  );
}
