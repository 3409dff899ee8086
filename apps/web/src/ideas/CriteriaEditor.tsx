import type { Criterion } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { FieldSet } from '../ui/Field';
import styles from './CriteriaEditor.module.css';

/** The api's limits (libs/ideas CRITERIA_LIMITS). */
const MAX = 10;

export interface CriterionDraft {
  key: number;
  name: string;
  weight: string;
  /** What a 1 and a 5 mean ("costly", "cheap"); blank: the generic weak…excellent. */
  low: string;
  high: string;
}

/** The two ends of the 1–5 scale, each described per criterion. */
const ENDS = ['low', 'high'] as const;

let nextKey = 1;
export const newCriterion = (from: Partial<Criterion> = {}): CriterionDraft => ({
  key: nextKey++,
  name: from.name ?? '',
  weight: String(from.weight ?? 1),
  low: from.low ?? '',
  high: from.high ?? '',
});

export function toCriteria(drafts: CriterionDraft[]): Criterion[] {
  return drafts.map((d) => ({
    name: d.name.trim(),
    weight: Number(d.weight),
    ...(d.low.trim() ? { low: d.low.trim() } : {}),
    ...(d.high.trim() ? { high: d.high.trim() } : {}),
  }));
}

/** The scorecard: a name, a relative weight and what each end of the 1–5 scale means, per criterion (1 to 10 of them). */
export function CriteriaEditor({
  value,
  onChange,
  errors,
}: {
  value: CriterionDraft[];
  onChange(next: CriterionDraft[]): void;
  errors?: string[];
}) {
  const { t } = useI18n();
  const set = (key: number, patch: Partial<CriterionDraft>) =>
    onChange(value.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  return (
    <FieldSet legend={t('campaignForm.criteria')} hint={t('campaignForm.criteriaHint')} errors={errors} className={styles.editor}>
      <ol className={styles.list}>
        {value.map((c, index) => (
          <li key={c.key} className={styles.item}>
            <div className={styles.row}>
              <label className={styles.name}>
                <span className="visually-hidden">{t('campaignForm.criterionName', { n: index + 1 })}</span>
                <input
                  className="field__control"
                  value={c.name}
                  maxLength={60}
                  placeholder={t('campaignForm.criterionPlaceholder')}
                  onChange={(event) => set(c.key, { name: event.target.value })}
                  aria-invalid={errors?.length && !c.name.trim() ? true : undefined}
                />
              </label>
              <label className={styles.weight}>
                <span className={styles.weightLabel}>{t('campaignForm.weight')}</span>
                <input
                  className="field__control"
                  type="number"
                  inputMode="decimal"
                  min={0.1}
                  max={100}
                  step="any"
                  value={c.weight}
                  onChange={(event) => set(c.key, { weight: event.target.value })}
                  aria-label={t('campaignForm.criterionWeight', { n: index + 1 })}
                />
              </label>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                onClick={() => onChange(value.filter((d) => d.key !== c.key))}
                disabled={value.length <= 1}
                aria-label={t('campaignForm.removeCriterion', { n: index + 1 })}
              >
                ×
              </button>
            </div>
            <div className={styles.ends}>
              {ENDS.map((end) => (
                <label key={end} className={styles.end}>
                  <span className={styles.endLabel}>{t(`campaignForm.${end}`)}</span>
                  <input
                    className="field__control"
                    value={c[end]}
                    maxLength={40}
                    placeholder={t(`campaignForm.${end}Placeholder`)}
                    onChange={(event) => set(c.key, { [end]: event.target.value })}
                    aria-label={t(`campaignForm.${end}Of`, { n: index + 1 })}
                  />
                </label>
              ))}
            </div>
          </li>
        ))}
      </ol>
      {value.length < MAX && (
        <button type="button" className="btn btn--secondary btn--small" onClick={() => onChange([...value, newCriterion()])}>
          {t('campaignForm.addCriterion')}
        </button>
      )}
    </FieldSet>
  );
}
