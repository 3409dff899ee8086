import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EmailSuppression } from '../api/types';
import { answerApi, renderUi } from '../testing/render';
import { EmailSuppressionsAdmin } from './EmailSuppressionsAdmin';

const entry = (address: string, source: EmailSuppression['source'] = 'bounce'): EmailSuppression => ({
  address,
  reason: '550 5.1.1 mailbox unknown',
  source,
  createdAt: '2026-12-05T10:00:00.000Z',
});

describe('EmailSuppressionsAdmin', () => {
  it('lists suppressed addresses page by page and lifts one', async () => {
    let lifted = false;
    const calls = answerApi((call) => {
      if (call.method === 'GET' && call.path === '/api/admin/email/suppressions?limit=50')
        return { status: 200, body: { items: lifted ? [] : [entry('gone@corp.example')], nextCursor: lifted ? null : 'c1' } };
      if (call.method === 'GET' && call.path === '/api/admin/email/suppressions?limit=50&cursor=c1')
        return { status: 200, body: { items: [entry('old@corp.example', 'send')], nextCursor: null } };
      if (call.method === 'DELETE' && call.path === '/api/admin/email/suppressions/gone%40corp.example') {
        lifted = true;
        return { status: 204 };
      }
      return undefined;
    });
    const { user } = renderUi(<EmailSuppressionsAdmin />, { signedIn: true });
    expect(await screen.findByText('gone@corp.example')).toBeTruthy();
    expect(screen.getByText('Bounce: 550 5.1.1 mailbox unknown')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('old@corp.example')).toBeTruthy();
    expect(screen.getByText('Refused when sending: 550 5.1.1 mailbox unknown')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Send email to gone@corp.example again' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
    expect(await screen.findByText('No suppressed address: every email is being sent.')).toBeTruthy();
  });
});
