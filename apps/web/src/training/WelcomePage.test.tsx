import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Profile, Suggestions } from '../api/types';
import { profileFixture } from '../testing/people';
import { answerApi, me, renderUi } from '../testing/render';
import { WelcomePage } from './WelcomePage';

const PETE = '00000000-0000-4000-8000-0000000000c1';
const suggestions: Suggestions = {
  colleagues: [
    { id: PETE, handle: 'pete', displayName: 'Pete Peer', title: 'SRE', department: 'Engineering', location: '', reason: 'department' },
  ],
  groups: [
    {
      id: '00000000-0000-4000-8000-0000000000d1',
      name: 'Platform guild',
      handle: 'platform-guild',
      description: '',
      descriptionHtml: '',
      visibility: 'public',
      memberCount: 5,
      myRole: null,
      createdBy: null,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      colleagues: 2,
    },
  ],
  skills: [{ name: 'TypeScript', skill: 'typescript', people: 3 }],
};
const profile: Profile = profileFixture();

/** Answers what the first-run screen reads; `also` the writes a test expects. */
const api = (also: (call: { method: string; path: string }) => { status: number; body?: unknown } | undefined = () => undefined) =>
  answerApi((call) => {
    if (call.method === 'GET' && call.path.startsWith('/api/me/suggestions')) return { status: 200, body: suggestions };
    if (call.method === 'GET' && call.path === `/api/users/${me.id}`) return { status: 200, body: profile };
    return also(call);
  });

describe('WelcomePage', () => {
  it('saves my department and a suggested skill, then follows and joins in one click each', async () => {
    const calls = api((call) => {
      if (call.method === 'PATCH' && call.path === '/api/me') return { status: 200, body: profile };
      if (call.method === 'PUT' && call.path === `/api/users/${PETE}/follow`) return { status: 204 };
      if (call.method === 'POST' && call.path.endsWith('/join')) return { status: 200, body: { myRole: 'member' } };
      return undefined;
    });
    const { user } = renderUi(<WelcomePage />, { signedIn: true, path: '/welcome' });
    const skills = await screen.findByRole('region', { name: 'What do you know?' });
    await user.type(within(skills).getByLabelText('Your department'), 'Engineering');
    await user.click(within(skills).getByRole('button', { name: 'Add the skill TypeScript' }));
    // Added: no longer offered.
    expect(within(skills).queryByRole('button', { name: 'Add the skill TypeScript' })).toBeNull();
    await user.click(within(skills).getByRole('button', { name: 'Save and continue' }));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ skills: ['TypeScript'], department: 'Engineering' });

    const colleagues = await screen.findByRole('region', { name: 'Follow the people you work with' });
    expect(within(colleagues).getByText(/Your department/)).toBeTruthy();
    await user.click(within(colleagues).getByRole('button', { name: 'Follow Pete Peer' }));
    expect(await within(colleagues).findByRole('button', { name: 'Follow Pete Peer', pressed: true })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const groups = await screen.findByRole('region', { name: 'Join groups' });
    expect(within(groups).getByText('2 colleagues of your department')).toBeTruthy();
    await user.click(within(groups).getByRole('button', { name: 'Join Platform guild' }));
    expect(await within(groups).findByText('Joined')).toBeTruthy();
    expect(calls.filter((c) => c.method !== 'GET').map((c) => c.method)).toEqual(['PATCH', 'PUT', 'POST']);
  });

  it('can be skipped at any step, which the server remembers', async () => {
    const calls = api((call) =>
      call.method === 'PUT' && call.path === '/api/me/first-run'
        ? { status: 200, body: { due: false, outcome: 'skipped', finishedAt: new Date().toISOString() } }
        : undefined,
    );
    const { user } = renderUi(<WelcomePage />, { signedIn: true, path: '/welcome' });
    await screen.findByRole('region', { name: 'What do you know?' });
    await user.click(screen.getByRole('button', { name: 'Skip for now' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ outcome: 'skipped' }));
  });
});
