import type { ReactNode } from 'react';

/**
 * Why an action failed (a button, a small form), said next to it and announced; nothing while
 * there is no message. `ActionError` says it from a mutation's error; `FormError` is the
 * counterpart for a whole form with fields.
 */
export function InlineError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="inline-error" role="alert">
      {children}
    </p>
  );
}
