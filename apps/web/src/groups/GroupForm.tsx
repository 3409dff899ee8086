import { useState, type FormEvent } from 'react';
import type { GroupInput, GroupVisibility } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { FormError } from '../ui/bits';
import { Field } from '../ui/Field';
import { RadioGroup } from '../ui/RadioGroup';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';

/** The api's limits (libs/groups GROUP_LIMITS). */
const LIMITS = { name: 100, description: 2000, guidelines: 20_000 };

/**
 * Name, description, visibility (and guidelines when editing). What was typed stays when the
 * api refuses it; its messages show on the fields they name.
 */
export function GroupForm({
  initial,
  withGuidelines,
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
}: {
  initial: GroupInput;
  withGuidelines?: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit(values: GroupInput): Promise<void>;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<GroupInput>(initial);
  const labels = {
    name: t('groupForm.name'),
    description: t('groupForm.description'),
    guidelines: t('groupForm.guidelines'),
    visibility: t('groupForm.visibility'),
  };
  const { errors, form, field, busy, send, required, refuse } = useFormErrors(labels);
  const set = (field: keyof GroupInput) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (refuse(required({ name: values.name }))) return;
    await send(() => onSubmit(values));
  }

  return (
    <form ref={form} className="stack" onSubmit={submit} noValidate>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field {...field('name', values.name, set('name'))} maxLength={LIMITS.name} required />
      <Field
        multiline
        {...field('description', values.description ?? '', set('description'))}
        hint={t('groupForm.descriptionHint')}
        rows={3}
        maxLength={LIMITS.description}
      />
      {withGuidelines && (
        <Field
          multiline
          {...field('guidelines', values.guidelines ?? '', set('guidelines'))}
          hint={t('groupForm.guidelinesHint')}
          rows={6}
          maxLength={LIMITS.guidelines}
        />
      )}
      <RadioGroup<GroupVisibility>
        legend={labels.visibility}
        name="visibility"
        value={values.visibility}
        onChange={(visibility) => setValues((v) => ({ ...v, visibility }))}
        errors={errors.visibility}
        options={[
          { value: 'public', label: t('groups.public'), hint: t('groupForm.publicHint') },
          { value: 'private', label: t('groups.private'), hint: t('groupForm.privateHint') },
        ]}
      />
      <SubmitRow busy={busy} busyLabel={busyLabel} onCancel={onCancel}>
        {submitLabel}
      </SubmitRow>
    </form>
  );
}
