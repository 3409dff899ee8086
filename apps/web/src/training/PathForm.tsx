import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { groupsApi } from '../api/endpoints';
import { trainingApi } from '../api/training';
import type { TrainingAudience, TrainingStepInput, TrainingStepKind } from '../api/types';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { Field } from '../ui/Field';
import { RadioGroup } from '../ui/RadioGroup';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import { trainingKeys } from './cache';
import styles from './Training.module.css';

const KINDS: TrainingStepKind[] = [
  'read',
  'accept_guidelines',
  'first_post',
  'first_question',
  'join_group',
  'meet_mentor',
  'declare_skills',
  'follow_people',
];
const MAX_STEPS = 20;
const blankStep = (): TrainingStepInput => ({ kind: 'read', title: '', body: '' });

/**
 * Drafts a training path: the company's (admins) or one of my groups' for its newcomers (owners and
 * admins). Steps in order; a "join a group" step names the group, a first post may.
 */
export function PathForm() {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const scopeId = useId();
  const admin = me.roles.includes('admin');
  const groups = useQuery({ queryKey: ['groups', 'mine', 'training'], queryFn: () => groupsApi.list({ mine: true }, null) });
  const managed = (groups.data?.items ?? []).filter((g) => g.myRole === 'owner' || g.myRole === 'admin');
  const publicGroups = (groups.data?.items ?? []).filter((g) => g.visibility === 'public');

  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [audience, setAudience] = useState<TrainingAudience>('newcomers');
  const [groupId, setGroupId] = useState<string>('');
  const [steps, setSteps] = useState<TrainingStepInput[]>([blankStep()]);
  const labels = {
    title: t('training.form.title'),
    description: t('training.form.description'),
    steps: t('training.form.steps'),
  };
  const { errors, form, field, busy, send, refuse } = useFormErrors(labels);

  const setStep = (index: number, patch: Partial<TrainingStepInput>) =>
    setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems: Record<string, string[]> = {};
    if (!title.trim()) problems.title = [t('training.form.titleRequired')];
    if (!admin && !groupId) problems._form = [t('training.form.pickGroup')];
    if (steps.some((s) => !s.title.trim())) problems.steps = [t('training.form.stepTitleRequired')];
    if (steps.some((s) => s.kind === 'join_group' && !s.groupId)) problems.steps = [t('training.form.groupRequired')];
    if (refuse(problems)) return;
    await send(async () => {
      const created = await trainingApi.create({
        title,
        description,
        audience: groupId ? 'newcomers' : audience,
        ...(groupId ? { groupId } : {}),
        steps: steps.map((s) => ({
          kind: s.kind,
          title: s.title,
          ...(s.body ? { body: s.body } : {}),
          ...(s.groupId && (s.kind === 'join_group' || s.kind === 'first_post') ? { groupId: s.groupId } : {}),
        })),
      });
      void qc.invalidateQueries({ queryKey: trainingKeys.managed });
      announce(t('training.form.created', { title: created.title }));
      setTitle('');
      setDescription('');
      setSteps([blankStep()]);
    });
  }

  return (
    <form ref={form} className="stack" onSubmit={submit} noValidate>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field {...field('title', title, setTitle)} maxLength={140} required />
      <Field multiline {...field('description', description, setDescription)} rows={2} maxLength={4000} />
      <div className="field">
        <label className="field__label" htmlFor={scopeId}>
          {t('training.form.scope')}
        </label>
        <select id={scopeId} className="field__control" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
          {admin && <option value="">{t('training.form.company')}</option>}
          {!admin && !groupId && <option value="">{t('training.form.pickGroup')}</option>}
          {managed.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      {!groupId && (
        <RadioGroup<TrainingAudience>
          legend={t('training.form.audience')}
          name="audience"
          value={audience}
          onChange={setAudience}
          options={[
            { value: 'newcomers', label: t('training.audience.newcomers') },
            { value: 'community_owners', label: t('training.audience.community_owners') },
          ]}
        />
      )}
      <fieldset className="field stack">
        <legend className="field__label">{labels.steps}</legend>
        {errors.steps && (
          <p role="alert" className="form-error">
            {errors.steps.join(' ')}
          </p>
        )}
        {steps.map((step, index) => (
          <div key={index} className="card stack">
            <div className={styles.stepRow}>
              <Field
                label={t('training.form.stepTitle', { n: index + 1 })}
                value={step.title}
                onValueChange={(value) => setStep(index, { title: value })}
                maxLength={140}
              />
              <label className="field">
                <span className="field__label">{t('training.form.kind')}</span>
                <select
                  className="field__control"
                  value={step.kind}
                  onChange={(e) => setStep(index, { kind: e.target.value as TrainingStepKind })}
                >
                  {KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`training.kind.${kind}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                disabled={steps.length === 1}
                onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}
              >
                {t('training.form.removeStep', { n: index + 1 })}
              </button>
            </div>
            {(step.kind === 'join_group' || step.kind === 'first_post') && (
              <label className="field">
                <span className="field__label">{t('training.form.stepGroup')}</span>
                <select
                  className="field__control"
                  value={step.groupId ?? ''}
                  onChange={(e) => setStep(index, { groupId: e.target.value || undefined })}
                >
                  <option value="">
                    {step.kind === 'first_post' ? t('training.form.anywhere') : t('training.form.pickGroup')}
                  </option>
                  {[...new Map([...publicGroups, ...managed].map((g) => [g.id, g])).values()].map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <Field
              multiline
              label={t('training.form.stepBody')}
              value={step.body ?? ''}
              onValueChange={(value) => setStep(index, { body: value })}
              rows={2}
              maxLength={8000}
            />
          </div>
        ))}
        <div className="row">
          <button
            type="button"
            className="btn btn--secondary"
            disabled={steps.length >= MAX_STEPS}
            onClick={() => setSteps((all) => [...all, blankStep()])}
          >
            {t('training.form.addStep')}
          </button>
        </div>
      </fieldset>
      <SubmitRow busy={busy} busyLabel={t('common.saving')} disabled={!admin && managed.length === 0}>
        {t('training.form.submit')}
      </SubmitRow>
    </form>
  );
}
