import type { ReactNode, Ref } from 'react';
import { useI18n } from '../i18n/I18nProvider';

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

/** A SubmitButton at the end of the form, where most forms put it; with `onCancel`, a Cancel button before it. */
export function SubmitRow({ onCancel, ...props }: Props & { onCancel?(): void }) {
  return (
    <div className="row row--end">
      {onCancel && <CancelButton onClick={onCancel} />}
      <SubmitButton {...props} />
    </div>
  );
}

/** "Cancel": closes a form or a confirmation without doing anything. */
export function CancelButton({
  onClick,
  className = 'btn btn--ghost',
  buttonRef,
  autoFocus,
}: {
  onClick(): void;
  className?: string;
  /** To give the focus back to it. */
  buttonRef?: Ref<HTMLButtonElement>;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  return (
    <button type="button" className={className} onClick={onClick} ref={buttonRef} autoFocus={autoFocus}>
      {t('common.cancel')}
    </button>
  );
}
