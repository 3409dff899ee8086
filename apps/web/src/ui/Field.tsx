import { useId, type ChangeEvent, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  /** Shown under the label, linked with aria-describedby. */
  hint?: string;
  /** Messages shown under the field; the field is marked invalid when any. */
  errors?: string[];
  value: string;
  onValueChange(value: string): void;
  className?: string;
}

type Native<T> = Omit<T, 'value' | 'onChange' | 'className' | 'id'>;
/** A single-line Field's props. */
export type InputFieldProps = InputProps;
type InputProps = Common & { multiline?: false; inputRef?: Ref<HTMLInputElement> } & Native<
    InputHTMLAttributes<HTMLInputElement>
  >;
type TextareaProps = Common & { multiline: true; inputRef?: Ref<HTMLTextAreaElement> } & Native<
    TextareaHTMLAttributes<HTMLTextAreaElement>
  >;

/** A labelled input or textarea with its hint and error messages wired for assistive tech. */
export function Field(props: InputProps | TextareaProps) {
  const id = useId();
  // Field's own props; the rest (name, type, rows...) are the control's attributes.
  const { label, hint, errors, value, onValueChange, className, multiline, inputRef, ...native } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const common = {
    id,
    value,
    className: 'field__control',
    'aria-invalid': errors?.length ? true : undefined,
    // An extra description from the caller (e.g. suggestions under the field) is kept.
    'aria-describedby': [hintId, errorId, native['aria-describedby']].filter(Boolean).join(' ') || undefined,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onValueChange(event.target.value),
  };

  const control = multiline ? (
    <textarea
      {...(native as Native<TextareaHTMLAttributes<HTMLTextAreaElement>>)}
      {...common}
      ref={inputRef as Ref<HTMLTextAreaElement>}
    />
  ) : (
    <input {...(native as Native<InputHTMLAttributes<HTMLInputElement>>)} {...common} ref={inputRef as Ref<HTMLInputElement>} />
  );

  return (
    <div className={['field', errors?.length ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {control}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

/** A whole number from `min` to `max`: a short Field with a numeric keypad. */
export function CountField(
  props: Omit<InputProps, 'type' | 'inputMode' | 'min' | 'max' | 'className' | 'multiline'> & { min: number; max: number },
) {
  return <Field type="number" inputMode="numeric" className="field--short" {...props} />;
}

/** A field's error messages under it, nothing when there are none; `id` is what the control's aria-describedby names. */
export function FieldErrors({ id, errors }: { id?: string; errors?: readonly string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field__errors">
      {errors.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/**
 * A group of controls as one field (a picker, a tags or criteria editor, radio buttons): the legend,
 * the hint (`${id}-hint`) and the error messages (`${id}-error`) for the controls inside to name in
 * their aria-describedby, and the invalid mark when there are errors.
 */
export function FieldSet({
  id,
  legend,
  hint,
  errors,
  className,
  children,
}: {
  /** The base of the hint's and the errors' ids (a `useId()` of the caller's). */
  id?: string;
  legend: string;
  hint?: string;
  errors?: readonly string[];
  className: string;
  children: ReactNode;
}) {
  const ownId = useId();
  const base = id ?? ownId;
  return (
    <fieldset className={['field', className, errors?.length ? 'field--invalid' : ''].join(' ').trim()}>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${base}-hint`}>
          {hint}
        </p>
      )}
      {children}
      <FieldErrors id={`${base}-error`} errors={errors} />
    </fieldset>
  );
}
