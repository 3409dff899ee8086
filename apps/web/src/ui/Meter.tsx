import { useId, type ReactNode } from 'react';

/**
 * A labelled horizontal gauge: the native <meter> (or <progress> for work under way), so
 * assistive tech reads the value with its label, and the value also written out as text.
 */
export function Meter({
  label,
  value,
  max = 1,
  valueText,
  hint,
  kind = 'meter',
}: {
  label: string;
  value: number;
  max?: number;
  /** The value as people read it ("72 %", "3 of 4"). */
  valueText: string;
  hint?: ReactNode;
  kind?: 'meter' | 'progress';
}) {
  const id = useId();
  const bounded = Math.min(max, Math.max(0, value));
  return (
    <div className="meter">
      <div className="meter__head">
        <span className="meter__label" id={`${id}-label`}>
          {label}
        </span>
        <span className="meter__value">{valueText}</span>
      </div>
      {kind === 'progress' ? (
        <progress className="meter__bar" max={max} value={bounded} aria-labelledby={`${id}-label`} aria-valuetext={valueText} />
      ) : (
        <meter
          className="meter__bar"
          min={0}
          max={max}
          value={bounded}
          aria-labelledby={`${id}-label`}
          aria-valuetext={valueText}
        />
      )}
      {hint && <p className="meter__hint muted">{hint}</p>}
    </div>
  );
}
