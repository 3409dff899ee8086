import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { peopleApi } from '../api/endpoints';
import type { Question } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import styles from './AskQuestionPage.module.css';

/**
 * Who a question was sent to, and why (#17): an expert, a helper, a follower of the topic, one of
 * the department's most active answerers. The asker sees it after asking and on the question.
 */
export function WhoWasAsked({ question }: { question: Pick<Question, 'routedTo' | 'routing'> }) {
  const { t } = useI18n();
  const people = useQueries({
    queries: question.routedTo.map((userId) => ({ queryKey: ['profile', userId], queryFn: () => peopleApi.get(userId) })),
  });
  const why = new Map((question.routing ?? []).map((r) => [r.userId, r]));
  return (
    <ul className={styles.routed} aria-label={t('asked.title')}>
      {question.routedTo.map((userId, i) => {
        const person = people[i]?.data;
        const route = why.get(userId);
        return (
          <li key={userId}>
            {person ? (
              <Link to={`/people/${person.id}`}>{person.displayName}</Link>
            ) : (
              <span className="muted">{t('common.loading')}</span>
            )}
            {route && (
              <span className="muted">
                {' · '}
                {t(`asked.reason.${route.reason}`, { detail: route.detail })}
                {route.round > 1 && ` · ${t('asked.round', { round: route.round })}`}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
