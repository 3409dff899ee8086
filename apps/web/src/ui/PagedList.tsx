import type { ReactNode } from 'react';
import { type Column, DataTable } from './DataTable';
import { ListMore } from './ListMore';
import { ListStates } from './ListStates';

type ListProps<C extends (props: never) => unknown> = Parameters<C>[0] extends { list: infer L } ? L : never;

/**
 * A paged list shown as a <ul>: ListStates for its first load (loading, failed, `empty`), each
 * item through `children`, and ListMore under them (`more` the label of its button, `inline` in a
 * card). `busy` marks the list while a changed query loads, its previous answer still shown;
 * `label` names the list when no heading does.
 */
export function PagedList<T>({
  list,
  items,
  empty,
  className,
  more,
  inline,
  busy,
  label,
  children,
}: {
  list: ListProps<typeof ListStates> & ListProps<typeof ListMore>;
  items: readonly T[];
  empty: ReactNode;
  className: string;
  more: string;
  inline?: boolean;
  busy?: boolean;
  label?: string;
  children(item: T): ReactNode;
}) {
  return (
    <>
      <ListStates list={list} count={items.length} empty={empty}>
        <ul className={className} aria-busy={busy || undefined} aria-label={label}>
          {items.map((item) => children(item))}
        </ul>
      </ListStates>
      <ListMore list={list} label={more} inline={inline} />
    </>
  );
}

/**
 * A paged list shown as a DataTable (`caption`, `columns`, a row per item through `children`), in
 * a card: ListStates for its first load and an inline ListMore under it, as PagedList has.
 */
export function PagedTable<T>({
  list,
  items,
  empty,
  caption,
  columns,
  className,
  more,
  children,
}: {
  list: ListProps<typeof ListStates> & ListProps<typeof ListMore>;
  items: readonly T[];
  empty: ReactNode;
  caption: string;
  columns: Column[];
  className?: string;
  more: string;
  children(item: T): ReactNode;
}) {
  return (
    <>
      <ListStates list={list} count={items.length} empty={empty}>
        <DataTable caption={caption} columns={columns} className={className}>
          {items.map((item) => children(item))}
        </DataTable>
      </ListStates>
      <ListMore list={list} label={more} inline />
    </>
  );
}
