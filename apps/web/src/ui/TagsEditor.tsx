import { useId, useState, type KeyboardEvent } from 'react';

/** A list of short texts as removable chips, with an input that adds on Enter, comma or the Add button. */
export function TagsEditor({
  label,
  hint,
  addLabel,
  removeLabel,
  value,
  onChange,
  errors,
  maxLength = 60,
}: {
  label: string;
  hint: string;
  addLabel: string;
  removeLabel(name: string): string;
  value: string[];
  onChange(next: string[]): void;
  errors?: string[];
  maxLength?: number;
}) {
  const id = useId();
  const [draft, setDraft] = useState('');

  function add(raw: string) {
    const names = raw
      .split(',')
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    if (!names.length) return;
    const next = [...value];
    for (const name of names) {
      if (!next.some((s) => s.toLocaleLowerCase() === name.toLocaleLowerCase())) next.push(name);
    }
    onChange(next);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    }
  }

  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset className={`field skills-editor ${errors?.length ? 'field--invalid' : ''}`}>
      <legend className="field__label">{label}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {value.length > 0 && (
        <ul className="chips">
          {value.map((item) => (
            <li key={item} className="chip">
              <span>{item}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={removeLabel(item)}
                onClick={() => onChange(value.filter((s) => s !== item))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <label htmlFor={id} className="visually-hidden">
          {addLabel}
        </label>
        <input
          id={id}
          className="field__control"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => add(draft)}
          maxLength={maxLength}
          aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
          aria-invalid={errors?.length ? true : undefined}
        />
        <button type="button" className="btn btn--secondary" onClick={() => add(draft)} disabled={!draft.trim()}>
          {addLabel}
        </button>
      </div>
      {errorId && (
        <ul id={errorId} className="field__errors">
          {errors!.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
