import type { Criterion, IdeaDetail, Review } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { Avatar, PersonLink, RelativeTime } from '../ui/bits';
import styles from './Reviews.module.css';
import { useScoreFormat } from './StatusBadge';

function ReviewItem({ review, criteria }: { review: Review; criteria: Criterion[] }) {
  const { t } = useI18n();
  const score = useScoreFormat();
  const names = criteria.length ? criteria.map((c) => c.name) : Object.keys(review.scores);
  return (
    <li className={styles.review}>
      <div className={styles.reviewHead}>
        <Avatar user={review.reviewer} size="sm" />
        <p className={styles.who}>
          <PersonLink user={review.reviewer} /> <span aria-hidden="true">·</span> <RelativeTime iso={review.createdAt} />
        </p>
        <p className={styles.score}>{t('review.score', { score: score(review.score) })}</p>
      </div>
      <dl className={styles.scores}>
        {names.map((name) => (
          <div key={name} className={styles.scoresItem}>
            <dt>{name}</dt>
            <dd>{t('review.outOf5', { n: review.scores[name] ?? '–' })}</dd>
          </div>
        ))}
      </dl>
      <p className="rich-text review__comment">{review.comment}</p>
    </li>
  );
}

/** Expert reviews, public by design: the weighted score and every scorecard. */
export function Reviews({ idea, criteria }: { idea: IdeaDetail; criteria: Criterion[] }) {
  const { t } = useI18n();
  const score = useScoreFormat();
  return (
    <section className="card" aria-labelledby="reviews-title">
      <div className={styles.head}>
        <h2 id="reviews-title" className="card__title">
          {t('review.title')}
        </h2>
        <p className={styles.summary}>
          {idea.reviewScore === null
            ? t('review.noScore')
            : t('review.summary', { score: score(idea.reviewScore), count: idea.reviewCount })}
        </p>
      </div>
      {idea.reviews.length === 0 ? (
        <p className="muted">{idea.status === 'in_review' ? t('review.awaiting') : t('review.none')}</p>
      ) : (
        <ul className={styles.reviews}>
          {idea.reviews.map((review) => (
            <ReviewItem key={review.id} review={review} criteria={criteria} />
          ))}
        </ul>
      )}
    </section>
  );
}
