import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DepartmentDashboard, DepartmentStats } from '../api/types';
import { answerApi, renderUi } from '../testing/render';
import { DepartmentsSection } from './DepartmentsSection';

const finance: DepartmentStats = {
  department: 'Finance',
  people: 5,
  activeUsers: 4,
  engagementDepth: 1.5,
  questions: 3,
  answeredRate: 0.6667,
  medianMinutesToFirstAnswer: 12,
  crossDepartmentReplies: 2,
  crossDepartmentShare: 0.5,
  ideaParticipation: 0.2,
  previous: { activeUsers: 2, engagementDepth: null, answeredRate: null, medianMinutesToFirstAnswer: null, ideaParticipation: 0 },
};

const dashboard: DepartmentDashboard = {
  ...finance,
  from: '2026-11-07',
  to: '2026-12-06',
  actions: {
    topics: ['budget'],
    unansweredQuestions: [
      {
        id: '00000000-0000-4000-8000-0000000000c1',
        title: 'Budget template for 2027?',
        topics: ['budget'],
        createdAt: '2026-12-01T10:00:00Z',
      },
    ],
    fallingGroups: [],
    possibleMentors: [
      { user: { id: '00000000-0000-4000-8000-0000000000d1', handle: 'fay', displayName: 'Fay Finance' }, topics: ['budget'] },
    ],
  },
};

describe('DepartmentsSection', () => {
  it('shows each department with its trend, and its next actions when opened', async () => {
    answerApi((call) => {
      if (call.path.startsWith('/api/analytics/departments?'))
        return { status: 200, body: { from: 'x', to: 'y', smallestDepartment: 5, items: [finance] } };
      if (call.path.startsWith('/api/analytics/departments/Finance?')) return { status: 200, body: dashboard };
      return undefined;
    });
    const { user } = renderUi(<DepartmentsSection from="2026-11-07" to="2026-12-06" />, { signedIn: true });
    const row = (await screen.findByRole('button', { name: 'Finance' })).closest('tr')!;
    expect(within(row).getByText('before: 2')).toBeTruthy();
    expect(within(row).getByText('67%')).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Finance' }));
    expect((await screen.findByRole('link', { name: 'Budget template for 2027?' })).getAttribute('href')).toBe(
      '/questions/00000000-0000-4000-8000-0000000000c1',
    );
    expect(screen.getByRole('link', { name: 'Fay Finance' })).toBeTruthy();
    expect(screen.getByText('Nothing to do here.')).toBeTruthy();
  });
});
