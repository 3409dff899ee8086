import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { ListOrNone } from './ListOrNone';

const item = (name: string) => <li key={name}>{name}</li>;

describe('ListOrNone', () => {
  it('lists the items, each as its renderer gives it', () => {
    renderUi(
      <ListOrNone items={['Camille', 'Bruno']} none="Nobody yet" className="bare-list">
        {item}
      </ListOrNone>,
    );
    expect(screen.getByRole('list')).toHaveClass('bare-list');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Camille', 'Bruno']);
    expect(screen.queryByText('Nobody yet')).not.toBeInTheDocument();
  });

  it('says there is none, without an empty list, when there are no items', () => {
    renderUi(
      <ListOrNone items={[]} none="Nobody yet">
        {item}
      </ListOrNone>,
    );
    expect(screen.getByText('Nobody yet')).toHaveClass('muted');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
