import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { Field } from './Field';

function Controlled(props: { errors?: string[]; hint?: string; multiline?: boolean }) {
  const [value, setValue] = useState('');
  return props.multiline ? (
    <Field multiline label="About you" value={value} onValueChange={setValue} errors={props.errors} hint={props.hint} />
  ) : (
    <Field label="Title" value={value} onValueChange={setValue} errors={props.errors} hint={props.hint} />
  );
}

describe('Field', () => {
  it('is found by its label and takes what is typed', async () => {
    const { user } = renderUi(<Controlled />);
    const input = screen.getByLabelText('Title');
    await user.type(input, 'Quarterly plan');
    expect(input).toHaveValue('Quarterly plan');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('describes the control with its hint and its errors, and marks it invalid', () => {
    renderUi(<Controlled hint="Ten words at most" errors={['Title is required']} />);
    const input = screen.getByRole('textbox', { name: 'Title' });
    expect(input).toHaveAccessibleDescription('Ten words at most Title is required');
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('renders a labelled textarea when multiline', async () => {
    const { user } = renderUi(<Controlled multiline />);
    const area = screen.getByRole('textbox', { name: 'About you' });
    expect(area.tagName).toBe('TEXTAREA');
    await user.type(area, 'line one{Enter}line two');
    expect(area).toHaveValue('line one\nline two');
  });
});
