import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Page } from '../api/types';
import { renderUi } from '../testing/render';
import { ListMore } from './ListMore';
import { ListStates } from './ListStates';
import { usePages } from './usePages';

const pages: Record<string, Page<string> & { total: number }> = {
  first: { items: ['Camille', 'Bruno'], nextCursor: 'c2', total: 3 },
  c2: { items: ['Aïcha'], nextCursor: null, total: 3 },
};

function Names({ asked }: { asked: (string | null)[] }) {
  const { list, items } = usePages(['names'], (cursor) => {
    asked.push(cursor);
    return Promise.resolve(pages[cursor ?? 'first']);
  });
  return (
    <ListStates list={list} count={items.length} empty={<p>Nobody</p>}>
      <p>{list.data?.pages[0].total} in all</p>
      <ul>
        {items.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <ListMore list={list} label="More names" />
    </ListStates>
  );
}

describe('usePages', () => {
  it('asks for the first page, then the next with its cursor, and gives every page’s items in order', async () => {
    const asked: (string | null)[] = [];
    const { user } = renderUi(<Names asked={asked} />);
    expect(await screen.findByText('Bruno', {}, { timeout: 2000 })).toBeInTheDocument();
    expect(screen.getByText('3 in all')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'More names' }));
    expect(await screen.findByText('Aïcha', {}, { timeout: 2000 })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Camille', 'Bruno', 'Aïcha']);
    expect(asked).toEqual([null, 'c2']);
    expect(screen.queryByRole('button', { name: 'More names' })).not.toBeInTheDocument();
  });
});
