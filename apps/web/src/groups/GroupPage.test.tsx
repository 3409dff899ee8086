import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Group } from '../api/types';
import { answerApi, renderUi } from '../testing/render';
import { GroupPage } from './GroupPage';

const groupId = '00000000-0000-4000-8000-0000000000c1';
const group = (myRole: Group['myRole']): Group => ({
  id: groupId,
  name: 'Finance',
  handle: 'finance',
  description: '',
  descriptionHtml: '',
  visibility: 'public',
  memberCount: 9,
  myRole,
  createdBy: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
});

/** The group's tabs as [name, link], in order, once the group is read. */
async function tabsFor(myRole: Group['myRole']): Promise<[string, string | null][]> {
  answerApi((call) => (call.path === `/api/groups/${groupId}` ? { status: 200, body: group(myRole) } : undefined));
  renderUi(
    <Routes>
      <Route path="/groups/:id/*" element={<GroupPage />} />
    </Routes>,
    { signedIn: true, path: `/groups/${groupId}` },
  );
  const nav = await screen.findByRole('navigation', { name: 'Group sections' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => [link.textContent!, link.getAttribute('href')]);
}

describe('GroupPage', () => {
  it('says in its header whether the group is public, how many are in it and my role', async () => {
    await tabsFor('owner');
    const header = screen.getByRole('region', { name: 'Finance' });
    expect(within(header).getByText('9 members').parentElement).toHaveTextContent(/^Public9 membersOwner$/);
  });

  it('shows a member the posts and the members', async () => {
    expect(await tabsFor('member')).toEqual([
      ['Posts', `/groups/${groupId}`],
      ['Members', `/groups/${groupId}/members`],
    ]);
  });

  it('shows an owner what running the group takes too, its health last', async () => {
    expect(await tabsFor('owner')).toEqual([
      ['Posts', `/groups/${groupId}`],
      ['Members', `/groups/${groupId}/members`],
      ['Join requests', `/groups/${groupId}/requests`],
      ['Settings', `/groups/${groupId}/settings`],
      ['Reports', `/groups/${groupId}/reports`],
      ['Who helped', `/groups/${groupId}/helpers`],
      ['Health', `/groups/${groupId}/health`],
    ]);
  });
});
