import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MentoringRequest } from '../api/types';
import { answerApi, me, renderUi } from '../testing/render';
import { MentoringRequests } from './MentoringRequests';

const mentor = { id: '00000000-0000-4000-8000-0000000000d1', handle: 'fay', displayName: 'Fay Finance' };
const request = (id: string, label: string): MentoringRequest => ({
  id,
  skill: label.toLowerCase(),
  label,
  note: '',
  status: 'paired',
  mentee: { id: me.id, handle: me.handle, displayName: me.displayName },
  mentor,
  createdAt: '2026-12-01T09:00:00.000Z',
  pairedAt: '2026-12-01T10:00:00.000Z',
  closedAt: null,
  confirmedAt: null,
});

describe('MentoringRequests', () => {
  it('lists my requests as mentee with my mentor, and the next page on "show more"', async () => {
    const calls = answerApi((call) =>
      call.path.startsWith('/api/mentoring/requests?role=mentee')
        ? call.path.includes('cursor=')
          ? { status: 200, body: { items: [request('00000000-0000-4000-8000-0000000000e2', 'Audit')], nextCursor: null } }
          : { status: 200, body: { items: [request('00000000-0000-4000-8000-0000000000e1', 'Budget')], nextCursor: 'c1' } }
        : undefined,
    );
    const { user } = renderUi(<MentoringRequests role="mentee" />, { signedIn: true });
    const section = await screen.findByRole('region', { name: 'My requests' });
    expect(await within(section).findByRole('heading', { name: 'Budget' })).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Fay Finance' })).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Show more requests' }));
    expect(await within(section).findByRole('heading', { name: 'Audit' })).toBeInTheDocument();
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
    expect(calls.map((c) => c.path)).toHaveLength(2);
  });

  it('says so when I have asked for no mentor yet', async () => {
    answerApi(() => ({ status: 200, body: { items: [], nextCursor: null } }));
    renderUi(<MentoringRequests role="mentee" />, { signedIn: true });
    expect(await screen.findByText('You have not asked for a mentor yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
