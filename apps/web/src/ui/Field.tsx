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
type InputProps = Common & { multiline?: false; inputRef?: Ref<HTMLInputElement> } & Native<
    InputHTMLAttributes<HTMLInputElement>
  >;
type TextareaProps = Common & { multiline: true; inputRef?: Ref<HTMLTextAreaElement> } & Native<
    TextareaHTMLAttributes<HTMLTextAreaElement>
  >;

/** A labelled input or textarea with its hint and error messages wired for assistive tech. */
export function Field(props: InputProps | TextareaProps) {
  const id = useId();
  const { label, hint, errors, className } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const common = {
    id,
    value: props.value,
    className: 'field__control',
    'aria-invalid': errors?.length ? true : undefined,
    // An extra description from the caller (e.g. suggestions under the field) is kept.
    'aria-describedby': [hintId, errorId, props['aria-describedby']].filter(Boolean).join(' ') || undefined,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onValueChange(event.target.value),
  };

  let control;
  if (props.multiline) {
    const {
      label: _l,
      hint: _h,
      errors: _e,
      value: _v,
      onValueChange: _o,
      className: _c,
      multiline: _m,
      inputRef,
      ...native
    } = props;
    control = <textarea {...native} {...common} ref={inputRef} />;
  } else {
    const {
      label: _l,
      hint: _h,
      errors: _e,
      value: _v,
      onValueChange: _o,
      className: _c,
      multiline: _m,
      inputRef,
      ...native
    } = props;
    control = <input {...native} {...common} ref={inputRef} />;
  }

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
