import { Link } from 'react-router';
import type { TrainingStep } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import styles from './Training.module.css';

/** Where each kind of step is done: the page that does it (a reading step is ticked here). */
function whereTo(step: TrainingStep): string | null {
  switch (step.kind) {
    case 'accept_guidelines':
      return '/';
    case 'first_post':
      return step.groupId ? `/groups/${step.groupId}` : '/';
    case 'first_question':
      return '/questions/ask';
    case 'join_group':
      return step.groupId ? `/groups/${step.groupId}` : '/groups';
    case 'meet_mentor':
      return '/mentoring';
    case 'declare_skills':
    case 'follow_people':
      return '/welcome';
    case 'read':
      return null;
  }
}

/**
 * A path's steps as a checklist: done ones ticked, the others with a link to where they are done,
 * or (reading steps, when the person follows the path) a button that ticks them.
 */
export function StepList({
  steps,
  following,
  busyStep,
  onRead,
}: {
  steps: TrainingStep[];
  following: boolean;
  busyStep?: string | null;
  onRead?: (step: TrainingStep) => void;
}) {
  const { t } = useI18n();
  return (
    <ol className={styles.steps}>
      {steps.map((step) => {
        const to = whereTo(step);
        return (
          <li key={step.id} className={step.done ? styles.done : undefined}>
            <span className={styles.mark} aria-hidden="true">
              {step.done ? '✓' : step.position}
            </span>
            <div className={styles.stepText}>
              <p className={styles.stepTitle}>
                {step.title}
                <span className="visually-hidden">
                  {' — '}
                  {step.done ? t('training.step.done') : t('training.step.todo')}
                </span>
              </p>
              {step.body && <p className={styles.stepBody}>{step.body}</p>}
              {!step.done && following && (
                <div className={styles.stepAction}>
                  {step.kind === 'read' ? (
                    <button
                      type="button"
                      className="btn btn--small"
                      disabled={busyStep === step.id}
                      onClick={() => onRead?.(step)}
                    >
                      {t('training.step.markRead')}
                    </button>
                  ) : (
                    to && <Link to={to}>{t(`training.kind.${step.kind}`)}</Link>
                  )}
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
