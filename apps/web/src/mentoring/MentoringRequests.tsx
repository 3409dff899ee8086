import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { mentoringApi } from '../api/endpoints';
import type { MentoringRequest } from '../api/types';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/I18nProvider';
import { rememberPeople } from '../people/known';
import { ActionError } from '../ui/ActionError';
import { useAnnounce } from '../ui/Announcer';
import { Avatar, PersonLink, RelativeTime } from '../ui/bits';
import { PagedList } from '../ui/PagedList';
import { usePages } from '../ui/usePages';
import { type MentoringRole, mentoringKeys, refreshMentoring } from './cache';
import styles from './MentoringRequests.module.css';

const STATUS_BADGE: Record<MentoringRequest['status'], string> = {
  waiting: 'badge badge--info',
  paired: 'badge badge--ok',
  closed: 'badge badge--muted',
};

function RequestItem({ request, role }: { request: MentoringRequest; role: MentoringRole }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const close = useMutation({
    mutationFn: () => mentoringApi.close(request.id),
    onSuccess: () => {
      refreshMentoring(qc);
      announce(t('mentoring.closed'));
    },
  });
  // As mentee I see my mentor (if any); as mentor, my mentee.
  const other = role === 'mentee' ? request.mentor : request.mentee;
  return (
    <li className={`card stack ${styles.request}`}>
      <div className="row">
        <h3 className="card__title">{request.label}</h3>
        <span className={STATUS_BADGE[request.status]}>{t(`mentoring.status.${request.status}` as MessageKey)}</span>
      </div>
      {other && (
        <p className="row">
          <span className="muted">{t(role === 'mentee' ? 'mentoring.mentorLabel' : 'mentoring.menteeLabel')}</span>
          <Avatar user={other} size="sm" />
          <PersonLink user={other} />
        </p>
      )}
      {request.note && <p className={styles.note}>{request.note}</p>}
      <p className="muted">
        <RelativeTime iso={request.createdAt} />
      </p>
      {request.status !== 'closed' && (
        <div className="row row--end">
          <button
            type="button"
            className="btn btn--secondary btn--small"
            aria-label={t('mentoring.closeLabel', { skill: request.label })}
            disabled={close.isPending}
            onClick={() => close.mutate()}
          >
            {t('mentoring.close')}
          </button>
        </div>
      )}
      <ActionError error={close.error} />
    </li>
  );
}

/** My mentoring requests in one role, newest first, with "show more". */
export function MentoringRequests({ role }: { role: MentoringRole }) {
  const { t } = useI18n();
  const headingId = useId();
  const { list, items } = usePages(mentoringKeys.requests(role), async (cursor) => {
    const page = await mentoringApi.requests(role, cursor);
    rememberPeople(page.items.flatMap((r) => (r.mentor ? [r.mentee, r.mentor] : [r.mentee])));
    return page;
  });
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t(role === 'mentee' ? 'mentoring.requests.mentee' : 'mentoring.requests.mentor')}
      </h2>
      <PagedList
        list={list}
        items={items}
        empty={
          <p className="card empty">
            {t(role === 'mentee' ? 'mentoring.requests.emptyMentee' : 'mentoring.requests.emptyMentor')}
          </p>
        }
        className={`stack ${styles.list}`}
        more={t('mentoring.requests.more')}
      >
        {(request) => <RequestItem key={request.id} request={request} role={role} />}
      </PagedList>
    </section>
  );
}
