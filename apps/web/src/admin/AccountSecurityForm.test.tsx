import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { AccountSecurityForm } from './AccountSecurityForm';

const person = { id: '00000000-0000-4000-8000-000000000042', handle: 'dana', displayName: 'Dana Roy' };
const base = `/api/admin/users/${person.id}`;

describe('AccountSecurityForm', { timeout: 30_000 }, () => {
  it('issues a reset link, sets a temporary password and turns two-factor off', async () => {
    const calls = answerApi((call) => {
      if (call.path === `${base}/password-reset`)
        return { status: 201, body: { link: 'https://ruche.example/reset-password?token=abc', expiresAt: '2026-12-06T11:00:00Z', emailed: false } };
      if (call.path === `${base}/password`) return { status: 204, body: null };
      if (call.path === `${base}/2fa`) return { status: 204, body: null };
      return undefined;
    });
    const { user } = renderUi(<AccountSecurityForm user={person} />, { signedIn: true });
    await user.click(screen.getByRole('button', { name: 'Issue a password reset link' }));
    await screen.findByText('https://ruche.example/reset-password?token=abc');
    screen.getByText(/Hand them this link/);

    await user.type(screen.getByLabelText('Temporary password'), 'a temporary passphrase');
    await user.click(screen.getByRole('button', { name: 'Set the temporary password' }));
    await screen.findByText('Temporary password set.');

    await user.click(screen.getByRole('button', { name: 'Turn off their two-factor' }));
    await screen.findByText(/Their two-factor is off/);
    expect(calls.map((c) => [c.method, c.path, c.body])).toEqual([
      ['POST', `${base}/password-reset`, undefined],
      ['PUT', `${base}/password`, { newPassword: 'a temporary passphrase' }],
      ['DELETE', `${base}/2fa`, undefined],
    ]);
  });

  it('shows a refused temporary password under its field', async () => {
    answerApi((call) =>
      call.path === `${base}/password`
        ? { status: 400, body: { statusCode: 400, code: 'password_breached', message: 'breached' } }
        : undefined,
    );
    const { user } = renderUi(<AccountSecurityForm user={person} />, { signedIn: true });
    await user.type(screen.getByLabelText('Temporary password'), 'qwerty123456');
    await user.click(screen.getByRole('button', { name: 'Set the temporary password' }));
    await screen.findByText('This password appears in lists of breached passwords. Choose another one.');
  });
});
