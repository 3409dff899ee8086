import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type PushSettings as Settings, pushApi } from '../api/push';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from '../ui/ActionError';
import { ErrorBlock, Loading } from '../ui/bits';
import { Field } from '../ui/Field';
import { InlineError } from '../ui/InlineError';
import { SubmitButton } from '../ui/SubmitButton';
import { currentSubscription, pushSupport, turnOffPush, turnOnPush } from './browserPush';
import styles from './PushSettings.module.css';

export const pushKeys = { settings: ['push'] as const, device: ['push', 'device'] as const };

/**
 * Push on this device (#16): turn it on or off here (the browser asks its own permission), send a
 * test, and set quiet hours. Where the browser cannot (plain http, an old browser, notifications
 * blocked), it says why instead of offering a button that cannot work.
 */
export function PushSettings() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const headingId = useId();
  const support = pushSupport();
  const settings = useQuery({ queryKey: pushKeys.settings, queryFn: pushApi.settings });
  const device = useQuery({
    queryKey: pushKeys.device,
    queryFn: async () => ((await currentSubscription()) ? 'on' : 'off'),
    enabled: support === 'ok',
  });
  const [denied, setDenied] = useState(false);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: pushKeys.settings })]);
  const toggle = useMutation({
    mutationFn: async (on: boolean) => {
      if (!on) return turnOffPush().then(() => 'off' as const);
      return turnOnPush(settings.data!.publicKey);
    },
    onSuccess: async (outcome) => {
      setDenied(outcome === 'denied');
      qc.setQueryData(pushKeys.device, outcome === 'on' ? 'on' : 'off');
      await refresh();
    },
  });
  const test = useMutation({ mutationFn: pushApi.test });

  return (
    <section className={`card stack ${styles.push}`} aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('push.title')}
      </h2>
      {support === 'insecure' ? (
        <p className="muted">{t('push.insecure')}</p>
      ) : support === 'unsupported' ? (
        <p className="muted">{t('push.unsupported')}</p>
      ) : settings.isPending || device.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorBlock error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <p role="status">
            {device.data === 'on' ? t('push.onHere') : t('push.offHere')}{' '}
            <span className="muted">{t('push.devices', { count: settings.data.subscriptions })}</span>
          </p>
          <InlineError>
            {(denied || (typeof Notification !== 'undefined' && Notification.permission === 'denied')) && t('push.denied')}
          </InlineError>
          <div className="row">
            <button
              type="button"
              className={device.data === 'on' ? 'btn btn--secondary' : 'btn btn--primary'}
              disabled={toggle.isPending}
              onClick={() => toggle.mutate(device.data !== 'on')}
            >
              {device.data === 'on' ? t('push.turnOff') : t('push.turnOn')}
            </button>
            {settings.data.subscriptions > 0 && (
              <button type="button" className="btn btn--ghost" disabled={test.isPending} onClick={() => test.mutate()}>
                {t('push.test')}
              </button>
            )}
          </div>
          {test.isSuccess && <p role="status">{t('push.testSent', { count: test.data.sent })}</p>}
          <ActionError error={toggle.error ?? test.error} />
          {/* Keyed by the saved hours: the form starts again from what the server holds. */}
          <QuietHoursForm key={`${settings.data.quietHours?.start}-${settings.data.quietHours?.end}`} settings={settings.data} />
        </>
      )}
    </section>
  );
}

function QuietHoursForm({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [start, setStart] = useState(settings.quietHours?.start ?? '22:00');
  const [end, setEnd] = useState(settings.quietHours?.end ?? '07:00');
  const save = useMutation({
    mutationFn: pushApi.setQuietHours,
    onSuccess: (saved) => qc.setQueryData(pushKeys.settings, saved),
  });
  return (
    <form
      className={`stack ${styles.quiet}`}
      aria-label={t('push.quiet.title')}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ start, end });
      }}
    >
      <h3 className={styles.subtitle}>{t('push.quiet.title')}</h3>
      <p className="muted">
        {settings.quietHours
          ? t('push.quiet.current', { start: settings.quietHours.start, end: settings.quietHours.end, zone: settings.timeZone })
          : t('push.quiet.none', { zone: settings.timeZone })}
      </p>
      <div className="row">
        <Field type="time" label={t('push.quiet.start')} value={start} onValueChange={setStart} required />
        <Field type="time" label={t('push.quiet.end')} value={end} onValueChange={setEnd} required />
      </div>
      <div className="row">
        <SubmitButton className="btn btn--secondary" busy={save.isPending}>
          {t('push.quiet.save')}
        </SubmitButton>
        {settings.quietHours && (
          <button type="button" className="btn btn--ghost" disabled={save.isPending} onClick={() => save.mutate({ start: null, end: null })}>
            {t('push.quiet.clear')}
          </button>
        )}
      </div>
      <ActionError error={save.error} />
    </form>
  );
}
