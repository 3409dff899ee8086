import { useState } from 'react';
import type { Group } from '../api/types';
import { RichText } from '../feed/PostBody';
import { useI18n } from '../i18n/I18nProvider';
import { isManager } from './cache';
import { GroupFacts } from './GroupBadges';
import { MembershipActions } from './MembershipActions';
import cards from '../ui/cards.module.css';
import styles from './GroupHeader.module.css';

/** For a private group the address is the invitation: managers copy it to share. */
function InviteLink({ group }: { group: Group }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}/groups/${group.id}`;
  return (
    <div className={styles.invite}>
      <p className={styles.inviteText}>{t('group.inviteText')}</p>
      <div className="row">
        <input
          className={`field__control ${styles.inviteUrl}`}
          readOnly
          value={url}
          aria-label={t('group.inviteLabel')}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="btn btn--secondary btn--small"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(url)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {t('group.copyInvite')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {copied ? t('group.copied') : ''}
      </p>
    </div>
  );
}

/** Name, visibility, members, my role; description and community guidelines (as plain text). */
export function GroupHeader({ group }: { group: Group }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="group-name">
      <div className={cards.headTop}>
        <div className={styles.title}>
          <h1 id="group-name" className={cards.headName}>
            {group.name}
          </h1>
          <GroupFacts group={group} />
        </div>
        <MembershipActions group={group} />
      </div>
      {group.description && <RichText text={group.description} html={group.descriptionHtml} className={`rich-text ${cards.headDescription}`} />}
      {group.guidelines && (
        <details className={styles.guidelines}>
          <summary>{t('group.guidelines')}</summary>
          {/* Markdown as written, shown as text: never parsed as HTML. */}
          <div className={`rich-text ${styles.guidelinesText}`}>{group.guidelines}</div>
        </details>
      )}
      {group.visibility === 'private' && isManager(group.myRole) && <InviteLink group={group} />}
    </section>
  );
}
