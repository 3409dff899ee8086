import { useEffect, useLayoutEffect, useRef } from 'react';

/** Scrolls `row` sideways (never the page) so that `tab` is wholly inside its visible part. */
function reveal(row: HTMLElement, tab: HTMLElement): void {
  const outer = row.getBoundingClientRect();
  const inner = tab.getBoundingClientRect();
  // A little of the next tab stays visible, as a sign that the row goes on.
  const margin = 32;
  if (inner.left < outer.left) row.scrollLeft -= outer.left - inner.left + margin;
  else if (inner.right > outer.right) row.scrollLeft += inner.right - outer.right + margin;
}

/**
 * For a row of tabs that scrolls sideways when it does not fit (`.tabs`): keeps the current tab
 * (aria-current="page") in view whenever `key` changes, so a page never opens on a tab scrolled
 * out of sight, and the tab that has the keyboard focus too (Chromium leaves a half-hidden
 * focused tab where it is).
 */
export function useActiveTabInView<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const row = ref.current;
    const tab = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (row && tab) reveal(row, tab);
  }, [key]);
  useEffect(() => {
    const row = ref.current;
    if (!row) return;
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && event.target !== row) reveal(row, event.target);
    };
    row.addEventListener('focusin', onFocus);
    return () => row.removeEventListener('focusin', onFocus);
  }, []);
  return ref;
}
