import { AUDIT_ACTIONS, type AuditAction } from '@ruche/contracts';
import { useId, useState } from 'react';
import { moderationApi } from '../api/endpoints';
import type { AuditEntry, ContentType } from '../api/types';
import { GroupTag } from '../groups/GroupTag';
import { useI18n } from '../i18n/I18nProvider';
import { PersonLink, RelativeTime } from '../ui/bits';
import { PagedList } from '../ui/PagedList';
import { usePages } from '../ui/usePages';
import styles from './AuditLog.module.css';

const CONTENT_TYPES: readonly string[] = ['post', 'comment', 'idea', 'question', 'answer', 'kudos'] satisfies ContentType[];

/** What a row is about, by name: "Post by Ada", the account's owner, the group; never an id. */
function AuditTarget({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const kind = CONTENT_TYPES.includes(entry.targetType) ? t(`queue.type.${entry.targetType as ContentType}`) : null;
  if (!kind && !entry.targetPerson && !entry.groupId) return null;
  return (
    <p className={`muted ${styles.target}`}>
      {kind}
      {kind && entry.targetPerson && ` ${t('queue.by')} `}
      {entry.targetPerson && <PersonLink user={entry.targetPerson} />}
      {entry.groupId && <GroupTag groupId={entry.groupId} />}
    </p>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const known = (AUDIT_ACTIONS as readonly string[]).includes(entry.action);
  return (
    <li className={styles.item}>
      <p>
        <strong>{known ? t(`audit.action.${entry.action as AuditAction}`) : entry.action}</strong>{' '}
        <span className="muted">
          {entry.actor ? (
            <>
              {t('audit.by')} <PersonLink user={entry.actor} />
            </>
          ) : (
            t('audit.automatic')
          )}{' '}
          · <RelativeTime iso={entry.createdAt} />
        </span>
      </p>
      <AuditTarget entry={entry} />
      {entry.note && <p className="rich-text">{entry.note}</p>}
    </li>
  );
}

/** The audit log, newest first (moderators and admins); filterable by action. */
export function AuditLog() {
  const { t } = useI18n();
  const selectId = useId();
  const [action, setAction] = useState('');
  const { list, items: entries } = usePages(
    ['moderation', 'audit', action],
    (cursor) => moderationApi.audit({ action: action || undefined }, cursor),
    { staleTime: 0 },
  );
  return (
    <section aria-label={t('manage.audit')}>
      <div className={`search-inline row ${styles.filter}`}>
        <label htmlFor={selectId} className="field__label">
          {t('audit.filter')}
        </label>
        <select id={selectId} value={action} onChange={(event) => setAction(event.target.value)}>
          <option value="">{t('audit.all')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`audit.action.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <PagedList
        list={list}
        items={entries}
        empty={<p className="card empty">{t('audit.empty')}</p>}
        className={`card ${styles.audit}`}
        more={t('audit.more')}
      >
        {(entry) => <AuditRow key={entry.id} entry={entry} />}
      </PagedList>
    </section>
  );
}
