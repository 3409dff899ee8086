import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { EmailsAvoidedSection } from './EmailsAvoidedSection';

describe('EmailsAvoidedSection', () => {
  it('shows the formula in words with its terms, and the email the bridge still carries', () => {
    renderUi(
      <EmailsAvoidedSection
        formatDate={(d) => d}
        overview={{
          estimatedEmailsAvoided: 14,
          emailsAvoidedFormula: {
            version: 2,
            terms: { postsReachingReaders: 2, announcementsAcknowledged: 2, questionsAnsweredInOpen: 2, replies: 8 },
            postMinReaders: 1,
          },
          emailBridge: { sent: 3, received: 2, repliesByEmail: 1, postsByEmail: 0 },
          byDay: [
            { date: '2026-12-05', emailsSent: 1, emailsReceived: 0 },
            { date: '2026-12-06', emailsSent: 2, emailsReceived: 2 },
          ],
        }}
      />,
    );
    expect(screen.getByRole('heading', { name: '14 emails avoided (estimate)' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'Formula v2: 14 = P + K + Q + R, with P = 2 posts that reached readers, K = 2 announcements read, Q = 2 questions answered in the open, R = 8 replies.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Emails sent').nextElementSibling).toHaveTextContent('3');
    expect(screen.getByText('Emails received').nextElementSibling).toHaveTextContent('2');
  });

  it('says nothing about a formula an older api does not send', () => {
    renderUi(<EmailsAvoidedSection formatDate={(d) => d} overview={{ estimatedEmailsAvoided: 13, byDay: [] }} />);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });
});
