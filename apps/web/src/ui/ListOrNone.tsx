import type { ReactNode } from 'react';

/**
 * A list, or a muted line saying there is none, for sections shown full or empty alike (a topic's
 * experts, a group's unanswered posts). `children` renders one item as its keyed `<li>`.
 */
export function ListOrNone<T>({
  items,
  none,
  className,
  children,
}: {
  items: readonly T[];
  none: ReactNode;
  className?: string;
  children(item: T): ReactNode;
}) {
  if (items.length === 0) return <p className="muted">{none}</p>;
  return <ul className={className}>{items.map(children)}</ul>;
}
