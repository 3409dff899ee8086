import { useLayoutEffect, useRef } from 'react';

/**
 * For a row of tabs that scrolls sideways when it does not fit (`.tabs`): keeps the current tab
 * (aria-current="page") inside the row's visible part whenever `key` changes, so the page never
 * opens on a tab that is scrolled out of sight. Scrolls the row only, never the page.
 */
export function useActiveTabInView<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const row = ref.current;
    const tab = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !tab) return;
    const outer = row.getBoundingClientRect();
    const inner = tab.getBoundingClientRect();
    // A little of the next tab stays visible, as a sign that the row goes on.
    const margin = 32;
    if (inner.left < outer.left) row.scrollLeft -= outer.left - inner.left + margin;
    else if (inner.right > outer.right) row.scrollLeft += inner.right - outer.right + margin;
  }, [key]);
  return ref;
}
