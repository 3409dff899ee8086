import type { ReactNode } from 'react';

interface Props {
  /** While the form is being sent: the button is disabled, and says `busyLabel` when given. */
  busy: boolean;
  busyLabel?: string;
  /** Disabled for another reason (nothing to send yet). */
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}

/** A form's submit button, which cannot send the form twice at once. */
export function SubmitButton({ busy, busyLabel, disabled, className = 'btn btn--primary', children }: Props) {
  return (
    <button type="submit" className={className} disabled={busy || disabled}>
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

/** A SubmitButton at the end of the form, where most forms put it. */
export function SubmitRow(props: Props) {
  return (
    <div className="row row--end">
      <SubmitButton {...props} />
    </div>
  );
}
