import { Link } from 'react-router';
import type { Idea } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ModerationBadge } from '../moderation/ModerationBadge';
import { PersonLink, RelativeTime } from '../ui/bits';
import { Icon } from '../ui/icons';
import { IdeaStatusBadge, useScoreFormat } from './StatusBadge';
import cards from '../ui/cards.module.css';
import styles from './IdeaCard.module.css';
import { VoteButton } from './VoteButton';

/** One idea in a campaign's list: votes, title (to its page), author, status, comments, score. */
export function IdeaCard({ idea, open }: { idea: Idea; open: boolean }) {
  const { t } = useI18n();
  const score = useScoreFormat();
  const headingId = `idea-${idea.id}`;
  return (
    <article className={`card ${styles.idea}`} aria-labelledby={headingId}>
      <VoteButton idea={idea} open={open} />
      <div className={styles.main}>
        <h3 className={`${styles.title} ${cards.titleLink}`} id={headingId}>
          <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
        </h3>
        <p className={styles.meta}>
          <PersonLink user={idea.author} /> <span aria-hidden="true">·</span> <RelativeTime iso={idea.createdAt} />
        </p>
        <p className={styles.facts}>
          {idea.status !== 'submitted' && <IdeaStatusBadge status={idea.status} />}
          <ModerationBadge marker={idea.moderation} />
          <span className={styles.fact}>
            <Icon name="comment" />
            {t('post.comments', { count: idea.commentCount })}
          </span>
          {idea.reviewScore !== null && (
            <span className={styles.fact}>{t('idea.scoreShort', { score: score(idea.reviewScore) })}</span>
          )}
        </p>
      </div>
    </article>
  );
}
