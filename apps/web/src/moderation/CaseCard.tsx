import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { moderationApi } from '../api/endpoints';
import type { QueueItem, ResolutionAction } from '../api/types';
import { GroupTag } from '../groups/GroupTag';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError, PersonLink, RelativeTime } from '../ui/bits';
import { Field } from '../ui/Field';
import { RadioGroup } from '../ui/RadioGroup';
import { useFormErrors } from '../ui/useFormErrors';
import styles from './CaseCard.module.css';

/** One case of the review queue: the content, why it was reported, and the decision. */
export function CaseCard({ item, onResolved }: { item: QueueItem; onResolved(caseId: string): void }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const headingId = useId();
  // No decision until the moderator picks one: a pre-selected "Hide" got cases hidden by a stray Enter.
  const [action, setAction] = useState<ResolutionAction | null>(null);
  const [note, setNote] = useState('');
  const labels = { action: t('queue.decision'), note: t('queue.note') };
  const { errors, form, field, fail, clear } = useFormErrors(labels);
  const { target } = item;

  const resolve = useMutation({
    mutationFn: (chosen: ResolutionAction) => moderationApi.resolve(item.reportId, { action: chosen, ...(note.trim() ? { note } : {}) }),
    onSuccess: (_, chosen) => {
      announce(t(`queue.done.${chosen}`));
      onResolved(item.id);
    },
    onError: fail,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (resolve.isPending || !action) return;
    clear();
    resolve.mutate(action);
  }

  return (
    <li className={`card ${styles.case}`} aria-labelledby={headingId}>
      <h2 className={styles.title} id={headingId}>
        {t(`queue.type.${target.type}`)}
        {target.author && (
          <>
            {' '}
            {t('queue.by')} <PersonLink user={target.author} />
          </>
        )}
        {target.groupId && <GroupTag groupId={target.groupId} />}
      </h2>
      <p className={styles.flags}>
        <span className="badge badge--muted">{t('queue.reports', { count: item.reportCount })}</span>
        {item.autoHidden && <span className="badge badge--danger">{t('queue.autoHidden')}</span>}
        {item.held && <span className="badge badge--info">{t('queue.held')}</span>}
        {target.state !== 'visible' && !item.autoHidden && !item.held && (
          <span className="badge badge--danger">{t(`moderation.state.${target.state}`)}</span>
        )}
        <span className={`muted ${styles.when}`}>
          {t('queue.last')} <RelativeTime iso={item.lastReportedAt} />
        </span>
      </p>
      {target.excerpt === null || !target.available ? (
        <p className="muted">{t('queue.gone')}</p>
      ) : (
        <blockquote className={`${styles.excerpt} rich-text`}>{target.excerpt}</blockquote>
      )}
      {item.heldTerms.length > 0 && (
        <p className="case__terms">
          {t('queue.terms')}{' '}
          {item.heldTerms.map((term) => (
            <span key={term} className="chip chip--static">
              {term}
            </span>
          ))}
        </p>
      )}
      <h3 className={styles.subtitle}>{t('queue.reasons')}</h3>
      <ul className={styles.reasons}>
        {item.reports.map((report) => (
          <li key={report.id}>
            {report.automatic ? (
              <span className="muted">{t('queue.automatic')}</span>
            ) : (
              report.reporter && <PersonLink user={report.reporter} />
            )}
            {(report.automatic || report.reporter) && <span aria-hidden="true"> · </span>}
            <span className="rich-text">{report.reason}</span>
          </li>
        ))}
      </ul>
      <form
        ref={form}
        className={`${styles.form} stack`}
        onSubmit={submit}
        noValidate
        aria-label={t('queue.decideOn', { n: item.reportCount })}
      >
        <FormError>{errors._form?.join(' ')}</FormError>
        <RadioGroup<ResolutionAction>
          legend={labels.action}
          name="action"
          value={action}
          onChange={setAction}
          errors={errors.action}
          options={[
            { value: 'dismiss', label: t('queue.action.dismiss'), hint: t('queue.action.dismissHint') },
            { value: 'hide', label: t('queue.action.hide'), hint: t('queue.action.hideHint') },
            { value: 'remove', label: t('queue.action.remove'), hint: t('queue.action.removeHint') },
          ]}
        />
        <Field multiline {...field('note', note, setNote)} hint={t('queue.noteHint')} rows={2} maxLength={1000} />
        <div className="row row--end">
          <button
            type="submit"
            className={action === 'dismiss' || !action ? 'btn btn--primary' : 'btn btn--danger'}
            disabled={resolve.isPending || !action}
          >
            {resolve.isPending ? t('common.saving') : action ? t(`queue.submit.${action}`) : t('queue.submit.choose')}
          </button>
        </div>
      </form>
    </li>
  );
}
