import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { ChangePasswordForm } from './ChangePasswordForm';

describe('ChangePasswordForm', { timeout: 30_000 }, () => {
  it('sends the current and new password, and says when it is done', async () => {
    const calls = answerApi((call) => (call.path === '/api/me/password' ? { status: 204, body: null } : undefined));
    const changed = vi.fn();
    const { user } = renderUi(<ChangePasswordForm onChanged={changed} />, { signedIn: true });
    await user.type(screen.getByLabelText('Current password'), 'the old one here');
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByText('Password changed. Your other sessions were signed out.');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { currentPassword: 'the old one here', newPassword: 'a brand new passphrase' },
    ]);
    expect(changed).toHaveBeenCalled();
  });

  it('shows the api’s refusal: a breached new password', async () => {
    answerApi((call) =>
      call.path === '/api/me/password'
        ? {
            status: 400,
            body: { statusCode: 400, code: 'password_breached', message: 'This password appears in lists of breached passwords' },
          }
        : undefined,
    );
    const { user } = renderUi(<ChangePasswordForm />, { signedIn: true });
    await user.type(screen.getByLabelText('Current password'), 'the old one here');
    await user.type(screen.getByLabelText('New password'), 'qwerty123456');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByText('This password appears in lists of breached passwords. Choose another one.');
  });
});
