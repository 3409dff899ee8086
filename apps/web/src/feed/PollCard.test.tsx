import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Poll, Post } from '../api/types';
import { NO_GUIDELINES, postFixture, useFirstCachedPost } from '../testing/posts';
import { answerApi, me, renderUi, type ApiCall } from '../testing/render';
import { keys, patchPost, type PostPages } from './cache';
import { Composer } from './Composer';
import { PollCard } from './PollCard';
import { tickPoll, withCounts } from './poll-state';

const [tea, coffee, water] = [
  '00000000-0000-4000-8000-0000000000a1',
  '00000000-0000-4000-8000-0000000000a2',
  '00000000-0000-4000-8000-0000000000a3',
];

const poll = (change: Partial<Poll> = {}): Poll => ({
  id: '00000000-0000-4000-8000-0000000000f1',
  question: 'What do we drink?',
  options: [
    { id: tea, text: 'Tea', votes: 1 },
    { id: coffee, text: 'Coffee', votes: 3 },
    { id: water, text: 'Water', votes: 0 },
  ],
  multiple: false,
  closesAt: null,
  closed: false,
  totalVoters: 4,
  myVotes: [],
  ...change,
});

const post = (p: Poll): Post =>
  postFixture({
    author: { id: '00000000-0000-4000-8000-0000000000ee', handle: 'sam', displayName: 'Sam' },
    body: 'Team drinks',
    poll: p,
  });

/** The poll as the feed shows it: read from the cache that votes and live events patch. */
function FromCache() {
  const current = useFirstCachedPost();
  return current?.poll ? <PollCard post={current} poll={current.poll} /> : null;
}

function renderPoll(p: Poll) {
  const rendered = renderUi(<FromCache />, { signedIn: true });
  rendered.qc.setQueryData<PostPages>(keys.feed('home'), { pages: [{ items: [post(p)], nextCursor: null }], pageParams: [null] });
  return rendered;
}

const percentOf = (optionId: string) => screen.getByTestId(`poll-percent-${optionId}`).textContent;

describe('PollCard', () => {
  it('votes with one choice, then shows the results with percentages and my choice marked', async () => {
    const calls = answerApi((call) =>
      call.method === 'PUT'
        ? {
            status: 200,
            body: poll({
              options: [
                { id: tea, text: 'Tea', votes: 2 },
                { id: coffee, text: 'Coffee', votes: 3 },
                { id: water, text: 'Water', votes: 0 },
              ],
              totalVoters: 5,
              myVotes: [tea],
            }),
          }
        : undefined,
    );
    const { user } = renderPoll(poll());
    const region = await screen.findByRole('region', { name: 'What do we drink?' });
    expect(within(region).getByText('One choice')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Vote' })).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: 'Tea' }));
    await user.click(screen.getByRole('radio', { name: 'Coffee' }));
    expect(screen.getByRole('radio', { name: 'Tea' })).not.toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Tea' }));
    await user.click(screen.getByRole('button', { name: 'Vote' }));
    expect(await screen.findByText('Your vote is counted.')).toBeInTheDocument();
    expect(calls).toEqual([
      {
        method: 'PUT',
        path: `/api/posts/${post(poll()).id}/poll/vote`,
        body: { optionIds: [tea] },
        authorization: 'Bearer test-access-token',
      },
    ]);
    expect(percentOf(tea)).toBe('40%');
    expect(percentOf(coffee)).toBe('60%');
    expect(percentOf(water)).toBe('0%');
    expect(screen.getByText(/your choice/).closest('li')).toHaveTextContent('Tea');
    expect(screen.getByText('5 voters')).toBeInTheDocument();
  });

  it('takes several choices in a multiple-choice poll, and changes a vote', async () => {
    const calls = answerApi((call) =>
      call.method === 'PUT'
        ? { status: 200, body: poll({ multiple: true, myVotes: (call.body as { optionIds: string[] }).optionIds }) }
        : undefined,
    );
    const { user } = renderPoll(poll({ multiple: true, myVotes: [coffee] }));
    // Already voted: results first, and the way to change.
    await user.click(await screen.findByRole('button', { name: 'Change my vote' }));
    expect(screen.getByRole('checkbox', { name: 'Coffee' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Water' }));
    await user.click(screen.getByRole('checkbox', { name: 'Coffee' }));
    await user.click(screen.getByRole('checkbox', { name: 'Tea' }));
    await user.click(screen.getByRole('button', { name: 'Vote' }));
    await screen.findByRole('button', { name: 'Change my vote' });
    expect(calls.map((c) => c.body)).toEqual([{ optionIds: [water, tea] }]);
  });

  it('withdraws a vote with DELETE', async () => {
    const calls = answerApi((call) =>
      call.method === 'DELETE' ? { status: 200, body: poll({ totalVoters: 3, myVotes: [] }) } : undefined,
    );
    const { user } = renderPoll(poll({ myVotes: [coffee] }));
    await user.click(await screen.findByRole('button', { name: 'Withdraw my vote' }));
    expect(await screen.findByRole('radio', { name: 'Coffee' })).not.toBeChecked();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`DELETE /api/posts/${post(poll()).id}/poll/vote`]);
  });

  it('moves with live counts (poll.voted) and keeps my choice', async () => {
    answerApi(() => undefined);
    const { qc } = renderPoll(poll({ myVotes: [tea] }));
    expect(await screen.findByTestId(`poll-percent-${tea}`)).toHaveTextContent('25%');
    act(() => {
      tickPoll(post(poll()).id);
      patchPost(qc, post(poll()).id, (p) =>
        withCounts(p, {
          id: poll().id,
          options: [
            { id: tea, votes: 3 },
            { id: coffee, votes: 3 },
            { id: water, votes: 0 },
          ],
          totalVoters: 6,
          closed: false,
        }),
      );
    });
    // The cache tells its readers on the next tick.
    await waitFor(() => expect(percentOf(tea)).toBe('50%'));
    expect(screen.getByText('6 voters')).toBeInTheDocument();
    expect(screen.getByText(/your choice/).closest('li')).toHaveTextContent('Tea');
  });

  it('shows a closed poll as results only, with no way to vote', async () => {
    answerApi(() => undefined);
    renderPoll(poll({ closed: true, closesAt: new Date(Date.now() - 60_000).toISOString() }));
    expect(await screen.findByText('Poll closed')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Vote' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change my vote' })).toBeNull();
    expect(percentOf(coffee)).toBe('75%');
  });

  it('says why when the api refuses (a poll closed meanwhile)', async () => {
    answerApi(() => ({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'This poll is closed', code: 'poll_closed' },
    }));
    const { user } = renderPoll(poll());
    await user.click(await screen.findByRole('radio', { name: 'Water' }));
    await user.click(screen.getByRole('button', { name: 'Vote' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This poll is closed: votes can no longer change.');
  });
});

describe('Composer with a poll', () => {
  it('adds a poll with options, several choices and a closing time, sent with the post', async () => {
    const calls = answerApi((call: ApiCall) => {
      if (call.path === '/api/guidelines') return { status: 200, body: NO_GUIDELINES };
      if (call.method === 'POST')
        return { status: 201, body: { ...post(poll()), author: { id: me.id, handle: me.handle, displayName: me.displayName } } };
      return undefined;
    });
    const { user } = renderUi(<Composer />, { signedIn: true });
    await user.type(screen.getByRole('textbox', { name: 'Share something with your colleagues' }), 'Where do we go?');
    await user.click(screen.getByRole('button', { name: 'Add a poll' }));
    const editor = screen.getByRole('group', { name: 'Poll' });
    await user.type(within(editor).getByRole('textbox', { name: 'Question (optional)' }), 'Offsite venue');
    await user.type(within(editor).getByRole('textbox', { name: 'Option 1' }), 'Lyon');
    // One option only: the post cannot go yet, and the editor says why.
    expect(screen.getByRole('button', { name: 'Post' })).toBeDisabled();
    expect(within(editor).getByText('A poll needs at least two options.')).toBeInTheDocument();
    await user.type(within(editor).getByRole('textbox', { name: 'Option 2' }), 'lyon ');
    expect(within(editor).getByText('Two options are the same.')).toBeInTheDocument();
    await user.clear(within(editor).getByRole('textbox', { name: 'Option 2' }));
    await user.type(within(editor).getByRole('textbox', { name: 'Option 2' }), 'Nantes');
    await user.click(within(editor).getByRole('button', { name: 'Add an option' }));
    await user.type(within(editor).getByRole('textbox', { name: 'Option 3' }), 'Lille');
    await user.click(within(editor).getByRole('checkbox', { name: 'Allow several choices' }));
    const closing = new Date(Date.now() + 7 * 86_400_000);
    const local = new Date(closing.getTime() - closing.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    const closesInput = within(editor).getByLabelText('Closes at (optional)');
    await user.type(closesInput, local);
    await user.click(screen.getByRole('button', { name: 'Post' }));
    expect(await screen.findByText('Your post is published.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      body: 'Where do we go?',
      poll: {
        question: 'Offsite venue',
        options: ['Lyon', 'Nantes', 'Lille'],
        multiple: true,
        closesAt: new Date(local).toISOString(),
      },
    });
    // The editor is gone with the published post.
    expect(screen.queryByRole('group', { name: 'Poll' })).toBeNull();
  });
});
