import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answer, QuestionDetail } from '../api/types';
import { updateUser } from '../auth/session';
import { answerFixture, questionFixture } from '../testing/questions';
import { answerApi, renderUi } from '../testing/render';
import { AnswerItem } from './AnswerItem';
import { HistoryLink } from './ItemEdits';
import { QuestionBody } from './QuestionPage';

const other = { id: '00000000-0000-4000-8000-0000000000c2', handle: 'olga', displayName: 'Olga Other' };
const file = { id: 'f1', name: 'plan.pdf', size: 2048, contentType: 'application/pdf', url: '/api/files/f1?exp=1&sig=x' };

const answer = (over: Partial<Answer> = {}): Answer =>
  answerFixture({ body: 'Use the VPN', bodyHtml: '<p>Use the VPN</p>', attachments: [file], voteCount: 2, ...over });

const question = (over: Partial<QuestionDetail> = {}): QuestionDetail =>
  questionFixture({
    title: 'How do I connect?',
    body: 'From home',
    bodyHtml: '<p>From home</p>',
    editedAt: new Date().toISOString(),
    topics: ['vpn'],
    ...over,
  });

afterEach(() => vi.unstubAllGlobals());

// The upload itself (XMLHttpRequest, for progress) is the api's: here it answers like the api would.
vi.mock('../api/files', async (original) =>
  (await import('../testing/uploads')).withFakeUpload(original, async (file) => ({
    id: 'f2',
    name: file.name,
    size: file.size,
    contentType: 'text/csv',
    sha256: 'b'.repeat(64),
  })),
);

describe('editing questions and answers (#14)', () => {
  it('the author adds a file while editing: it uploads at once and the save sends the whole list', async () => {
    const calls = answerApi((call) => {
      if (call.method === 'PATCH' && call.path === '/api/answers/a1') return { status: 200, body: answer({ editedAt: new Date().toISOString() }) };
      return undefined;
    });
    const q = question({ answers: [answer()] });
    const { user, qc, container } = renderUi(<ul><AnswerItem answer={q.answers[0]} question={q} /></ul>, { signedIn: true });
    qc.setQueryData(['questions', 'detail', 'q1'], q);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit' });
    expect(within(form).getByRole('button', { name: 'Attach a file' })).toBeInTheDocument();
    const picker = container.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(picker, new File(['month,sales'], 'sales.csv', { type: 'text/csv' }));
    expect(await within(form).findByRole('button', { name: 'Take sales.csv off' })).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ body: 'Use the VPN', attachmentIds: ['f1', 'f2'] }]);
  });

  it('the author edits an answer in place: text and files, PATCH with the remaining files, then the editor closes', async () => {
    const calls = answerApi((call) => {
      if (call.method === 'PATCH' && call.path === '/api/answers/a1') {
        const body = call.body as { body: string };
        return { status: 200, body: answer({ body: body.body, bodyHtml: `<p>${body.body}</p>`, editedAt: new Date().toISOString(), attachments: [] }) };
      }
      return undefined;
    });
    const q = question({ answers: [answer()] });
    const { user, qc } = renderUi(<ul><AnswerItem answer={q.answers[0]} question={q} /></ul>, { signedIn: true });
    qc.setQueryData(['questions', 'detail', 'q1'], q);
    expect(screen.queryByText('edited')).toBeNull();
    expect(screen.getByRole('link', { name: /plan\.pdf/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit' });
    const box = within(form).getByRole('textbox', { name: 'Edit' });
    expect(within(form).getByRole('toolbar', { name: 'Formatting' })).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'Use the office VPN');
    await user.click(within(form).getByRole('button', { name: 'Take plan.pdf off' }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([
      { method: 'PATCH', path: '/api/answers/a1', body: { body: 'Use the office VPN', attachmentIds: [] }, authorization: 'Bearer test-access-token' },
    ]);
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Edit' })).toBeNull();
    // The page's copy of the question now holds the edited answer (QuestionPage renders from it).
    expect(qc.getQueryData<QuestionDetail>(['questions', 'detail', 'q1'])?.answers[0]).toMatchObject({ body: 'Use the office VPN', attachments: [] });
  });

  it('someone else’s answer has no Edit or Delete, and no history for a non-moderator', () => {
    answerApi(() => undefined);
    const q = question({ asker: other, answers: [answer({ author: other, editedAt: new Date().toISOString() })] });
    renderUi(<ul><AnswerItem answer={q.answers[0]} question={q} /></ul>, { signedIn: true });
    expect(screen.getByText('edited')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit history' })).toBeNull();
  });

  it('a moderator deletes someone else’s answer and reads the edit history of the question', async () => {
    vi.stubGlobal('confirm', () => true);
    const calls = answerApi((call) => {
      if (call.method === 'DELETE' && call.path === '/api/answers/a1') return { status: 204 };
      if (call.method === 'GET' && call.path === '/api/questions/q1/history')
        return { status: 200, body: { items: [{ title: 'How connect', body: 'Old words', editedAt: new Date().toISOString(), editedBy: other }] } };
      return undefined;
    });
    const q = question({ asker: other, answers: [answer({ author: other })] });
    const { user } = renderUi(
      <>
        <QuestionBody question={q} />
        <ul>
          <AnswerItem answer={q.answers[0]} question={q} />
        </ul>
      </>,
      { signedIn: true },
    );
    act(() => updateUser({ roles: ['employee', 'moderator'] }));
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    const deletes = screen.getAllByRole('button', { name: 'Delete' });
    expect(deletes).toHaveLength(2);
    await user.click(deletes[1]);
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/answers/a1')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Edit history' }));
    expect(await screen.findByText('Old words')).toBeInTheDocument();
    expect(screen.getByText('How connect')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit history' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('the asker edits the title and text of the question, leaving its files alone', async () => {
    const calls = answerApi((call) => {
      if (call.method === 'PATCH' && call.path === '/api/questions/q1') return { status: 200, body: question({ title: 'How do I connect from home?' }) };
      return undefined;
    });
    const { user } = renderUi(<QuestionBody question={question({ attachments: [file] })} />, { signedIn: true });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const title = screen.getByRole('textbox', { name: 'Your question' });
    await user.clear(title);
    await user.type(title, 'How do I connect from home?');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ title: 'How do I connect from home?', body: 'From home' });
  });

  it('the history of an edited comment, for moderators only, from its own route', async () => {
    const calls = answerApi((call) =>
      call.path === '/api/comments/c1/history' ? { status: 200, body: { items: [] } } : undefined,
    );
    const { user } = renderUi(<HistoryLink kind="comments" id="c1" editedAt={new Date().toISOString()} />, { signedIn: true });
    expect(screen.queryByRole('button', { name: 'Edit history' })).toBeNull();
    act(() => updateUser({ roles: ['employee', 'moderator'] }));
    await user.click(screen.getByRole('button', { name: 'Edit history' }));
    expect(await screen.findByText('No earlier versions.')).toBeInTheDocument();
    expect(calls.map((c) => c.path)).toEqual(['/api/comments/c1/history']);
  });
});
