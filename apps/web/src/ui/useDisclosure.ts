import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';

/**
 * A disclosure: a button with aria-expanded and its panel right after it, both inside the element
 * given `rootProps`, so Tab goes from the button through the panel in order. Escape closes it and
 * gives focus back to the button; a click outside, focus moving out, and following one of its
 * links close it too.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const rootProps = {
    ref: root,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Escape' && open) {
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }
    },
    onClick: (event: MouseEvent) => {
      if (open && (event.target as Element).closest('a')) setOpen(false);
    },
    onBlur: (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (open && next && root.current && !root.current.contains(next)) setOpen(false);
    },
  };
  return { open, setOpen, button, rootProps };
}
