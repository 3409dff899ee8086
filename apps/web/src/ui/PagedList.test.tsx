import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeList } from '../testing/lists';
import { renderUi } from '../testing/render';
import { PagedList } from './PagedList';

const names = ['Ada', 'Bo'];

describe('PagedList', () => {
  it('lists the items, marked busy when told, with "more" under them', async () => {
    const { list, asked } = fakeList();
    const { user } = renderUi(
      <PagedList list={list} items={names} empty={<p>Nobody</p>} className="people" more="More people" busy>
        {(name) => <li key={name}>{name}</li>}
      </PagedList>,
    );
    const shown = screen.getByRole('list');
    expect(shown).toHaveClass('people');
    expect(shown).toHaveAttribute('aria-busy', 'true');
    expect(shown).not.toHaveAttribute('aria-label');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(names);
    await user.click(screen.getByRole('button', { name: 'More people' }));
    expect(asked).toEqual(['next page']);
  });

  it('says `empty` instead of a list when there are no items', () => {
    renderUi(
      <PagedList list={fakeList({ hasNextPage: false }).list} items={[]} empty={<p>Nobody</p>} className="people" more="More">
        {(name: string) => <li key={name}>{name}</li>}
      </PagedList>,
    );
    expect(screen.getByText('Nobody')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('names the list with `label` when told', () => {
    renderUi(
      <PagedList list={fakeList().list} items={names} empty={<p>Nobody</p>} className="people" more="More" label="Colleagues">
        {(name) => <li key={name}>{name}</li>}
      </PagedList>,
    );
    expect(screen.getByRole('list', { name: 'Colleagues' })).toBeInTheDocument();
  });
});
