import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Profile } from '../api/types';
import { answerApi, me, renderUi } from '../testing/render';
import { EditProfileForm } from './EditProfileForm';

const profile = (over: Partial<Profile> = {}): Profile => ({
  id: me.id,
  handle: me.handle,
  displayName: me.displayName,
  title: '',
  department: '',
  location: '',
  bio: '',
  skills: [],
  followers: 0,
  following: 0,
  locale: null,
  timeZone: null,
  ...over,
});

describe('EditProfileForm: language and time zone of emails', { timeout: 30_000 }, () => {
  it('starts from the browser when unset and saves the choice with PATCH /api/me', async () => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const calls = answerApi((call) =>
      call.method === 'PATCH' && call.path === '/api/me' ? { status: 200, body: profile(call.body as Partial<Profile>) } : undefined,
    );
    const done = vi.fn();
    const { user } = renderUi(<EditProfileForm profile={profile()} onDone={done} />, { signedIn: true });
    const language = screen.getByRole('combobox', { name: 'Language of my emails' }) as HTMLSelectElement;
    expect(language.value).toBe('en');
    expect((screen.getByRole('combobox', { name: 'My time zone' }) as HTMLSelectElement).value).toBe(browserZone);

    await user.selectOptions(language, 'fr');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ locale: 'fr', timeZone: browserZone }]);
    expect(done).toHaveBeenCalledWith(true);
  });

  it('sends nothing about them when they are already set and unchanged', async () => {
    const calls = answerApi((call) => (call.method === 'PATCH' ? { status: 200, body: profile({ title: 'Chef' }) } : undefined));
    const { user } = renderUi(<EditProfileForm profile={profile({ locale: 'fr', timeZone: 'Europe/Paris' })} onDone={() => {}} />, {
      signedIn: true,
    });
    expect((screen.getByRole('combobox', { name: 'My time zone' }) as HTMLSelectElement).value).toBe('Europe/Paris');
    await user.type(screen.getByRole('textbox', { name: 'Job title' }), 'Chef');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ title: 'Chef' }]);
  });
});
