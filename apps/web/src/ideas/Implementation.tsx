import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ideasApi } from '../api/endpoints';
import type { IdeaDetail, Implementation, Milestone, UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { PersonPicker } from '../people/PersonPicker';
import { useAnnounce } from '../ui/Announcer';
import { FormError, PersonLink, RelativeTime } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { CountField, Field, FieldErrors } from '../ui/Field';
import { Meter } from '../ui/Meter';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import { ideaKeys, patchIdea } from './cache';

/** The api's limit (libs/ideas IDEA_LIMITS.milestones). */
const MAX_MILESTONES = 50;

interface MilestoneDraft extends Milestone {
  key: number;
}
let nextKey = 1;
const draft = (m: Milestone = { title: '', date: '', done: false }): MilestoneDraft => ({ ...m, key: nextKey++ });

/** Implementation tracking can start once the idea is selected. */
export const tracksImplementation = (idea: IdeaDetail) => idea.status === 'selected' || idea.status === 'implemented';

function ImplementationView({ implementation }: { implementation: Implementation | null | undefined }) {
  const { t, lang } = useI18n();
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  if (!implementation) return <p className="muted">{t('implementation.notStarted')}</p>;
  return (
    <div className="stack">
      <Meter
        kind="progress"
        label={t('implementation.progress')}
        value={implementation.progress}
        max={100}
        valueText={t('implementation.percent', { n: implementation.progress })}
      />
      <p>
        {t('implementation.owner')}:{' '}
        {implementation.owner ? (
          <PersonLink user={implementation.owner} />
        ) : (
          <span className="muted">{t('implementation.noOwner')}</span>
        )}
      </p>
      {implementation.milestones.length > 0 && (
        <ol className="milestones" aria-label={t('implementation.milestones')}>
          {implementation.milestones.map((m, index) => (
            <li key={`${index}-${m.title}`} className={m.done ? 'milestones__item milestones__item--done' : 'milestones__item'}>
              <span aria-hidden="true">{m.done ? '✓' : '○'}</span> <span>{m.title}</span>{' '}
              <span className="muted">
                · {dates.format(new Date(`${m.date}T00:00:00Z`))} · {m.done ? t('implementation.done') : t('implementation.toDo')}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="muted">
        {t('implementation.updated')} <RelativeTime iso={implementation.updatedAt} />
      </p>
    </div>
  );
}

function ImplementationForm({ idea, onDone }: { idea: IdeaDetail; onDone(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const current = idea.implementation;
  const [owner, setOwner] = useState<UserSummary[]>(current?.owner ? [current.owner] : []);
  const [progress, setProgress] = useState(String(current?.progress ?? 0));
  const [milestones, setMilestones] = useState<MilestoneDraft[]>(() => (current?.milestones ?? []).map((m) => draft(m)));
  const id = useId();
  const labels = {
    ownerId: t('implementation.owner'),
    progress: t('implementation.progress'),
    milestones: t('implementation.milestones'),
  };
  const { errors, form, field, busy, send, refuse } = useFormErrors(labels);
  const set = (key: number, patch: Partial<Milestone>) =>
    setMilestones((all) => all.map((m) => (m.key === key ? { ...m, ...patch } : m)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems: Record<string, string[]> = {};
    const n = Number(progress);
    if (progress.trim() === '' || !Number.isInteger(n) || n < 0 || n > 100)
      problems.progress = [t('implementation.progressInvalid')];
    if (milestones.some((m) => !m.title.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(m.date))) {
      problems.milestones = [t('implementation.milestonesInvalid')];
    }
    if (refuse(problems)) return;
    await send(async () => {
      const updated = await ideasApi.implementation(idea.id, {
        ownerId: owner[0]?.id ?? null,
        progress: n,
        milestones: milestones.map(({ title, date, done }) => ({ title: title.trim(), date, done })),
      });
      qc.setQueryData(ideaKeys.idea(idea.id), updated);
      patchIdea(qc, idea.id, () => ({ implementation: updated.implementation }));
      announce(t('implementation.saved'));
      onDone();
    });
  }

  return (
    <form ref={form} className="stack" onSubmit={submit} noValidate aria-label={t('implementation.edit')}>
      <FormError>{errors._form?.join(' ')}</FormError>
      <PersonPicker
        label={labels.ownerId}
        hint={t('implementation.ownerHint')}
        value={owner}
        onChange={(next) => setOwner(next.slice(-1))}
        errors={errors.ownerId}
      />
      <CountField min={0} max={100} {...field('progress', progress, setProgress)} hint={t('implementation.progressHint')} />
      <fieldset className={`field milestones-editor ${errors.milestones?.length ? 'field--invalid' : ''}`}>
        <legend className="field__label">{labels.milestones}</legend>
        {milestones.length > 0 && (
          <ol className="milestones-editor__list">
            {milestones.map((m, index) => (
              <li key={m.key} className="milestones-editor__row">
                <Field
                  label={t('implementation.milestoneTitle', { n: index + 1 })}
                  value={m.title}
                  onValueChange={(title) => set(m.key, { title })}
                  maxLength={200}
                  errors={errors.milestones && !m.title.trim() ? [t('implementation.milestoneTitleRequired')] : undefined}
                />
                <Field
                  type="date"
                  label={t('implementation.milestoneDate', { n: index + 1 })}
                  value={m.date}
                  onValueChange={(date) => set(m.key, { date })}
                  errors={
                    errors.milestones && !/^\d{4}-\d{2}-\d{2}$/.test(m.date)
                      ? [t('implementation.milestoneDateRequired')]
                      : undefined
                  }
                />
                <label className="milestones-editor__done">
                  <input type="checkbox" checked={m.done} onChange={(event) => set(m.key, { done: event.target.checked })} />{' '}
                  {t('implementation.milestoneDone', { n: index + 1 })}
                </label>
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  onClick={() => setMilestones((all) => all.filter((x) => x.key !== m.key))}
                >
                  {t('implementation.removeMilestone', { n: index + 1 })}
                </button>
              </li>
            ))}
          </ol>
        )}
        <FieldErrors id={`${id}-milestones-error`} errors={errors.milestones} />
        {milestones.length < MAX_MILESTONES && (
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() => setMilestones((all) => [...all, draft()])}
          >
            {t('implementation.addMilestone')}
          </button>
        )}
      </fieldset>
      <SubmitRow busy={busy} busyLabel={t('common.saving')} onCancel={onDone}>
        {t('implementation.save')}
      </SubmitRow>
    </form>
  );
}

/**
 * How the selected idea is being carried out: owner, progress, milestones. Everyone sees it (live,
 * see useIdeasRealtime); the innovation team keeps it up to date.
 */
export function ImplementationPanel({ idea, canEdit }: { idea: IdeaDetail; canEdit: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const editable = canEdit && tracksImplementation(idea);
  if (!idea.implementation && !editable) return null;
  const done = () => {
    setEditing(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <CardSection title={t('implementation.title')} className="card stack implementation">
      {editing ? (
        <ImplementationForm idea={idea} onDone={done} />
      ) : (
        <>
          <ImplementationView implementation={idea.implementation} />
          {editable && (
            <div className="row row--end">
              <button type="button" ref={button} className="btn btn--secondary" onClick={() => setEditing(true)}>
                {t('implementation.edit')}
              </button>
            </div>
          )}
        </>
      )}
    </CardSection>
  );
}
