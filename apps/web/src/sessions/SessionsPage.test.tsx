import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SignedInSession } from '../api/sessions';
import { answerApi, renderUi } from '../testing/render';
import { SessionsPage } from './SessionsPage';

const session = (id: string, device: string, current = false): SignedInSession => ({
  id,
  device,
  userAgent: null,
  address: '10.0.0.7',
  createdAt: '2026-12-01T08:00:00.000Z',
  lastSeenAt: '2026-12-05T10:00:00.000Z',
  expiresAt: '2027-01-01T00:00:00.000Z',
  current,
});

describe('SessionsPage', () => {
  it('lists where you are signed in, this device marked, and signs one out', async () => {
    let phoneGone = false;
    const calls = answerApi((call) => {
      if (call.method === 'GET' && call.path === '/api/me/sessions') {
        const items = [session('s1', 'Firefox 131 on Linux', true), ...(phoneGone ? [] : [session('s2', 'Safari 17 on iOS')])];
        return { status: 200, body: { items, nextCursor: null } };
      }
      if (call.method === 'DELETE' && call.path === '/api/me/sessions/s2') {
        phoneGone = true;
        return { status: 204 };
      }
      return undefined;
    });
    const { user } = renderUi(<SessionsPage />, { signedIn: true });
    expect(await screen.findByText('Safari 17 on iOS')).toBeTruthy();
    expect(screen.getByText('This device')).toBeTruthy();
    // This device cannot be signed out from the list (that is what "Sign out" in the menu is for).
    expect(screen.queryByRole('button', { name: 'Sign out Firefox 131 on Linux' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sign out Safari 17 on iOS' }));
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/me/sessions/s2')).toBe(true);
    expect(await screen.findByText('Safari 17 on iOS was signed out.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign out everywhere else' })).toBeNull();
  });

  it('signs out everywhere else', async () => {
    let others = true;
    const calls = answerApi((call) => {
      if (call.method === 'GET' && call.path === '/api/me/sessions') {
        const items = [
          session('s1', 'Firefox 131 on Linux', true),
          ...(others ? [session('s2', 'Chrome 130 on Windows'), session('s3', 'curl/8.5.0')] : []),
        ];
        return { status: 200, body: { items, nextCursor: null } };
      }
      if (call.method === 'POST' && call.path === '/api/me/sessions/revoke-others') {
        others = false;
        return { status: 200, body: { revoked: 2 } };
      }
      return undefined;
    });
    const { user } = renderUi(<SessionsPage />, { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere else' }));
    expect(await screen.findByText('Signed out of 2 other sessions.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(screen.queryByText('curl/8.5.0')).toBeNull();
  });
});
