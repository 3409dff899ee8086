import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { announcementFixture } from '../testing/announcements';
import { answerApi, renderUi } from '../testing/render';
import { PinnedAnnouncements } from './PinnedAnnouncements';

const announcement = (id: string, title: string) =>
  announcementFixture({
    id,
    title,
    body: 'The office is closed on Friday.\nPlan ahead.',
    author: { id: '00000000-0000-4000-8000-0000000000a1', handle: 'hr', displayName: 'Hannah HR' },
    recipientCount: 40,
    isRecipient: true,
  });

const closure = announcement('00000000-0000-4000-8000-0000000000b1', 'Office closed Friday');
const policy = announcement('00000000-0000-4000-8000-0000000000b2', 'New travel policy');

describe('PinnedAnnouncements', () => {
  it('pins what is unread for me above the feed, each with who sent it', async () => {
    const calls = answerApi((call) =>
      call.path.startsWith('/api/announcements?')
        ? { status: 200, body: { items: [closure, policy], nextCursor: null } }
        : undefined,
    );
    renderUi(<PinnedAnnouncements />, { signedIn: true });
    const region = await screen.findByRole('region', { name: 'Must-read announcements' });
    expect(within(region).getByRole('heading', { name: 'Office closed Friday' })).toBeInTheDocument();
    expect(within(region).getByRole('heading', { name: 'New travel policy' })).toBeInTheDocument();
    expect(within(region).getAllByText('From Hannah HR')).toHaveLength(2);
    expect(calls[0]).toMatchObject({ method: 'GET', path: '/api/announcements?pinned=true&limit=20' });
  });

  it('marking one read sends the acknowledgement and unpins it; nothing is shown once all are read', async () => {
    const calls = answerApi((call) => {
      if (call.method === 'GET') return { status: 200, body: { items: [closure], nextCursor: null } };
      if (call.path === `/api/announcements/${closure.id}/ack`)
        return { status: 200, body: { ...closure, acknowledgedAt: new Date().toISOString() } };
      return undefined;
    });
    const { user } = renderUi(<PinnedAnnouncements />, { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Mark as read' }));
    expect(calls.at(-1)).toEqual({
      method: 'POST',
      path: `/api/announcements/${closure.id}/ack`,
      body: undefined,
      authorization: 'Bearer test-access-token',
    });
    expect(screen.queryByRole('region', { name: 'Must-read announcements' })).not.toBeInTheDocument();
  });

  it('shows nothing when nothing is pinned', async () => {
    const calls = answerApi(() => ({ status: 200, body: { items: [], nextCursor: null } }));
    renderUi(<PinnedAnnouncements />, { signedIn: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Must-read announcements' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
