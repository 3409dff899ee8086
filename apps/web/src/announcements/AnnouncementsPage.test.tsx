import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { announcementFixture } from '../testing/announcements';
import { answerApi, renderUi } from '../testing/render';
import { AnnouncementsPage } from './AnnouncementsPage';

const mine = announcementFixture();
const theirs = announcementFixture({
  id: '00000000-0000-4000-8000-0000000000c2',
  title: 'Fire drill on Monday',
  author: { id: '00000000-0000-4000-8000-0000000000a9', handle: 'ops', displayName: 'Olga Ops' },
  isRecipient: true,
});

describe('AnnouncementsPage', () => {
  it('lists mine, the unread marked; the ones I wrote lead to their receipts; no publish form for an employee', async () => {
    answerApi((call) => (call.method === 'GET' ? { status: 200, body: { items: [theirs, mine], nextCursor: null } } : undefined));
    renderUi(<AnnouncementsPage />, { signedIn: true });
    expect(await screen.findByRole('heading', { name: 'Fire drill on Monday' })).toBeInTheDocument();
    expect(screen.getByText('From Olga Ops · not read yet')).toBeInTheDocument();
    const links = screen.getAllByRole('link', { name: 'Read receipts' });
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', `/announcements/${mine.id}/receipts`);
    expect(screen.queryByRole('button', { name: 'Publish' })).not.toBeInTheDocument();
  });
});
