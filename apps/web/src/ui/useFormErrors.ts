import { useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { focusFirstInvalid, formErrors } from './errors';

/**
 * A form's messages per field (`_form` for the rest, shown by FormError) and the ref its <form>
 * takes, so the keyboard can go to the first field marked invalid. `labels` name the fields the
 * api's 400 messages may point at.
 */
export function useFormErrors(labels: Record<string, string>) {
  const i18n = useI18n();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const form = useRef<HTMLFormElement>(null);
  return {
    errors,
    form,
    /** A failed submission: the api's messages under their fields, or one under `_form`. */
    fail(error: unknown): void {
      setErrors(formErrors(error, i18n, labels));
      focusFirstInvalid(form.current);
    },
    /** A field refused before sending: its message alone. */
    invalid(field: string, message: string): void {
      setErrors({ [field]: [message] });
      focusFirstInvalid(form.current);
    },
    /** The checks made before sending: shows their messages (none clears); true when there are some. */
    refuse(problems: Record<string, string[]>): boolean {
      setErrors(problems);
      if (!Object.keys(problems).length) return false;
      focusFirstInvalid(form.current);
      return true;
    },
    clear(): void {
      setErrors({});
    },
  };
}
