import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** A list of skills as removable chips, with an input that adds on Enter, comma or the Add button. */
export function SkillsEditor({
  value,
  onChange,
  errors,
}: {
  value: string[];
  onChange(next: string[]): void;
  errors?: string[];
}) {
  const { t } = useI18n();
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
      <legend className="field__label">{t('editProfile.skills')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('editProfile.skillsHint')}
      </p>
      {value.length > 0 && (
        <ul className="chips">
          {value.map((skill) => (
            <li key={skill} className="chip">
              <span>{skill}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('editProfile.removeSkill', { name: skill })}
                onClick={() => onChange(value.filter((s) => s !== skill))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <label htmlFor={id} className="visually-hidden">
          {t('editProfile.addSkill')}
        </label>
        <input
          id={id}
          className="field__control"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => add(draft)}
          maxLength={60}
          aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
          aria-invalid={errors?.length ? true : undefined}
        />
        <button type="button" className="btn btn--secondary" onClick={() => add(draft)} disabled={!draft.trim()}>
          {t('editProfile.addSkill')}
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
