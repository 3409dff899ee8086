import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { campaignsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import similarStyles from '../ui/Similar.module.css';
import { useDebounced } from '../ui/useDebounced';
import { ideaKeys } from './cache';
import { IdeaStatusBadge } from './StatusBadge';

/** While a title is typed: ideas already submitted with a similar title, to vote for instead. */
export function SimilarIdeas({ campaignId, title, id }: { campaignId: string; title: string; id: string }) {
  const { t } = useI18n();
  const q = useDebounced(title.trim(), 350);
  const similar = useQuery({
    queryKey: ideaKeys.similar(campaignId, q),
    queryFn: ({ signal }) => campaignsApi.similar(campaignId, q, signal),
    enabled: q.length >= 3,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const items = q.length >= 3 ? (similar.data?.items ?? []) : [];
  return (
    <div className={similarStyles.similar} id={id} aria-live="polite">
      {items.length > 0 && (
        <>
          <p className={similarStyles.title} id={`${id}-title`}>
            {t('submit.similar')}
          </p>
          <ul className={similarStyles.list} aria-labelledby={`${id}-title`}>
            {items.map((idea) => (
              <li key={idea.id}>
                <Link to={`/ideas/${idea.id}`} target="_blank" rel="noopener">
                  {idea.title}
                </Link>{' '}
                <span className="muted">· {t('idea.votes', { count: idea.voteCount })}</span>{' '}
                {idea.status !== 'submitted' && <IdeaStatusBadge status={idea.status} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
