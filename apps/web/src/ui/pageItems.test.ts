import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { mapItem, mapPageItems, patchListed, patchLoaded, removeListed, withoutItem, type LoadedPages } from './pageItems';

interface Item {
  id: string;
  title: string;
}

const loaded = (): LoadedPages<Item> => ({
  pageParams: [null, 'c1'],
  pages: [
    { items: [{ id: 'a', title: 'A' }], nextCursor: 'c1' },
    { items: [{ id: 'b', title: 'B' }], nextCursor: null },
  ],
});

describe('mapPageItems, mapItem and withoutItem', () => {
  it('change the one page that holds the item and keep the others as they were', () => {
    const data = loaded();
    const patched = mapPageItems(data, (items) => mapItem(items, 'b', (item) => ({ ...item, title: 'B2' })));
    expect(patched?.pages.map((page) => page.items)).toEqual([[{ id: 'a', title: 'A' }], [{ id: 'b', title: 'B2' }]]);
    expect(patched?.pages[0]).toBe(data.pages[0]);
    expect(patched?.pages[1]?.nextCursor).toBeNull();
    expect(data.pages[1]?.items[0]?.title).toBe('B');

    const removed = mapPageItems(data, (items) => withoutItem(items, 'a'));
    expect(removed?.pages.map((page) => page.items.length)).toEqual([0, 1]);
    expect(removed?.pages[1]).toBe(data.pages[1]);
  });

  it('give the same data back when the item is not loaded, and nothing when the list is not', () => {
    const data = loaded();
    expect(mapPageItems(data, (items) => mapItem(items, 'z', (item) => ({ ...item, title: 'Z' })))).toBe(data);
    expect(mapPageItems(data, (items) => withoutItem(items, 'z'))).toBe(data);
    expect(mapPageItems<Item>(undefined, (items) => withoutItem(items, 'a'))).toBeUndefined();
  });

  it('patchListed and removeListed reach every list loaded under the key, and no other', () => {
    const qc = new QueryClient();
    qc.setQueryData(['things', 'list', 'new'], loaded());
    qc.setQueryData(['things', 'list', 'top'], loaded());
    qc.setQueryData(['other', 'list'], loaded());
    const titles = (key: string[]) =>
      qc.getQueryData<LoadedPages<Item>>(key)?.pages.flatMap((page) => page.items.map((i) => i.title));
    patchListed<Item>(qc, ['things', 'list'], 'a', () => ({ title: 'A2' }));
    removeListed(qc, ['things', 'list'], 'b');
    expect(titles(['things', 'list', 'new'])).toEqual(['A2']);
    expect(titles(['things', 'list', 'top'])).toEqual(['A2']);
    expect(titles(['other', 'list'])).toEqual(['A', 'B']);
  });

  it('patchLoaded reaches the loaded lists and the item’s own page, and leaves an unloaded page unloaded', () => {
    const qc = new QueryClient();
    qc.setQueryData(['things', 'list', 'new'], loaded());
    qc.setQueryData(['things', 'one', 'a'], { id: 'a', title: 'A', body: 'kept' });
    patchLoaded<Item>(qc, ['things', 'list'], ['things', 'one', 'a'], 'a', (item) => ({ title: `${item.title}2` }));
    patchLoaded<Item>(qc, ['things', 'list'], ['things', 'one', 'b'], 'b', () => ({ title: 'B2' }));
    expect(qc.getQueryData<LoadedPages<Item>>(['things', 'list', 'new'])?.pages.flatMap((page) => page.items)).toEqual([
      { id: 'a', title: 'A2' },
      { id: 'b', title: 'B2' },
    ]);
    expect(qc.getQueryData(['things', 'one', 'a'])).toEqual({ id: 'a', title: 'A2', body: 'kept' });
    expect(qc.getQueryData(['things', 'one', 'b'])).toBeUndefined();
  });
});
