import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { ReviewQueue } from './ReviewQueue';

describe('ReviewQueue', () => {
  it('says there is nothing to review, with no "more", once an empty queue is read', async () => {
    const calls = answerApi((call) =>
      call.path.startsWith('/api/moderation/queue') ? { status: 200, body: { items: [], nextCursor: null } } : undefined,
    );
    renderUi(<ReviewQueue />, { signedIn: true });
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(await screen.findByText('Nothing to review. Reported content will appear here.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(calls.map((c) => c.path)).toEqual(['/api/moderation/queue?limit=20']);
  });

  it('says why the queue could not be read, with a retry', async () => {
    answerApi(() => ({ status: 500, body: { message: 'boom' } }));
    renderUi(<ReviewQueue />, { signedIn: true });
    expect(await screen.findByRole('button', { name: /try again/i })).toBeInTheDocument();
  });
});
