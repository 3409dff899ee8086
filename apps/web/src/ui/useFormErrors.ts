import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { focusFirstInvalid, formErrors } from './errors';

/**
 * A form's messages per field (`_form` for the rest, shown by FormError) and the ref its <form>
 * takes, so the keyboard can go to the first field marked invalid. `labels` name the fields the
 * api's 400 messages may point at, and `field` gives a Field both. `send` runs a submission that does
 * not go through a mutation.
 */
export function useFormErrors<Name extends string>(labels: Record<Name, string>) {
  const i18n = useI18n();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function fail(error: unknown): void {
    setErrors(formErrors(error, i18n, labels));
    focusFirstInvalid(form.current);
  }

  function refuse(problems: Record<string, string[]>): boolean {
    setErrors(problems);
    if (!Object.keys(problems).length) return false;
    focusFirstInvalid(form.current);
    return true;
  }

  return {
    errors,
    form,
    /** True while `send`'s work runs (to disable the submit button). */
    busy,
    /** A failed submission: the api's messages under their fields, or one under `_form`. */
    fail,
    /** Sends the form: the messages cleared, busy until `work` ends (a send meanwhile is ignored), a failure shown by `fail`. */
    async send(work: () => Promise<unknown>): Promise<void> {
      if (busy) return;
      setBusy(true);
      setErrors({});
      try {
        await work();
      } catch (error) {
        fail(error);
      } finally {
        setBusy(false);
      }
    },
    /**
     * A Field's props for the field `name`: its label and its messages, with its value and setter
     * (`<Field {...field('body', body, setBody)} rows={4} />`).
     */
    field(name: Name, value: string, onValueChange: (value: string) => void) {
      return { label: labels[name], value, onValueChange, errors: errors[name] };
    },
    /**
     * The <form>'s onSubmit that sends `mutation` (whose onError is `fail`): nothing while it runs,
     * and nothing sent while `check` finds problems, which are shown as `refuse` shows them.
     */
    submitTo(mutation: { isPending: boolean; mutate(): void }, check: () => Record<string, string[]> = () => ({})) {
      return (event: FormEvent) => {
        event.preventDefault();
        if (mutation.isPending || refuse(check())) return;
        mutation.mutate();
      };
    },
    /** The fields among `values` left blank, each with its "… is required." message (for `refuse`). */
    required(values: Partial<Record<Name, string>>): Record<string, string[]> {
      const missing: Record<string, string[]> = {};
      for (const [field, value] of Object.entries<string | undefined>(values)) {
        if (!value?.trim()) missing[field] = [i18n.t('form.required', { field: labels[field as Name] })];
      }
      return missing;
    },
    /** A field refused before sending: its message alone. */
    invalid(field: string, message: string): void {
      setErrors({ [field]: [message] });
      focusFirstInvalid(form.current);
    },
    /** The checks made before sending: shows their messages (none clears); true when there are some. */
    refuse,
    clear(): void {
      setErrors({});
    },
  };
}
