import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { QueueItem } from '../api/types';
import { answerApi, renderUi } from '../testing/render';
import { CaseCard } from './CaseCard';

const item: QueueItem = {
  id: '00000000-0000-4000-8000-0000000000c1',
  reportId: '00000000-0000-4000-8000-0000000000d1',
  target: {
    type: 'post',
    id: '00000000-0000-4000-8000-0000000000b1',
    groupId: null,
    author: { id: '00000000-0000-4000-8000-0000000000a1', handle: 'ada', displayName: 'Ada Author' },
    excerpt: 'Buy cheap watches',
    state: 'visible',
    available: true,
  },
  reportCount: 1,
  reasons: ['Spam'],
  reports: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      reporter: null,
      reason: 'Spam',
      automatic: false,
      createdAt: '2026-01-01T00:00:00Z',
    },
  ],
  autoHidden: false,
  held: false,
  heldTerms: [],
  openedAt: '2026-01-01T00:00:00Z',
  lastReportedAt: '2026-01-01T00:00:00Z',
};

describe('CaseCard', () => {
  it('decides nothing by default: no choice is checked and the button waits for one', async () => {
    const calls = answerApi(() => ({ status: 200, body: { id: 'x', action: 'dismiss', state: 'visible', reportCount: 1 } }));
    const onResolved = vi.fn();
    const { user } = renderUi(<CaseCard item={item} onResolved={onResolved} />, { signedIn: true });

    for (const name of [/^Dismiss/, /^Hide/, /^Remove/]) expect(screen.getByRole('radio', { name })).not.toBeChecked();
    const waiting = screen.getByRole('button', { name: 'Choose a decision' });
    expect(waiting).toBeDisabled();
    await user.click(waiting);
    expect(calls).toHaveLength(0);

    await user.click(screen.getByRole('radio', { name: /^Dismiss/ }));
    await user.click(screen.getByRole('button', { name: 'Dismiss the reports' }));
    await vi.waitFor(() => expect(onResolved).toHaveBeenCalledWith(item.id));
    expect(calls.map((c) => [c.method, c.body])).toEqual([['POST', { action: 'dismiss' }]]);
  });
});

describe('CaseCard on a kudos', () => {
  it('names the reported content a kudos, which the server may queue like any other', () => {
    const kudos: QueueItem = { ...item, target: { ...item.target, type: 'kudos', excerpt: 'Thanks for nothing' } };
    renderUi(<CaseCard item={kudos} onResolved={vi.fn()} />, { signedIn: true });
    expect(screen.getByRole('heading', { name: /^Kudos by Ada Author/ })).toBeInTheDocument();
  });
});
