import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { useDisclosure } from './useDisclosure';

function Menu() {
  const { open, setOpen, button, rootProps } = useDisclosure();
  return (
    <div>
      <div {...rootProps}>
        <button type="button" ref={button} aria-expanded={open} onClick={() => setOpen(!open)}>
          More
        </button>
        {open && (
          <ul>
            <li>
              <button type="button">Settings</button>
            </li>
          </ul>
        )}
      </div>
      <button type="button">Elsewhere</button>
    </div>
  );
}

describe('useDisclosure', () => {
  it('opens on the button and closes on Escape, focus back on the button', async () => {
    const { user } = renderUi(<Menu />);
    const more = screen.getByRole('button', { name: 'More' });
    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Settings' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Settings' })).not.toBeInTheDocument();
    expect(more).toHaveFocus();
  });

  it('closes when focus or a click goes outside', async () => {
    const { user } = renderUi(<Menu />);
    const more = screen.getByRole('button', { name: 'More' });
    await user.click(more);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
    expect(more).toHaveAttribute('aria-expanded', 'false');
  });
});
