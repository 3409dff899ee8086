import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { RadioGroup } from './RadioGroup';

type Privacy = 'open' | 'closed' | 'secret';
const options: { value: Privacy; label: string; hint?: string }[] = [
  { value: 'open', label: 'Open', hint: 'Anyone can join' },
  { value: 'closed', label: 'Closed', hint: 'Members approve' },
  { value: 'secret', label: 'Secret' },
];

function Privacy({ onChange }: { onChange?(value: Privacy): void }) {
  const [value, setValue] = useState<Privacy>('open');
  return (
    <RadioGroup
      legend="Who can join"
      name="privacy"
      value={value}
      options={options}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
    />
  );
}

describe('RadioGroup', () => {
  it('is a group named by its legend, with each choice described by its hint', () => {
    renderUi(<Privacy />);
    expect(screen.getByRole('group', { name: 'Who can join' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Open Anyone can join' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Closed Members approve' })).toHaveAccessibleDescription('Members approve');
    expect(screen.getByRole('radio', { name: 'Secret' })).not.toHaveAttribute('aria-describedby');
  });

  it('chooses by click and by arrow keys, reporting each choice', async () => {
    const chosen: Privacy[] = [];
    const { user } = renderUi(<Privacy onChange={(value) => chosen.push(value)} />);
    await user.click(screen.getByRole('radio', { name: /Closed/ }));
    expect(screen.getByRole('radio', { name: /Closed/ })).toBeChecked();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Secret' })).toBeChecked();
    expect(chosen).toEqual(['closed', 'secret']);
  });
});
