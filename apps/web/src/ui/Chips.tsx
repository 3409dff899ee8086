import type { ReactNode } from 'react';

/**
 * Read-only chips (a campaign's or a question's topics, badges) as a list named by `label`; nothing
 * when there are none. `children` gives an item's content (the item itself by default).
 */
export function StaticChips<T>({
  label,
  items,
  keyOf = String,
  children = String,
}: {
  label: string;
  items: readonly T[];
  keyOf?(item: T): string;
  children?(item: T): ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="chips chips--static" aria-label={label}>
      {items.map((item) => (
        <li key={keyOf(item)} className="chip chip--static">
          {children(item)}
        </li>
      ))}
    </ul>
  );
}

/** What a form has chosen (people, tags) as chips, each with a button that removes it; nothing when empty. */
export function RemovableChips<T>({
  label,
  items,
  keyOf,
  nameOf,
  removeLabel,
  onRemove,
}: {
  label?: string;
  items: readonly T[];
  keyOf(item: T): string;
  nameOf(item: T): string;
  removeLabel(name: string): string;
  onRemove(item: T): void;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="chips" aria-label={label}>
      {items.map((item) => (
        <li key={keyOf(item)} className="chip">
          <span>{nameOf(item)}</span>
          <button type="button" className="chip__remove" aria-label={removeLabel(nameOf(item))} onClick={() => onRemove(item)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
