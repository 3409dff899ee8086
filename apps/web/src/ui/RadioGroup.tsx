import { useId } from 'react';
import { FieldSet } from './Field';

interface Option<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/**
 * A fieldset of radio buttons with a legend and an optional hint per choice. `value` null checks
 * none: a form whose choices have consequences starts there, so nothing is decided by default.
 */
export function RadioGroup<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  errors,
}: {
  legend: string;
  name: string;
  value: T | null;
  options: Option<T>[];
  onChange(value: T): void;
  errors?: string[];
}) {
  const id = useId();
  return (
    <FieldSet id={id} legend={legend} errors={errors} className="radio-group">
      {options.map((option) => (
        <label key={option.value} className="radio-group__option">
          <input
            type="radio"
            name={`${name}-${id}`}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            aria-describedby={option.hint ? `${id}-${option.value}` : undefined}
          />
          <span>
            <span className="radio-group__label">{option.label}</span>
            {option.hint && (
              <span className="radio-group__hint" id={`${id}-${option.value}`}>
                {option.hint}
              </span>
            )}
          </span>
        </label>
      ))}
    </FieldSet>
  );
}
