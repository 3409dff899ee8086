import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TrainingPath } from '../api/types';
import { answerApi, me, renderUi } from '../testing/render';
import { TrainingPage } from './TrainingPage';

const path = (done: boolean[]): TrainingPath => ({
  id: '00000000-0000-4000-8000-0000000000a1',
  title: 'Welcome to the company',
  description: 'Your first days',
  audience: 'newcomers',
  groupId: null,
  status: 'published',
  publishedAt: new Date().toISOString(),
  createdBy: { id: me.id, handle: me.handle, displayName: me.displayName },
  canManage: false,
  steps: [
    {
      id: '00000000-0000-4000-8000-0000000000b1',
      position: 1,
      kind: 'read',
      title: 'How we work',
      body: 'We post in the open.',
      groupId: null,
      done: done[0],
    },
    {
      id: '00000000-0000-4000-8000-0000000000b2',
      position: 2,
      kind: 'first_question',
      title: 'Ask a question',
      body: '',
      groupId: null,
      done: done[1],
    },
  ],
  progress: { enrolled: true, done: done.filter(Boolean).length, total: 2, completedAt: null },
});

describe('TrainingPage', () => {
  it('shows my paths as checklists, links each step to where it is done, and ticks a reading step', async () => {
    const calls = answerApi((call) => {
      if (call.method === 'GET' && call.path === '/api/me/training')
        return { status: 200, body: { items: [path([false, false])] } };
      if (call.method === 'POST' && call.path.endsWith('/steps/00000000-0000-4000-8000-0000000000b1/complete')) {
        return { status: 200, body: path([true, false]) };
      }
      return undefined;
    });
    const { user } = renderUi(<TrainingPage />, { signedIn: true });
    const card = await screen.findByRole('region', { name: 'Welcome to the company' });
    expect(within(card).getByText('0 of 2 steps done', { selector: 'p' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Ask a first question' }).getAttribute('href')).toBe('/questions/ask');

    await user.click(within(card).getByRole('button', { name: 'Mark as read' }));
    expect(await within(card).findByText('1 of 2 steps done', { selector: 'p' })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Mark as read' })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('says so when I follow no path', async () => {
    answerApi((call) => (call.path === '/api/me/training' ? { status: 200, body: { items: [] } } : undefined));
    renderUi(<TrainingPage />, { signedIn: true });
    expect(await screen.findByText('You are not following any training path yet.')).toBeTruthy();
  });
});
