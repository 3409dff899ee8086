import { useId, useState, type KeyboardEvent } from 'react';
import { RemovableChips } from './Chips';
import { FieldSet } from './Field';

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
    <FieldSet id={id} legend={label} hint={hint} errors={errors} className="skills-editor">
      <RemovableChips
        items={value}
        keyOf={String}
        nameOf={String}
        removeLabel={removeLabel}
        onRemove={(item) => onChange(value.filter((s) => s !== item))}
      />
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
    </FieldSet>
  );
}
