import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { EmailField, PasswordField } from './CredentialFields';

function Credentials({ purpose, hint }: { purpose: 'current' | 'new'; hint?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <>
      <EmailField autoComplete="username" value={email} onValueChange={setEmail} />
      <PasswordField
        purpose={purpose}
        label="Password"
        name="password"
        hint={hint}
        value={password}
        onValueChange={setPassword}
      />
    </>
  );
}

describe('EmailField and PasswordField', () => {
  it('ask for a required email address, labelled as the work email', async () => {
    const { user } = renderUi(<Credentials purpose="current" />);
    const email = screen.getByRole('textbox', { name: 'Work email' });
    expect(email).toHaveAttribute('type', 'email');
    expect(email).toHaveAttribute('name', 'email');
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(email).toBeRequired();
    await user.type(email, 'camille@example.com');
    expect(email).toHaveValue('camille@example.com');
  });

  it('ask for the current password to be filled in, with no hint', () => {
    renderUi(<Credentials purpose="current" />);
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(password).toBeRequired();
    expect(password).not.toHaveAccessibleDescription();
  });

  it('describe a new password with the password policy, unless given another hint', () => {
    const { unmount } = renderUi(<Credentials purpose="new" />);
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    expect(password).toHaveAccessibleDescription('At least 12 characters, not a common or leaked password.');
    unmount();
    renderUi(<Credentials purpose="new" hint="They change it at their next sign-in." />);
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('They change it at their next sign-in.');
  });

  it('may be optional', () => {
    renderUi(<PasswordField purpose="current" label="Password" required={false} value="" onValueChange={() => undefined} />);
    expect(screen.getByLabelText('Password')).not.toBeRequired();
  });
});
