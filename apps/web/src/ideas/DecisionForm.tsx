import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ideasApi } from '../api/endpoints';
import type { Decision, IdeaDetail } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { Field } from '../ui/Field';
import { RadioGroup } from '../ui/RadioGroup';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import { ideaKeys, patchIdea } from './cache';

/** What may follow the idea's status: expert review → selected | rejected; selected → implemented. */
export function decisionsFor(idea: IdeaDetail): Decision[] {
  if (idea.status === 'in_review') return ['selected', 'rejected'];
  if (idea.status === 'selected') return ['implemented'];
  return [];
}

/** The innovation team decides, with a rationale shown on the idea (required to reject). */
export function DecisionForm({ idea }: { idea: IdeaDetail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const options = decisionsFor(idea);
  // No decision is pre-chosen (rejecting is final for the author): the button waits for a choice.
  const [status, setStatus] = useState<Decision | null>(null);
  const [rationale, setRationale] = useState('');
  const labels = { status: t('decision.status'), rationale: t('decision.rationale') };
  const { errors, form, field, busy, send, invalid } = useFormErrors(labels);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !status) return;
    if (status === 'rejected' && !rationale.trim()) {
      return invalid('rationale', t('decision.rationaleRequired'));
    }
    await send(async () => {
      const updated = await ideasApi.decide(idea.id, { status, ...(rationale.trim() ? { rationale } : {}) });
      qc.setQueryData(ideaKeys.idea(idea.id), updated);
      patchIdea(qc, idea.id, () => ({ status: updated.status, rationale: updated.rationale }));
      announce(t(`idea.status.${updated.status}`));
    });
  }

  return (
    <CardSection title={t('decision.title')} className="card">
      <form ref={form} className="stack" onSubmit={submit} noValidate>
        <FormError>{errors._form?.join(' ')}</FormError>
        <RadioGroup<Decision>
          legend={labels.status}
          name="decision"
          value={status}
          onChange={setStatus}
          errors={errors.status}
          options={options.map((value) => ({ value, label: t(`idea.status.${value}`) }))}
        />
        <Field
          multiline
          {...field('rationale', rationale, setRationale)}
          hint={t('decision.rationaleHint')}
          rows={3}
          maxLength={5000}
        />
        <SubmitRow busy={busy} disabled={!status} busyLabel={t('common.saving')}>
          {t('decision.submit')}
        </SubmitRow>
      </form>
    </CardSection>
  );
}
