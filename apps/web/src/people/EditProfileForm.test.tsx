import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Profile } from '../api/types';
import { profileFixture } from '../testing/people';
import { answerApi, me, renderUi } from '../testing/render';
import { EditProfileForm } from './EditProfileForm';

vi.mock('../api/files', async (original) =>
  (await import('../testing/uploads')).withFakeUpload(original, async (file) => ({
    id: '3c9a3f2e-0d1b-4c6f-8a7e-5b4c3d2e1f00',
    name: file.name,
    size: file.size,
    contentType: 'image/png',
    sha256: 'c'.repeat(64),
  })),
);

const profile = (over: Partial<Profile> = {}): Profile => profileFixture({ locale: null, timeZone: null, ...over });

describe('EditProfileForm: language and time zone of emails', { timeout: 30_000 }, () => {
  it('starts from the browser when unset and saves the choice with PATCH /api/me', async () => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const calls = answerApi((call) =>
      call.method === 'PATCH' && call.path === '/api/me'
        ? { status: 200, body: profile(call.body as Partial<Profile>) }
        : undefined,
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
    const { user } = renderUi(
      <EditProfileForm profile={profile({ locale: 'fr', timeZone: 'Europe/Paris' })} onDone={() => {}} />,
      {
        signedIn: true,
      },
    );
    expect((screen.getByRole('combobox', { name: 'My time zone' }) as HTMLSelectElement).value).toBe('Europe/Paris');
    await user.type(screen.getByRole('textbox', { name: 'Job title' }), 'Chef');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ title: 'Chef' }]);
  });
});

describe('EditProfileForm: my photo (#16)', { timeout: 30_000 }, () => {
  const photoUrl = `/api/users/${me.id}/avatar?v=3c9a3f2e-0d1b-4c6f-8a7e-5b4c3d2e1f00`;

  it('"Change photo" uploads the image and makes it the avatar; "Remove photo" takes it off', async () => {
    const calls = answerApi((call) => {
      if (call.method === 'PUT' && call.path === '/api/me/avatar') return { status: 200, body: { avatarUrl: photoUrl } };
      if (call.method === 'DELETE' && call.path === '/api/me/avatar') return { status: 200, body: { avatarUrl: null } };
      return undefined;
    });
    const { user, container } = renderUi(<EditProfileForm profile={profile()} onDone={() => {}} />, { signedIn: true });
    // The name field, not the file input, has the focus when the form opens.
    expect(screen.getByRole('textbox', { name: 'Full name' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Remove photo' })).toBeNull();

    await user.upload(screen.getByLabelText('Change photo'), new File(['png'], 'me.png', { type: 'image/png' }));
    expect(await screen.findByText('Your photo is changed.')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/me/avatar').map((c) => [c.method, c.body])).toEqual([
      ['PUT', { fileId: '3c9a3f2e-0d1b-4c6f-8a7e-5b4c3d2e1f00' }],
    ]);
    expect(container.querySelector('.avatar img')).toHaveAttribute('src', photoUrl);
    await user.click(screen.getByRole('button', { name: 'Remove photo' }));
    expect(await screen.findByText('Your photo is removed.')).toBeInTheDocument();
    expect(container.querySelector('.avatar img')).toBeNull();
    expect(calls.filter((c) => c.path === '/api/me/avatar').map((c) => c.method)).toEqual(['PUT', 'DELETE']);
  });

  it('says why a photo is refused', async () => {
    answerApi((call) =>
      call.method === 'PUT' && call.path === '/api/me/avatar'
        ? { status: 400, body: { message: 'A photo must be a PNG, JPEG or WebP image', code: 'avatar_not_image' } }
        : undefined,
    );
    renderUi(<EditProfileForm profile={profile()} onDone={() => {}} />, { signedIn: true });
    fireEvent.change(screen.getByLabelText('Change photo'), {
      target: { files: [new File(['gif'], 'a.gif', { type: 'image/gif' })] },
    });
    expect(await screen.findByText('A photo must be a PNG, JPEG or WebP image.')).toBeInTheDocument();
  });
});
