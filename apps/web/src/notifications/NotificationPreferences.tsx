import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { notificationsApi } from '../api/endpoints';
import { pushApi } from '../api/push';
import type { NotificationPreferenceChange } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from '../ui/ActionError';
import { ErrorBlock, Loading } from '../ui/bits';
import { pushKeys } from '../push/PushSettings';
import { notificationKeys } from './cache';
import styles from './NotificationPreferences.module.css';
import { isKnownKind } from './notificationText';

type Change = { pref: NotificationPreferenceChange } | { digestEmail: boolean };

/**
 * Which kinds of notifications I receive: one checkbox each in the app, one beside it by email when
 * the server sends email (and the daily digest by email), and one for push once a browser of mine
 * is subscribed (PushSettings), saved as it is ticked.
 */
export function NotificationPreferences() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const headingId = useId();
  const prefs = useQuery({ queryKey: notificationKeys.preferences, queryFn: notificationsApi.preferences });
  const pushSettings = useQuery({ queryKey: pushKeys.settings, queryFn: pushApi.settings });
  const push = (pushSettings.data?.subscriptions ?? 0) > 0;
  const save = useMutation({
    mutationFn: (change: Change) =>
      'pref' in change ? notificationsApi.setPreferences([change.pref]) : notificationsApi.setPreferences([], change.digestEmail),
    onSuccess: (saved) => qc.setQueryData(notificationKeys.preferences, saved),
  });
  const pending = save.isPending ? save.variables : undefined;
  const shown = (kind: string, field: 'enabled' | 'email' | 'push', value: boolean) =>
    pending && 'pref' in pending && pending.pref.kind === kind && pending.pref[field] !== undefined ? pending.pref[field] : value;
  const email = prefs.data?.emailConfigured === true;
  // The channels beside the in-app one, each a checkbox column: email when the server sends it, push once subscribed.
  const channels = [...(email ? (['email'] as const) : []), ...(push ? (['push'] as const) : [])];
  return (
    <section className={`card stack ${styles.prefs}`} aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('notifications.prefs')}
      </h2>
      {prefs.isPending ? (
        <Loading />
      ) : prefs.isError ? (
        <ErrorBlock error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <fieldset className="field">
          <legend className="field__hint">{t(email ? 'notifications.prefsHintEmail' : 'notifications.prefsHint')}</legend>
          {prefs.data.items.map((pref) => {
            const label = isKnownKind(pref.kind) ? t(`notifications.pref.${pref.kind}`) : pref.kind;
            return (
              <div key={pref.kind} className={styles.row}>
                <label className="radio-group__option">
                  <input
                    type="checkbox"
                    checked={shown(pref.kind, 'enabled', pref.enabled)}
                    disabled={save.isPending}
                    onChange={(event) => save.mutate({ pref: { kind: pref.kind, enabled: event.target.checked } })}
                  />
                  <span className="radio-group__label">{label}</span>
                </label>
                {channels.map((channel) => (
                  <label key={channel} className={`radio-group__option ${styles.email}`}>
                    <input
                      type="checkbox"
                      checked={shown(pref.kind, channel, pref[channel] ?? false)}
                      disabled={save.isPending}
                      aria-label={
                        channel === 'email' ? t('notifications.prefEmailOf', { kind: label }) : t('push.kind', { kind: label })
                      }
                      onChange={(event) => save.mutate({ pref: { kind: pref.kind, [channel]: event.target.checked } })}
                    />
                    <span className="radio-group__label" aria-hidden="true">
                      {channel === 'email' ? t('notifications.prefEmail') : t('push.column')}
                    </span>
                  </label>
                ))}
              </div>
            );
          })}
          {email && (
            <label className="radio-group__option">
              <input
                type="checkbox"
                checked={pending && 'digestEmail' in pending ? pending.digestEmail : (prefs.data.digestEmail ?? false)}
                disabled={save.isPending}
                onChange={(event) => save.mutate({ digestEmail: event.target.checked })}
              />
              <span className="radio-group__label">{t('notifications.prefDigestEmail')}</span>
            </label>
          )}
        </fieldset>
      )}
      <ActionError error={save.error} />
    </section>
  );
}
