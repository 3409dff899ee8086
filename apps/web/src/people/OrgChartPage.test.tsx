import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { OrgChart, OrgPerson } from '../api/org';
import { startSession } from '../auth/session';
import { answerApi, me, renderUi } from '../testing/render';
import { OrgChartPage } from './OrgChartPage';

const person = (id: string, displayName: string, over: Partial<OrgPerson> = {}): OrgPerson => ({
  id,
  handle: displayName.toLowerCase(),
  displayName,
  title: '',
  department: '',
  location: '',
  reportsCount: 0,
  ...over,
});
const ceo = person('00000000-0000-4000-8000-0000000000c1', 'Cécile', { title: 'CEO', reportsCount: 1 });
const cto = person('00000000-0000-4000-8000-0000000000c2', 'Tom', { title: 'CTO', reportsCount: 1, deactivated: true });
const lead = person('00000000-0000-4000-8000-0000000000c3', 'Léa', { title: 'Team lead', department: 'R&D', reportsCount: 2 });
const dev = person('00000000-0000-4000-8000-0000000000c4', 'Dev', { title: 'Engineer' });
const dev2 = person('00000000-0000-4000-8000-0000000000c5', 'Dora');

const charts: Record<string, OrgChart> = {
  [lead.id]: { person: lead, managers: [cto, ceo], reports: [dev, dev2], moreReports: false },
  [dev.id]: { person: dev, managers: [lead, cto, ceo], reports: [], moreReports: false },
};

function renderChart(id: string, extra: (call: { method: string; path: string; body: unknown }) => { status: number; body?: unknown } | undefined = () => undefined) {
  const calls = answerApi((call) => {
    const answer = extra(call);
    if (answer) return answer;
    const match = /^\/api\/users\/([^/]+)\/org$/.exec(call.path);
    const chart = match && charts[decodeURIComponent(match[1])];
    return call.method === 'GET' && chart ? { status: 200, body: chart } : undefined;
  });
  const rendered = renderUi(
    <Routes>
      <Route path="/people/:id/org" element={<OrgChartPage />} />
    </Routes>,
    { signedIn: true, path: `/people/${id}/org` },
  );
  return { ...rendered, calls };
}

describe('OrgChartPage', () => {
  it('shows the managers from the top, the person, and their reports; a deactivated manager says so', async () => {
    renderChart(lead.id);
    expect(await screen.findByRole('heading', { name: 'Org chart of Léa' })).toBeTruthy();
    const chain = screen.getByRole('navigation', { name: 'Managers, from the top' });
    const links = within(chain).getAllByRole('link').map((a) => a.textContent);
    // Top first, then the reports; the person themself is not a link to their own chart.
    expect(links).toEqual(['Cécile', 'Tom', 'Profile', 'Dev', 'Dora']);
    expect(within(chain).getByText('deactivated')).toBeTruthy();
    expect(screen.getByText('Team lead · R&D')).toBeTruthy();
    expect(screen.getByText('2 direct reports')).toBeTruthy();
    expect(chain.querySelector('[aria-current="page"]')?.textContent).toContain('Léa');
  });

  it('is walked with the keyboard: Tab to a report and Enter opens the chart around them', async () => {
    const { user } = renderChart(lead.id);
    await screen.findByRole('heading', { name: 'Org chart of Léa' });
    const target = screen.getByRole('link', { name: 'Dev' });
    while (document.activeElement !== target) await user.tab();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Org chart of Dev' })).toBeTruthy();
    expect(screen.getByText('No one reports to Dev.')).toBeTruthy();
  });

  it('an unknown person is a page that does not exist', async () => {
    renderChart('00000000-0000-4000-8000-00000000dead');
    expect(await screen.findByText(/not found|does not exist|no longer/i)).toBeTruthy();
  });

  it('an admin clears the manager from the chart', async () => {
    let cleared = false;
    const after = { ...charts[lead.id], managers: [] };
    const { user, calls } = renderChart(lead.id, (call) => {
      if (call.method === 'PUT') {
        cleared = true;
        return { status: 200, body: after };
      }
      return cleared && call.path === `/api/users/${lead.id}/org` ? { status: 200, body: after } : undefined;
    });
    startSession({ user: { ...me, roles: ['employee', 'admin'] }, accessToken: 'test-access-token', refreshToken: 'r', expiresIn: 3600 });
    const form = await screen.findByRole('form', { name: 'Set the manager' });
    // The current manager is the picker's one choice; removing it and saving clears the manager.
    await user.click(within(form).getByRole('button', { name: /Tom/ }));
    await user.click(within(form).getByRole('button', { name: 'Save the manager' }));
    expect(await screen.findByText('Manager saved.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({ path: `/api/admin/users/${lead.id}/manager`, body: { managerId: null } });
    expect(within(screen.getByRole('navigation', { name: 'Managers, from the top' })).queryByText('Cécile')).toBeNull();
  });

  it('employees do not see the manager form', async () => {
    renderChart(lead.id);
    await screen.findByRole('heading', { name: 'Org chart of Léa' });
    expect(screen.queryByRole('form', { name: 'Set the manager' })).toBeNull();
  });
});
