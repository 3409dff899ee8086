import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { trainingApi } from '../api/training';
import type { TrainingPath, TrainingStep } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError, useTitle } from '../ui/bits';
import { ListStates } from '../ui/ListStates';
import { useAction } from '../ui/useAction';
import { trainingKeys } from './cache';
import { StepList } from './StepList';
import styles from './Training.module.css';

function PathCard({ path }: { path: TrainingPath }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const { busy, error, run } = useAction();
  const [busyStep, setBusyStep] = useState<string | null>(null);

  const read = (step: TrainingStep) => {
    setBusyStep(step.id);
    return run(async () => {
      const updated = await trainingApi.complete(path.id, step.id);
      qc.setQueryData<{ items: TrainingPath[] }>(trainingKeys.mine, (old) =>
        old ? { items: old.items.map((p) => (p.id === updated.id ? updated : p)) } : old,
      );
      announce(t('training.step.ticked', { title: step.title }));
    });
  };

  const { done, total, completedAt } = path.progress;
  return (
    <section className="card stack" aria-labelledby={`path-${path.id}`}>
      <h2 className="section-title" id={`path-${path.id}`}>
        {path.title}
      </h2>
      {path.description && <p>{path.description}</p>}
      <p>{completedAt ? t('training.completed') : t('training.progress', { done, total })}</p>
      <progress className={styles.meter} max={total} value={done} aria-label={t('training.progress', { done, total })} />
      <FormError>{error}</FormError>
      <StepList
        steps={path.steps}
        following={path.progress.enrolled}
        busyStep={busy ? busyStep : null}
        onRead={(step) => void read(step)}
      />
    </section>
  );
}

/** My training: the paths I was given or chose, unfinished first, each a checklist that ticks itself live (useTrainingRealtime, in the layout). */
export function TrainingPage() {
  const { t } = useI18n();
  useTitle(t('training.title'));
  const mine = useQuery({ queryKey: trainingKeys.mine, queryFn: trainingApi.mine });
  const paths = mine.data?.items ?? [];
  return (
    <div className="narrow stack">
      <div className="row">
        <h1 className="page-title">{t('training.title')}</h1>
        <Link to="/training/manage">{t('training.manage.link')}</Link>
      </div>
      <p>
        <Link to="/welcome">{t('firstRun.again')}</Link>
      </p>
      <ListStates list={mine} count={paths.length} empty={<p className="card empty">{t('training.empty')}</p>}>
        {paths.map((path) => (
          <PathCard key={path.id} path={path} />
        ))}
      </ListStates>
    </div>
  );
}
