import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Answer, LinkPreview, QuestionDetail } from '../api/types';
import { answerFixture, questionFixture } from '../testing/questions';
import { renderUi } from '../testing/render';
import { AnswerItem } from './AnswerItem';
import { QuestionBody } from './QuestionPage';

const card = (n: string): LinkPreview => ({
  url: `https://example.org/${n}`,
  host: 'example.org',
  title: `Page ${n}`,
  description: null,
  siteName: null,
});

const answer = (over: Partial<Answer> = {}): Answer =>
  answerFixture({ body: 'See https://example.org/a', bodyHtml: '<p>See https://example.org/a</p>', ...over });

const question = (over: Partial<QuestionDetail> = {}): QuestionDetail =>
  questionFixture({
    title: 'Is this current?',
    body: 'See https://example.org/q',
    bodyHtml: '<p>See https://example.org/q</p>',
    topics: ['docs'],
    ...over,
  });

describe('link cards on questions and answers (#14)', () => {
  it('shows the question’s and the answer’s cards under their text', () => {
    const q = question({ linkPreviews: [card('q')], answers: [answer({ linkPreviews: [card('a')] })] });
    renderUi(
      <>
        <QuestionBody question={q} />
        <ul>
          <AnswerItem answer={q.answers[0]!} question={q} />
        </ul>
      </>,
      { signedIn: true },
    );
    const lists = screen.getAllByRole('list', { name: 'Link previews' });
    expect(lists).toHaveLength(2);
    expect(within(lists[0]!).getByRole('link', { name: /Page q/ })).toHaveAttribute('href', 'https://example.org/q');
    expect(within(lists[1]!).getByRole('link', { name: /Page a/ })).toHaveAttribute('href', 'https://example.org/a');
  });

  it('shows no card list while none is fetched', () => {
    const q = question({ answers: [answer()] });
    renderUi(<QuestionBody question={q} />, { signedIn: true });
    expect(screen.queryByRole('list', { name: 'Link previews' })).toBeNull();
  });
});
