import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { EraseUserForm } from './EraseUserForm';

const dana = { id: '11111111-1111-4111-8111-111111111111', handle: 'dana', displayName: 'Dana' };

describe('EraseUserForm', { timeout: 30_000 }, () => {
  it('erases only once the handle is typed again, then says what the audit log keeps', async () => {
    const calls = answerApi((call) =>
      call.path === `/api/admin/users/${dana.id}/erase`
        ? { status: 200, body: { userId: dana.id, pseudonym: 'former_abc', mode: 'anonymise' } }
        : undefined,
    );
    const { user } = renderUi(<EraseUserForm user={dana} />, { signedIn: true });
    const submit = screen.getByRole('button', { name: 'Erase' });
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText('Type their handle (dana) to confirm'), 'dan');
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText('Type their handle (dana) to confirm'), 'a');
    await user.click(submit);
    await screen.findByText('The account was erased. The audit log keeps it as former_abc.');
    expect(calls.filter((c) => c.path.endsWith('/erase')).map((c) => c.body)).toEqual([{ confirmation: 'dana' }]);
  });
});
