import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { trainingApi } from '../api/training';
import type { TrainingPath } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, FormError, Loading, useTitle } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { DataTable } from '../ui/DataTable';
import { ListStates } from '../ui/ListStates';
import { useAction } from '../ui/useAction';
import { trainingKeys } from './cache';
import { PathForm } from './PathForm';

/** How far the people given a path have got: per step and by department (small departments together). */
function PathProgress({ path }: { path: TrainingPath }) {
  const { t } = useI18n();
  const progress = useQuery({ queryKey: trainingKeys.progress(path.id), queryFn: () => trainingApi.progress(path.id) });
  if (progress.isPending) return <Loading />;
  if (progress.isError) return <ErrorBlock error={progress.error} onRetry={() => void progress.refetch()} />;
  const p = progress.data;
  return (
    <div className="stack">
      <p>{t('training.manage.summary', { enrolled: p.enrolled, completed: p.completed })}</p>
      <DataTable caption={t('training.manage.bySteps')} columns={[t('training.manage.step'), t('training.manage.doneBy')]}>
        {p.steps.map((s) => (
          <tr key={s.stepId}>
            <td>{s.title}</td>
            <td>{s.done}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable
        caption={t('training.manage.byDepartment')}
        columns={[t('training.manage.department'), t('training.manage.enrolled'), t('training.manage.completedCol')]}
      >
        {p.byDepartment.map((d) => (
          <tr key={d.department ?? ''}>
            <td>{d.department ?? t('training.manage.otherDepartments')}</td>
            <td>{d.enrolled}</td>
            <td>{d.completed}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

const DONE = {
  publish: 'training.manage.published',
  archive: 'training.manage.archived',
  remove: 'training.manage.removed',
} as const;

function ManagedPath({ path }: { path: TrainingPath }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const { busy, error, run } = useAction();
  const [showProgress, setShowProgress] = useState(false);
  const headingId = useId();

  const act = (action: 'publish' | 'archive' | 'remove') =>
    run(async () => {
      await trainingApi[action](path.id);
      void qc.invalidateQueries({ queryKey: trainingKeys.all });
      announce(t(DONE[action], { title: path.title }));
    });

  return (
    <li className="card stack" aria-labelledby={headingId}>
      <h3 className="section-title" id={headingId}>
        {path.title} <span className="badge">{t(`training.status.${path.status}`)}</span>
      </h3>
      <p>
        {t(`training.audience.${path.audience}`)} · {t('training.manage.steps', { count: path.steps.length })}
      </p>
      <FormError>{error}</FormError>
      <div className="row">
        {path.status === 'draft' && (
          <>
            <button type="button" className="btn btn--primary btn--small" disabled={busy} onClick={() => void act('publish')}>
              {t('training.manage.publish')}
            </button>
            <button type="button" className="btn btn--secondary btn--small" disabled={busy} onClick={() => void act('remove')}>
              {t('training.manage.remove')}
            </button>
          </>
        )}
        {path.status === 'published' && (
          <button type="button" className="btn btn--secondary btn--small" disabled={busy} onClick={() => void act('archive')}>
            {t('training.manage.archive')}
          </button>
        )}
        {path.status !== 'draft' && (
          <button
            type="button"
            className="btn btn--secondary btn--small"
            aria-expanded={showProgress}
            onClick={() => setShowProgress((v) => !v)}
          >
            {t('training.manage.showProgress')}
          </button>
        )}
      </div>
      {showProgress && <PathProgress path={path} />}
    </li>
  );
}

/** The paths I may edit (the company's for admins, my groups' for their owners), and a form for a new one. */
export function ManageTrainingPage() {
  const { t } = useI18n();
  useTitle(t('training.manage.title'));
  const managed = useQuery({ queryKey: trainingKeys.managed, queryFn: () => trainingApi.managed(null) });
  const paths = managed.data?.items ?? [];
  return (
    <div className="narrow stack">
      <h1 className="page-title">{t('training.manage.title')}</h1>
      <ListStates list={managed} count={paths.length} empty={<p className="card empty">{t('training.manage.empty')}</p>}>
        <ul className="bare-list stack">
          {paths.map((path) => (
            <ManagedPath key={path.id} path={path} />
          ))}
        </ul>
      </ListStates>
      <CardSection title={t('training.form.heading')} titleClassName="section-title">
        <PathForm />
      </CardSection>
    </div>
  );
}
