import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { TopicPageData } from '../api/types';
import { answerApi, renderUi } from '../testing/render';
import { TopicPage } from './TopicPage';

const eve = { id: '00000000-0000-4000-8000-0000000000c1', handle: 'eve', displayName: 'Eve Expert' };
const eveAsExpert = { ...eve, title: 'Platform engineer', department: 'Engineering', location: 'Lyon' };

const page = (following: boolean): TopicPageData => ({
  topic: 'terraform',
  label: 'Terraform',
  experts: [{ user: eveAsExpert, score: 3, reasons: ['Lists Terraform as a skill', 'Badge: Helper'] }],
  openQuestions: [],
  recentAnswers: [
    {
      id: 'a1',
      questionId: 'q1',
      questionTitle: 'How do I import state?',
      author: eve,
      voteCount: 1,
      accepted: false,
      createdAt: new Date().toISOString(),
    },
  ],
  followers: following ? 1 : 0,
  helpers: 0,
  following,
  helping: null,
});

describe('TopicPage', () => {
  it('shows the experts with their reasons and the recent answers, and follows the topic', async () => {
    let following = false;
    const calls = answerApi((call) => {
      if (call.method === 'GET' && call.path === '/api/topics/terraform') return { status: 200, body: page(following) };
      if (call.method === 'PUT' && call.path === '/api/topics/terraform/follow') {
        following = true;
        return { status: 204 };
      }
      return undefined;
    });
    const { user } = renderUi(
      <Routes>
        <Route path="/topics/:topic" element={<TopicPage />} />
      </Routes>,
      { signedIn: true, path: '/topics/terraform' },
    );
    expect(await screen.findByRole('heading', { name: 'Terraform' })).toBeInTheDocument();
    expect(screen.getByText(/Lists Terraform as a skill · Badge: Helper/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'How do I import state?' })).toHaveAttribute('href', '/questions/q1');
    expect(screen.getByText('No open questions on this topic.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Follow this topic' }));
    expect(await screen.findByRole('button', { name: 'Following' })).toHaveAttribute('aria-pressed', 'true');
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([
      { method: 'PUT', path: '/api/topics/terraform/follow', body: undefined, authorization: 'Bearer test-access-token' },
    ]);
  });
});
