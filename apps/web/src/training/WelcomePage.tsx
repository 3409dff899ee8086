import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../auth/useSession';
import { groupsApi, peopleApi } from '../api/endpoints';
import { firstRunApi } from '../api/training';
import type { FirstRunState, SuggestedColleague, SuggestedGroup, Suggestions } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { GuidelinesPrompt, useGuidelines } from '../moderation/GuidelinesPrompt';
import { SkillsEditor } from '../people/SkillsEditor';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, FormError, Loading, useTitle } from '../ui/bits';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';
import { refreshTraining } from './cache';
import { firstRunKeys } from './first-run';
import styles from './Welcome.module.css';

const STEPS = ['skills', 'colleagues', 'groups', 'guidelines', 'done'] as const;
type Step = (typeof STEPS)[number];

/**
 * First run (#16), the front door of the onboarding path: declare skills, follow the colleagues one
 * will work with, join groups, accept the guidelines, then the home feed. Each action is the
 * ordinary one (PATCH /me, follow, join, accept), so it ticks the path's steps like anywhere else;
 * finishing or skipping is remembered by the server, so it greets a person once.
 */
export function WelcomePage() {
  const { t } = useI18n();
  useTitle(t('firstRun.title'));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [step, setStep] = useState<Step>('skills');
  const suggestions = useQuery({ queryKey: firstRunKeys.suggestions, queryFn: firstRunApi.suggestions, staleTime: Infinity });
  const finish = useMutation({
    mutationFn: firstRunApi.finish,
    onSuccess: (state) => {
      qc.setQueryData<FirstRunState>(firstRunKeys.state, state);
      refreshTraining(qc);
      void navigate('/');
    },
  });
  const index = STEPS.indexOf(step);
  const next = () => setStep(STEPS[Math.min(index + 1, STEPS.length - 1)]);

  return (
    <div className="narrow stack">
      <header className="stack">
        <h1 className="page-title">{t('firstRun.title')}</h1>
        <p className="muted">{t('firstRun.intro')}</p>
        <ol className={styles.progress} aria-label={t('firstRun.stepsLabel')}>
          {STEPS.map((s, i) => (
            <li key={s} aria-current={s === step ? 'step' : undefined}>
              {i < index ? '✓ ' : ''}
              {t(`firstRun.step.${s}`)}
            </li>
          ))}
        </ol>
      </header>
      {suggestions.isPending ? (
        <Loading />
      ) : suggestions.isError ? (
        <ErrorBlock error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : (
        <StepBody step={step} suggestions={suggestions.data} onNext={next} />
      )}
      <FormError>{finish.isError && t('firstRun.finishFailed')}</FormError>
      <div className="row row--end">
        {index > 0 && step !== 'done' && (
          <button type="button" className="btn btn--ghost" onClick={() => setStep(STEPS[index - 1])}>
            {t('firstRun.back')}
          </button>
        )}
        {step === 'done' ? (
          <button
            type="button"
            className="btn btn--primary"
            disabled={finish.isPending}
            onClick={() => finish.mutate('finished')}
          >
            {t('firstRun.toFeed')}
          </button>
        ) : (
          <>
            <button type="button" className="btn btn--ghost" disabled={finish.isPending} onClick={() => finish.mutate('skipped')}>
              {t('firstRun.skip')}
            </button>
            {step !== 'skills' && (
              <button type="button" className="btn btn--primary" onClick={next}>
                {t('firstRun.next')}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function StepBody({ step, suggestions, onNext }: { step: Step; suggestions: Suggestions; onNext: () => void }) {
  const { t } = useI18n();
  switch (step) {
    case 'skills':
      return <SkillsStep suggested={suggestions.skills.map((s) => s.name)} onSaved={onNext} />;
    case 'colleagues':
      return (
        <ChoiceStep area="colleagues" items={suggestions.colleagues}>
          {(c) => <ColleagueChoice key={c.id} colleague={c} />}
        </ChoiceStep>
      );
    case 'groups':
      return (
        <ChoiceStep area="groups" items={suggestions.groups}>
          {(g) => <GroupChoice key={g.id} group={g} />}
        </ChoiceStep>
      );
    case 'guidelines':
      return <GuidelinesStep />;
    case 'done':
      return (
        <Section title={t('firstRun.done.title')} hint={t('firstRun.done.hint')}>
          {null}
        </Section>
      );
  }
}

/** Suggested colleagues or groups, one click each; says so when there is nobody to suggest. */
function ChoiceStep<T>({
  area,
  items,
  children,
}: {
  area: 'colleagues' | 'groups';
  items: T[];
  children: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Section title={t(`firstRun.${area}.title`)} hint={t(`firstRun.${area}.hint`)}>
      {items.length === 0 ? (
        <p className="muted">{t(`firstRun.${area}.none`)}</p>
      ) : (
        <ul className={styles.choices}>{items.map(children)}</ul>
      )}
    </Section>
  );
}

function Section({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <section className="card stack" aria-label={title}>
      <h2 className="section-title">{title}</h2>
      <p className="muted">{hint}</p>
      {children}
    </section>
  );
}

/**
 * My skills, with my department's most declared ones one click away; my department too when the
 * directory has none for me yet (an invited newcomer), since colleagues and groups are suggested
 * by it. Saving reads the suggestions again and moves on.
 */
function SkillsStep({ suggested, onSaved }: { suggested: string[]; onSaved: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const profile = useQuery({ queryKey: ['profile', me.id], queryFn: () => peopleApi.get(me.id) });
  const [skills, setSkills] = useState<string[] | null>(null);
  const [department, setDepartment] = useState('');
  const { busy, error, run } = useAction();
  if (profile.isPending) return <Loading />;
  const value = skills ?? profile.data?.skills.map((s) => s.name) ?? [];
  const askDepartment = profile.data !== undefined && !profile.data.department;
  const offered = suggested.filter((name) => !value.some((v) => v.toLowerCase() === name.toLowerCase()));
  const save = () =>
    run(async () => {
      const patch = { ...(skills !== null ? { skills } : {}), ...(department.trim() ? { department: department.trim() } : {}) };
      if (Object.keys(patch).length > 0) {
        await peopleApi.updateMe(patch);
        await Promise.all([
          qc.invalidateQueries({ queryKey: ['profile', me.id] }),
          qc.invalidateQueries({ queryKey: firstRunKeys.suggestions }),
        ]);
      }
      onSaved();
    });
  return (
    <Section title={t('firstRun.skills.title')} hint={t('firstRun.skills.hint')}>
      {askDepartment && <Field label={t('firstRun.skills.department')} value={department} onValueChange={setDepartment} />}
      <SkillsEditor value={value} onChange={setSkills} />
      {offered.length > 0 && (
        <div className="stack">
          <p>{t('firstRun.skills.popular')}</p>
          <div className={styles.chips}>
            {offered.map((name) => (
              <button
                key={name}
                type="button"
                className="btn btn--outline btn--small"
                aria-label={t('firstRun.skills.add', { name })}
                onClick={() => setSkills([...value, name])}
              >
                + {name}
              </button>
            ))}
          </div>
        </div>
      )}
      <FormError>{error}</FormError>
      <div className="row row--end">
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void save()}>
          {t('firstRun.skills.save')}
        </button>
      </div>
    </Section>
  );
}

/** One click follows (and a second takes it back). */
function ColleagueChoice({ colleague }: { colleague: SuggestedColleague }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [following, setFollowing] = useState(false);
  const { busy, error, run } = useAction();
  const toggle = () =>
    run(async () => {
      if (following) await peopleApi.unfollow(colleague.id);
      else await peopleApi.follow(colleague.id);
      setFollowing(!following);
      announce(t(following ? 'firstRun.colleagues.unfollowed' : 'firstRun.colleagues.followed', { name: colleague.displayName }));
    });
  const about = [colleague.title, colleague.department].filter(Boolean).join(' · ');
  return (
    <ChoiceRow
      name={colleague.displayName}
      detail={
        <>
          {t(`firstRun.reason.${colleague.reason}`)}
          {about && ` · ${about}`}
        </>
      }
      error={error}
    >
      <button
        type="button"
        className={following ? 'btn btn--secondary btn--small' : 'btn btn--primary btn--small'}
        aria-pressed={following}
        aria-label={t('firstRun.colleagues.follow', { name: colleague.displayName })}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {following ? t('firstRun.colleagues.following') : t('firstRun.colleagues.followShort')}
      </button>
    </ChoiceRow>
  );
}

/** One click joins a public group. */
function GroupChoice({ group }: { group: SuggestedGroup }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [joined, setJoined] = useState(false);
  const { busy, error, run } = useAction();
  const join = () =>
    run(async () => {
      await groupsApi.join(group.id);
      setJoined(true);
      announce(t('firstRun.groups.joined', { name: group.name }));
    });
  return (
    <ChoiceRow
      name={group.name}
      detail={
        group.colleagues > 0
          ? t('firstRun.groups.colleagues', { count: group.colleagues })
          : t('firstRun.groups.members', { count: group.memberCount })
      }
      error={error}
    >
      <button
        type="button"
        className="btn btn--primary btn--small"
        aria-label={t('firstRun.groups.join', { name: group.name })}
        disabled={busy || joined}
        onClick={() => void join()}
      >
        {joined ? t('firstRun.groups.joinedShort') : t('firstRun.groups.joinShort')}
      </button>
    </ChoiceRow>
  );
}

/** A suggestion's row: who or what, why, the action's error if it failed, and its one button. */
function ChoiceRow({
  name,
  detail,
  error,
  children,
}: {
  name: string;
  detail: ReactNode;
  error: string | null | undefined;
  children: ReactNode;
}) {
  return (
    <li className={styles.choice}>
      <div className={styles.who}>
        <span>{name}</span>
        <span className="muted">{detail}</span>
        {error && (
          <span role="alert" className="form-error">
            {error}
          </span>
        )}
      </div>
      {children}
    </li>
  );
}

/** The company guidelines to accept (GuidelinesPrompt), or a word that there is nothing to accept. */
function GuidelinesStep() {
  const { t } = useI18n();
  const guidelines = useGuidelines();
  if (guidelines.isPending) return <Loading />;
  if (guidelines.data?.mustAccept && guidelines.data.version !== null) return <GuidelinesPrompt />;
  const hint = guidelines.data?.version == null ? t('firstRun.guidelines.none') : t('firstRun.guidelines.accepted');
  return (
    <Section title={t('firstRun.guidelines.title')} hint={hint}>
      {null}
    </Section>
  );
}
