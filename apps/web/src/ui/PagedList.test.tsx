import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeList } from '../testing/lists';
import { renderUi } from '../testing/render';
import { PagedList, PagedTable } from './PagedList';

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

describe('PagedTable', () => {
  const table = (items: string[], list = fakeList()) =>
    renderUi(
      <PagedTable list={list.list} items={items} empty={<p>Nobody</p>} caption="People" columns={['Name']} more="More people">
        {(name) => (
          <tr key={name}>
            <td>{name}</td>
          </tr>
        )}
      </PagedTable>,
    );

  it('shows a row per item under the columns, with "more" under the table', async () => {
    const list = fakeList();
    const { user } = table(names, list);
    const shown = screen.getByRole('table', { name: 'People' });
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Name']);
    expect(shown.querySelectorAll('tbody tr')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'More people' }));
    expect(list.asked).toEqual(['next page']);
  });

  it('says `empty` instead of a table when there are no items', () => {
    table([], fakeList({ hasNextPage: false }));
    expect(screen.getByText('Nobody')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
