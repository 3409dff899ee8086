import { useId, type ChangeEvent, type InputHTMLAttributes, type Ref, type TextareaHTMLAttributes } from 'react';

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
      {errorId && (
        <ul id={errorId} className="field__errors">
          {errors!.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
