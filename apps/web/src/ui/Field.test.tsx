import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { CountField, Field, FieldErrors, FieldSet } from './Field';

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

describe('FieldErrors', () => {
  it('lists the messages under the id a control names, and renders nothing without any', () => {
    const { container } = renderUi(<FieldErrors id="x-error" errors={['Too long', 'Not allowed']} />);
    expect(screen.getByRole('list')).toHaveAttribute('id', 'x-error');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Too long', 'Not allowed']);
    container.remove();
    renderUi(<FieldErrors errors={[]} />);
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});

describe('FieldSet', () => {
  it('names the group by its legend and gives its hint and errors the ids its controls describe themselves with', () => {
    renderUi(
      <FieldSet id="tags" legend="Skills" hint="What you can help with" errors={['At most ten']} className="skills-editor">
        <input aria-label="Add skill" aria-describedby="tags-hint tags-error" />
      </FieldSet>,
    );
    const group = screen.getByRole('group', { name: 'Skills' });
    expect(group).toHaveClass('field', 'skills-editor', 'field--invalid');
    expect(screen.getByRole('textbox', { name: 'Add skill' })).toHaveAccessibleDescription('What you can help with At most ten');
  });

  it('is not marked invalid without errors, and shows no hint when it has none', () => {
    renderUi(
      <FieldSet legend="Decision" className="radio-group">
        <input type="radio" aria-label="Yes" />
      </FieldSet>,
    );
    const group = screen.getByRole('group', { name: 'Decision' });
    expect(group).toHaveClass('field', 'radio-group');
    expect(group).not.toHaveClass('field--invalid');
    expect(group.querySelector('.field__hint')).toBeNull();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});

describe('CountField', () => {
  it('is a short number field within its bounds, with a numeric keypad', () => {
    renderUi(<CountField label="Mentees" min={1} max={20} value="3" onValueChange={() => undefined} />);
    const input = screen.getByRole('spinbutton', { name: 'Mentees' });
    expect(input).toHaveValue(3);
    expect(input).toHaveAttribute('min', '1');
    expect(input).toHaveAttribute('max', '20');
    expect(input).toHaveAttribute('inputmode', 'numeric');
    expect(input.closest('.field')).toHaveClass('field--short');
  });
});
