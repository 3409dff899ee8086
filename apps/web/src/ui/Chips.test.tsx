import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { RemovableChips, StaticChips } from './Chips';

describe('StaticChips', () => {
  it('lists the items as chips under its label, as given or as rendered', () => {
    renderUi(
      <>
        <StaticChips label="Topics" items={['billing', 'sso']} />
        <StaticChips label="Badges" items={[{ id: 'b1', name: 'Helper' }]} keyOf={(b) => b.id}>
          {(b) => <strong>{b.name}</strong>}
        </StaticChips>
      </>,
    );
    const topics = screen.getByRole('list', { name: 'Topics' });
    expect(topics).toHaveClass('chips', 'chips--static');
    expect(
      within(topics)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['billing', 'sso']);
    expect(within(screen.getByRole('list', { name: 'Badges' })).getByText('Helper').tagName).toBe('STRONG');
  });

  it('renders nothing when there are no items', () => {
    renderUi(<StaticChips label="Topics" items={[]} />);
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});

function Chosen({ initial }: { initial: { id: string; name: string }[] }) {
  const [people, setPeople] = useState(initial);
  return (
    <RemovableChips
      label="Chosen"
      items={people}
      keyOf={(p) => p.id}
      nameOf={(p) => p.name}
      removeLabel={(name) => `Remove ${name}`}
      onRemove={(person) => setPeople((all) => all.filter((p) => p !== person))}
    />
  );
}

describe('RemovableChips', () => {
  it('shows each chosen item with a button that removes that one', async () => {
    const { user } = renderUi(
      <Chosen
        initial={[
          { id: '1', name: 'Camille' },
          { id: '2', name: 'Bruno' },
        ]}
      />,
    );
    expect(screen.getByRole('list', { name: 'Chosen' })).toHaveClass('chips');
    await user.click(screen.getByRole('button', { name: 'Remove Camille' }));
    expect(screen.getAllByRole('listitem').map((li) => within(li).getByText(/./, { selector: 'span' }).textContent)).toEqual([
      'Bruno',
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove Bruno' }));
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
