import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { questionsApi } from '../api/endpoints';
import type { Question } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { PersonLink, RelativeTime, useTitle } from '../ui/bits';
import { StaticChips } from '../ui/Chips';
import { PagedList } from '../ui/PagedList';
import { InlineSearch } from '../ui/SearchBox';
import { useDebounced } from '../ui/useDebounced';
import { usePages } from '../ui/usePages';
import { questionKeys, type QuestionsView } from './cache';
import { QuestionStatusBadge } from './QuestionStatusBadge';
import cards from '../ui/cards.module.css';
import facts from './question.module.css';
import styles from './QuestionsPage.module.css';

function QuestionItem({ question }: { question: Question }) {
  const { t } = useI18n();
  return (
    <li className={`card ${styles.item}`}>
      <h2 className={cards.title}>
        <Link to={`/questions/${question.id}`}>{question.title}</Link>
      </h2>
      <p className={`${facts.facts} muted`}>
        <QuestionStatusBadge status={question.status} />
        <span>{t('questions.answers', { count: question.answerCount })}</span>
        <span>
          {t('questions.askedBy')} <PersonLink user={question.asker} /> · <RelativeTime iso={question.createdAt} />
        </span>
      </p>
      <StaticChips label={t('questions.topics')} items={question.topics} />
    </li>
  );
}

const VIEWS: QuestionsView[] = ['open', 'answered', 'me'];

/** Questions, newest first: open, answered, or routed to me; by topic. */
export function QuestionsPage() {
  const { t } = useI18n();
  useTitle(t('questions.title'));
  const [params] = useSearchParams();
  const view = (VIEWS as string[]).includes(params.get('view') ?? '') ? (params.get('view') as QuestionsView) : 'open';
  const [text, setText] = useState('');
  const topic = useDebounced(text.trim(), 300);
  const { list, items: questions } = usePages(questionKeys.list(view, topic), (cursor) =>
    questionsApi.list({ status: view === 'me' ? undefined : view, forMe: view === 'me', topic: topic || undefined }, cursor),
  );

  return (
    <div className="narrow">
      <div className="page-head">
        <h1 className="page-title">{t('questions.title')}</h1>
        <div className="row">
          <Link to="/experts" className="btn btn--secondary">
            {t('experts.title')}
          </Link>
          <Link to="/questions/ask" className="btn btn--primary">
            {t('questions.ask')}
          </Link>
        </div>
      </div>
      <nav className="tabs" aria-label={t('questions.tabs')}>
        {VIEWS.map((v) => (
          <Link
            key={v}
            to={v === 'open' ? '/questions' : `/questions?view=${v}`}
            className={view === v ? 'tabs__tab active' : 'tabs__tab'}
            aria-current={view === v ? 'page' : undefined}
          >
            {t(`questions.tab.${v}`)}
          </Link>
        ))}
      </nav>
      <InlineSearch label={t('questions.topicFilter')} value={text} onValueChange={setText} maxLength={60} />
      <PagedList
        list={list}
        items={questions}
        empty={<p className="card empty">{view === 'me' ? t('questions.emptyMe') : t('questions.empty')}</p>}
        className={cards.list}
        more={t('questions.more')}
      >
        {(question) => <QuestionItem key={question.id} question={question} />}
      </PagedList>
    </div>
  );
}
