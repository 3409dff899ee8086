import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NotificationPreferences as Prefs } from '../api/types';
import { answerApi, renderUi } from '../testing/render';
import { NotificationPreferences } from './NotificationPreferences';

const prefs = (over: Partial<Prefs> = {}): Prefs => ({
  items: [
    { kind: 'mention', enabled: true, email: true, push: false },
    { kind: 'comment', enabled: true, email: false, push: false },
  ],
  digestEmail: true,
  emailConfigured: true,
  ...over,
});

describe('NotificationPreferences', () => {
  it('shows an email checkbox beside each kind when the server sends email, and saves only that choice', async () => {
    let current = prefs();
    const calls = answerApi((call) => {
      if (call.path !== '/api/notifications/preferences') return undefined;
      if (call.method === 'PUT') {
        const body = call.body as { preferences?: Partial<Prefs['items'][number]>[]; digestEmail?: boolean };
        current = {
          ...current,
          items: current.items.map((p) => ({ ...p, ...(body.preferences?.find((c) => c.kind === p.kind) ?? {}) })),
          ...(body.digestEmail === undefined ? {} : { digestEmail: body.digestEmail }),
        };
      }
      return { status: 200, body: current };
    });
    const { user } = renderUi(<NotificationPreferences />, { signedIn: true });
    const commentByEmail = await screen.findByRole('checkbox', { name: 'Comments on my posts and threads, by email' });
    expect((commentByEmail as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Someone mentions me, by email' }) as HTMLInputElement).checked).toBe(true);

    await user.click(commentByEmail);
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { preferences: [{ kind: 'comment', email: true }] },
    ]);
    expect(
      ((await screen.findByRole('checkbox', { name: 'Comments on my posts and threads, by email' })) as HTMLInputElement).checked,
    ).toBe(true);
    // The in-app choice is left alone.
    expect((screen.getByRole('checkbox', { name: 'Comments on my posts and threads' }) as HTMLInputElement).checked).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: 'The daily digest by email' }));
    expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ digestEmail: false });
  });

  it('shows no email choice when the server sends no email', async () => {
    answerApi(() => ({ status: 200, body: prefs({ emailConfigured: false }) }));
    renderUi(<NotificationPreferences />, { signedIn: true });
    expect(await screen.findByRole('checkbox', { name: 'Someone mentions me' })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /by email/ })).toBeNull();
  });
});
