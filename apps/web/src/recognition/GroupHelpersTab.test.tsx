import { screen } from '@testing-library/react';
import { Outlet, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Group } from '../api/types';
import { answerApi, renderUi } from '../testing/render';
import { GroupHelpersTab } from './GroupHelpersTab';

const groupId = '00000000-0000-4000-8000-0000000000c1';
const alice = { id: '00000000-0000-4000-8000-0000000000c2', handle: 'alice', displayName: 'Alice' };
const group = (myRole: Group['myRole']) =>
  ({ id: groupId, name: 'Finance', visibility: 'public', memberCount: 9, myRole }) as Group;

const inGroupPage = (myRole: Group['myRole']) => (
  <Routes>
    <Route path="/groups/:id" element={<Outlet context={{ group: group(myRole) }} />}>
      <Route path="helpers" element={<GroupHelpersTab />} />
    </Route>
  </Routes>
);

describe('GroupHelpersTab', () => {
  it('reads the month in the URL and shows the helpers with what counted, and when it was sent', async () => {
    const calls = answerApi((call) =>
      call.path.startsWith(`/api/groups/${groupId}/helpers`)
        ? {
            status: 200,
            body: {
              groupId,
              month: '2026-10',
              from: '2026-10-01T00:00:00.000Z',
              to: '2026-11-01T00:00:00.000Z',
              sentAt: '2026-11-01T06:00:00.000Z',
              items: [
                {
                  user: alice,
                  score: 6,
                  kudos: 1,
                  threadsHelped: 0,
                  reactionsReceived: 3,
                  reasons: [
                    { reason: 'kudos', count: 1 },
                    { reason: 'reactionsReceived', count: 3 },
                  ],
                },
              ],
            },
          }
        : undefined,
    );
    renderUi(inGroupPage('owner'), { signedIn: true, path: `/groups/${groupId}/helpers?month=2026-10` });
    expect(await screen.findByText('1 kudos · 3 people reacted to their posts')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alice' })).toBeInTheDocument();
    expect(screen.getByText('6 points')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Sent to the owners and admins on');
    expect(screen.getByLabelText('Month')).toHaveValue('2026-10');
    expect(calls.map((c) => c.path)).toEqual([`/api/groups/${groupId}/helpers?month=2026-10`]);
  });

  it('asks nothing and says who may see it to a member who does not run the group', async () => {
    const calls = answerApi(() => undefined);
    renderUi(inGroupPage('member'), { signedIn: true, path: `/groups/${groupId}/helpers` });
    expect(await screen.findByText('Only the group’s owners and admins can see who helped.')).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
