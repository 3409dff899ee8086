import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { PersonalDataSettings } from './PersonalDataSettings';

const ready = {
  id: 'e1',
  status: 'ready',
  progress: 100,
  size: 1234,
  createdAt: '2026-12-06T09:00:00.000Z',
  finishedAt: '2026-12-06T09:01:00.000Z',
  expiresAt: '2026-12-07T09:01:00.000Z',
  downloadUrl: '/api/me/exports/e1/download',
};

describe('PersonalDataSettings', { timeout: 30_000 }, () => {
  it('asks for an archive, shows its progress, then offers the download', async () => {
    let items: unknown[] = [];
    const calls = answerApi((call) => {
      if (call.path === '/api/me/exports') return { status: 200, body: { items } };
      if (call.path === '/api/me/export') {
        items = [{ ...ready, status: 'running', progress: 40, expiresAt: null, downloadUrl: null }];
        return { status: 202, body: items[0] };
      }
      return undefined;
    });
    const { user } = renderUi(<PersonalDataSettings />, { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Prepare my archive' }));
    await screen.findByText('Preparing your archive: 40%');
    items = [ready];
    expect(await screen.findByRole('button', { name: /Download the archive/ }, { timeout: 5000 })).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/me/export')).toHaveLength(1);
  });

  it('erases only once the handle is typed, sending it with the password', async () => {
    const calls = answerApi((call) => {
      if (call.path === '/api/me/exports') return { status: 200, body: { items: [] } };
      if (call.path === '/api/me/erase') return { status: 200, body: { userId: 'u', pseudonym: 'former_x', mode: 'anonymise' } };
      return undefined;
    });
    const { user } = renderUi(<PersonalDataSettings />, { signedIn: true });
    const submit = await screen.findByRole('button', { name: 'Erase my account' });
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText(/Type your handle/), 'not-me');
    expect(submit).toBeDisabled();
    const field = screen.getByLabelText(/Type your handle/);
    await user.clear(field);
    const handle = /\((.+)\)/.exec(screen.getByText(/Type your handle/).textContent ?? '')?.[1] ?? '';
    await user.type(field, handle);
    await user.type(screen.getByLabelText(/Your password/), 'my long password');
    await user.click(submit);
    await expect
      .poll(() => calls.find((c) => c.path === '/api/me/erase')?.body)
      .toEqual({ confirmation: handle, password: 'my long password' });
  });
});
