import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ideasApi } from '../api/endpoints';
import type { Criterion, IdeaDetail } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { focusFirstInvalid, formErrors } from '../ui/errors';
import { Field } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';
import { addReview, ideaKeys } from './cache';
import styles from './ReviewForm.module.css';

const SCALE = [1, 2, 3, 4, 5];

function ScoreScale({
  criterion,
  value,
  onChange,
  invalid,
}: {
  criterion: Criterion;
  value?: number;
  onChange(n: number): void;
  invalid: boolean;
}) {
  const { t } = useI18n();
  const hintId = useId();
  return (
    <fieldset className={styles.scale} aria-invalid={invalid || undefined} aria-describedby={hintId}>
      <legend className="field__label">
        {criterion.name} <span className="muted">{t('campaign.weight', { weight: criterion.weight })}</span>
      </legend>
      <div className={styles.options}>
        {SCALE.map((n) => (
          <label key={n} className={styles.option}>
            <input
              type="radio"
              name={`score-${criterion.name}`}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-invalid={invalid || undefined}
            />
            <span>{n}</span>
          </label>
        ))}
      </div>
      {/* Which end is good, per criterion: for "Cost", 1 may mean costly and 5 cheap. */}
      <p className={`${styles.hint} muted`} id={hintId}>
        {t('review.scaleEnds', { low: criterion.low ?? t('review.low'), high: criterion.high ?? t('review.high') })}
      </p>
    </fieldset>
  );
}

/** The reviewer's scorecard: 1..5 for every criterion and a comment; one review per idea. */
export function ReviewForm({ idea, criteria }: { idea: IdeaDetail; criteria: Criterion[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  /** Set by a submit with scores missing: the list of what is still missing then follows the choices. */
  const [checked, setChecked] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const labels = { scores: t('review.scores'), comment: t('review.comment') };
  const missing = criteria.filter((c) => !scores[c.name]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems: Record<string, string[]> = {};
    if (!comment.trim()) problems.comment = [t('form.required', { field: labels.comment })];
    setChecked(true);
    if (missing.length || Object.keys(problems).length) {
      setErrors(problems);
      return focusFirstInvalid(form.current);
    }
    setBusy(true);
    setErrors({});
    try {
      const review = await ideasApi.review(idea.id, { scores, comment });
      addReview(qc, review);
      void qc.invalidateQueries({ queryKey: ideaKeys.idea(idea.id) });
      announce(t('review.sent'));
    } catch (error) {
      setErrors(formErrors(error, i18n, labels));
      setBusy(false);
      focusFirstInvalid(form.current);
    }
  }

  return (
    <CardSection title={t('review.formTitle')} className="card review-form">
      <form ref={form} className="stack" onSubmit={submit} noValidate>
        <FormError>{errors._form?.join(' ')}</FormError>
        {criteria.map((criterion) => (
          <ScoreScale
            key={criterion.name}
            criterion={criterion}
            value={scores[criterion.name]}
            invalid={checked && !scores[criterion.name]}
            onChange={(n) => setScores((s) => ({ ...s, [criterion.name]: n }))}
          />
        ))}
        {((checked && missing.length > 0) || errors.scores) && (
          <ul className="field__errors" role="alert">
            {checked && missing.length > 0 && <li>{t('review.missing', { names: missing.map((c) => c.name).join(', ') })}</li>}
            {errors.scores?.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <Field
          multiline
          label={labels.comment}
          value={comment}
          onValueChange={(text) => {
            setComment(text);
            // A fixed field loses its message at once.
            if (errors.comment && text.trim()) setErrors(({ comment: _fixed, ...rest }) => rest);
          }}
          errors={errors.comment}
          rows={3}
          maxLength={5000}
        />
        <SubmitRow busy={busy} busyLabel={t('review.busy')}>
          {t('review.submit')}
        </SubmitRow>
      </form>
    </CardSection>
  );
}
