import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { TagsEditor } from './TagsEditor';

function Skills({ initial = [] as string[], errors }: { initial?: string[]; errors?: string[] }) {
  const [skills, setSkills] = useState(initial);
  return (
    <TagsEditor
      label="Skills"
      hint="What you can help with"
      addLabel="Add skill"
      removeLabel={(name) => `Remove ${name}`}
      value={skills}
      onChange={setSkills}
      errors={errors}
    />
  );
}

const chips = () =>
  screen.queryAllByRole('listitem').map((item) => within(item).getByText(/./, { selector: 'span' }).textContent);

describe('TagsEditor', () => {
  it('adds on Enter and on a comma, trimmed, and ignores a name it already has in any case', async () => {
    const { user } = renderUi(<Skills initial={['TypeScript']} />);
    const input = screen.getByRole('textbox', { name: 'Add skill' });
    await user.type(input, '  PostgreSQL {Enter}');
    await user.type(input, 'Kotlin,typescript,');
    expect(chips()).toEqual(['TypeScript', 'PostgreSQL', 'Kotlin']);
    expect(input).toHaveValue('');
  });

  it('adds with the button, which waits for some text', async () => {
    const { user } = renderUi(<Skills />);
    const button = screen.getByRole('button', { name: 'Add skill' });
    expect(button).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Add skill' }), 'Figma');
    await user.click(button);
    expect(chips()).toEqual(['Figma']);
  });

  it('removes a chip with its own labelled button', async () => {
    const { user } = renderUi(<Skills initial={['Go', 'Rust']} />);
    await user.click(screen.getByRole('button', { name: 'Remove Go' }));
    expect(chips()).toEqual(['Rust']);
  });

  it('describes the input with the hint and the errors', () => {
    renderUi(<Skills errors={['Too many skills']} />);
    const input = screen.getByRole('textbox', { name: 'Add skill' });
    expect(input).toHaveAccessibleDescription('What you can help with Too many skills');
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });
});
