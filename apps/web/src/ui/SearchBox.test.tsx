import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { InlineSearch, SearchBox } from './SearchBox';

function Page({ inline }: { inline?: boolean }) {
  const [text, setText] = useState('');
  return (
    <>
      {inline ? (
        <InlineSearch label="Search groups" value={text} onValueChange={setText} maxLength={10} />
      ) : (
        <SearchBox label="Search people" hint="By name" value={text} onValueChange={setText} maxLength={10}>
          <button type="button">Filter</button>
        </SearchBox>
      )}
      <p>Typed: {text}</p>
    </>
  );
}

describe('SearchBox', () => {
  it('is a search landmark whose labelled box, hint and filters follow the typing', async () => {
    const { user } = renderUi(<Page />);
    const box = screen.getByRole('searchbox', { name: 'Search people' });
    expect(screen.getByRole('search')).toContainElement(screen.getByRole('button', { name: 'Filter' }));
    expect(box).toHaveAccessibleDescription('By name');
    await user.type(box, 'camille');
    expect(screen.getByText('Typed: camille')).toBeInTheDocument();
  });

  it('is never submitted: Enter keeps the page', () => {
    renderUi(<Page />);
    // fireEvent answers false when the handler prevented the default (the page load).
    expect(fireEvent.submit(screen.getByRole('search'))).toBe(false);
  });
});

describe('InlineSearch', () => {
  it('names its box with a hidden label, shown as the placeholder, and keeps to the length given', async () => {
    const { user } = renderUi(<Page inline />);
    const box = screen.getByRole('searchbox', { name: 'Search groups' });
    expect(screen.getByRole('search')).toContainElement(box);
    expect(box).toHaveAttribute('placeholder', 'Search groups');
    await user.type(box, 'a long group name');
    expect(screen.getByText('Typed: a long gro')).toBeInTheDocument();
    expect(fireEvent.submit(screen.getByRole('search'))).toBe(false);
  });
});
