import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { TwoFactorSettings } from './TwoFactorSettings';

const off = { applicable: true, enabled: false, enabledAt: null, recoveryCodesLeft: 0 };
const on = { applicable: true, enabled: true, enabledAt: '2026-12-06T09:00:00.000Z', recoveryCodesLeft: 10 };
const codes = ['aaaa-bbbb-cccc', 'dddd-eeee-ffff'];

describe('TwoFactorSettings', { timeout: 30_000 }, () => {
  it('enrols: shows the QR code and key, confirms with a code, then shows the recovery codes once', async () => {
    let enabled = false;
    const calls = answerApi((call) => {
      if (call.path === '/api/me/2fa') return { status: 200, body: enabled ? on : off };
      if (call.path === '/api/me/2fa/totp') return { status: 201, body: { secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qrCode: 'data:image/png;base64,AAAA' } };
      if (call.path === '/api/me/2fa/totp/confirm') {
        enabled = true;
        return { status: 200, body: { recoveryCodes: codes } };
      }
      return undefined;
    });
    const { user } = renderUi(<TwoFactorSettings />, { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Turn on two-factor' }));
    expect(await screen.findByAltText('QR code to scan with your authenticator app')).toHaveAttribute('src', 'data:image/png;base64,AAAA');
    expect(screen.getByText('JBSWY3DPEHPK3PXP')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Six-digit code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Confirm and turn on' }));
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(codes);
    expect(calls.find((c) => c.path === '/api/me/2fa/totp/confirm')?.body).toEqual({ code: '123456' });
    // Once dismissed, they are gone for good: the card shows the state, not the codes.
    await user.click(screen.getByRole('button', { name: 'I have saved them' }));
    await screen.findByText(/10 recovery codes left/);
    expect(screen.queryByText('aaaa-bbbb-cccc')).not.toBeInTheDocument();
  });

  it('shows a wrong first code under the field', async () => {
    answerApi((call) => {
      if (call.path === '/api/me/2fa') return { status: 200, body: off };
      if (call.path === '/api/me/2fa/totp') return { status: 201, body: { secret: 'S', uri: 'u', qrCode: 'data:image/png;base64,AAAA' } };
      if (call.path === '/api/me/2fa/totp/confirm')
        return { status: 403, body: { statusCode: 403, code: 'totp_invalid', message: 'This code is wrong, expired, or was already used' } };
      return undefined;
    });
    const { user } = renderUi(<TwoFactorSettings />, { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Turn on two-factor' }));
    await user.type(await screen.findByLabelText('Six-digit code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Confirm and turn on' }));
    await screen.findByText('This code is wrong, has expired, or was already used. Try the next one.');
  });

  it('turns it off with the password and a code', async () => {
    let enabled = true;
    const calls = answerApi((call) => {
      if (call.path === '/api/me/2fa') return { status: 200, body: enabled ? on : off };
      if (call.path === '/api/me/2fa/disable') {
        enabled = false;
        return { status: 204, body: null };
      }
      return undefined;
    });
    const { user } = renderUi(<TwoFactorSettings />, { signedIn: true });
    await user.type(await screen.findByLabelText('Password'), 'my long passphrase');
    await user.type(screen.getByLabelText('Six-digit code'), '654321');
    await user.click(screen.getByRole('button', { name: 'Turn off two-factor' }));
    await screen.findByRole('button', { name: 'Turn on two-factor' });
    expect(calls.find((c) => c.path === '/api/me/2fa/disable')?.body).toEqual({ password: 'my long passphrase', code: '654321' });
  });

  it('tells an SSO account that its provider owns two-factor', async () => {
    answerApi((call) => (call.path === '/api/me/2fa' ? { status: 200, body: { ...off, applicable: false } } : undefined));
    renderUi(<TwoFactorSettings />, { signedIn: true });
    await screen.findByText('You sign in with single sign-on: your identity provider handles two-factor.');
    expect(screen.queryByRole('button', { name: 'Turn on two-factor' })).not.toBeInTheDocument();
  });
});
