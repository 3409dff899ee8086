import { useState, type FormEvent, type ReactNode } from 'react';
import type { Campaign, CampaignInput, UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { PersonPicker } from '../people/PersonPicker';
import { FormError } from '../ui/bits';
import { CountField, Field } from '../ui/Field';
import { SubmitButton } from '../ui/SubmitButton';
import { TagsEditor } from '../ui/TagsEditor';
import { useFormErrors } from '../ui/useFormErrors';
import { CriteriaEditor, newCriterion, toCriteria, type CriterionDraft } from './CriteriaEditor';

/** An instant as a `datetime-local` value in the browser's zone (`YYYY-MM-DDTHH:mm`). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The campaign's fields (the question, topics, scorecard, panel, how many advance), for a new
 * campaign and for editing a draft. `onSave` throws on failure: what was typed stays, with the
 * api's messages under their fields.
 */
export function CampaignForm({
  initial,
  onSave,
  submitLabel,
  cancel,
}: {
  initial?: Campaign;
  onSave(input: CampaignInput): Promise<unknown>;
  submitLabel: string;
  /** The way out (a link or a button), before the submit button. */
  cancel: ReactNode;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [topics, setTopics] = useState<string[]>(initial?.topics ?? []);
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() =>
    initial?.criteria.length ? initial.criteria.map((c) => newCriterion(c)) : [newCriterion()],
  );
  const [reviewers, setReviewers] = useState<UserSummary[]>(initial?.reviewers ?? []);
  const [advanceTopN, setAdvanceTopN] = useState(String(initial?.advanceTopN ?? 5));
  const [closesAt, setClosesAt] = useState(initial?.closesAt ? toLocalInput(initial.closesAt) : '');
  const labels = {
    title: t('campaignForm.title'),
    description: t('campaignForm.description'),
    topics: t('campaignForm.topics'),
    criteria: t('campaignForm.criteria'),
    reviewerIds: t('campaignForm.reviewers'),
    advanceTopN: t('campaignForm.advanceTopN'),
    closesAt: t('campaignForm.closesAt'),
  };
  const { errors, form, field, busy, send, required, refuse } = useFormErrors(labels);

  function check(): Record<string, string[]> {
    const out = required({ title, description });
    if (criteria.some((c) => !c.name.trim() || !(Number(c.weight) > 0))) out.criteria = [t('campaignForm.criteriaInvalid')];
    if (reviewers.length === 0) out.reviewerIds = [t('campaignForm.reviewersRequired')];
    const n = Number(advanceTopN);
    if (!Number.isInteger(n) || n < 1) out.advanceTopN = [t('campaignForm.advanceInvalid')];
    if (closesAt && !(new Date(closesAt).getTime() > Date.now())) out.closesAt = [t('campaignForm.closesAtPast')];
    return out;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems = check();
    if (refuse(problems)) return;
    await send(() =>
      onSave({
        title,
        description,
        topics,
        criteria: toCriteria(criteria),
        reviewerIds: reviewers.map((r) => r.id),
        advanceTopN: Number(advanceTopN),
        // datetime-local is the person's local time; the api takes an instant.
        closesAt: closesAt ? new Date(closesAt).toISOString() : null,
      }),
    );
  }

  return (
    <form ref={form} className="card stack" onSubmit={submit} noValidate>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field {...field('title', title, setTitle)} maxLength={200} required />
      <Field
        multiline
        {...field('description', description, setDescription)}
        hint={t('campaignForm.descriptionHint')}
        rows={4}
        maxLength={10_000}
        required
      />
      <TagsEditor
        label={labels.topics}
        hint={t('campaignForm.topicsHint')}
        addLabel={t('campaignForm.addTopic')}
        removeLabel={(name) => t('editProfile.removeSkill', { name })}
        value={topics}
        onChange={setTopics}
        errors={errors.topics}
      />
      <CriteriaEditor value={criteria} onChange={setCriteria} errors={errors.criteria} />
      <PersonPicker
        label={labels.reviewerIds}
        hint={t('campaignForm.reviewersHint')}
        value={reviewers}
        onChange={setReviewers}
        errors={errors.reviewerIds}
      />
      <CountField
        min={1}
        max={1000}
        {...field('advanceTopN', advanceTopN, setAdvanceTopN)}
        hint={t('campaignForm.advanceHint')}
      />
      <Field
        type="datetime-local"
        {...field('closesAt', closesAt, setClosesAt)}
        hint={t('campaignForm.closesAtHint')}
        className="field--short"
      />
      <div className="row row--end">
        {cancel}
        <SubmitButton busy={busy} busyLabel={t('campaignForm.busy')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
