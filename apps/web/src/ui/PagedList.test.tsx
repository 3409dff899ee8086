import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { PagedList } from './PagedList';

/** A loaded list with a next page; `asked` counts the next pages asked for. */
function loaded(overrides: Partial<Parameters<typeof PagedList>[0]['list']> = {}) {
  const asked: number[] = [];
  const list = {
    isPending: false,
    isError: false,
    isFetchNextPageError: false,
    hasNextPage: true,
    isFetchingNextPage: false,
    error: null as unknown,
    refetch: () => Promise.resolve(),
    fetchNextPage: () => {
      asked.push(1);
      return Promise.resolve();
    },
    ...overrides,
  };
  return { list, asked };
}

const names = ['Ada', 'Bo'];

describe('PagedList', () => {
  it('lists the items, marked busy when told, with "more" under them', async () => {
    const { list, asked } = loaded();
    const { user } = renderUi(
      <PagedList list={list} items={names} empty={<p>Nobody</p>} className="people" more="More people" busy>
        {(name) => <li key={name}>{name}</li>}
      </PagedList>,
    );
    const shown = screen.getByRole('list');
    expect(shown).toHaveClass('people');
    expect(shown).toHaveAttribute('aria-busy', 'true');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(names);
    await user.click(screen.getByRole('button', { name: 'More people' }));
    expect(asked).toHaveLength(1);
  });

  it('says `empty` instead of a list when there are no items', () => {
    renderUi(
      <PagedList list={loaded({ hasNextPage: false }).list} items={[]} empty={<p>Nobody</p>} className="people" more="More">
        {(name: string) => <li key={name}>{name}</li>}
      </PagedList>,
    );
    expect(screen.getByText('Nobody')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
