import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import styles from './Countdown.module.css';

/** The largest unit that fits, rounded down: "in 3 days", then "in 23 hours", … "in 40 seconds". */
export function countdownParts(ms: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s >= 86_400) return { value: Math.floor(s / 86_400), unit: 'day' };
  if (s >= 3600) return { value: Math.floor(s / 3600), unit: 'hour' };
  if (s >= 60) return { value: Math.floor(s / 60), unit: 'minute' };
  return { value: s, unit: 'second' };
}

/** How often the text can change: every second in the last minute, else every 30 seconds. */
const tickMs = (left: number) => (left <= 61_000 ? 1000 : 30_000);

/**
 * A campaign's deadline counting down, live ("Closes in 3 days", "Clôture dans 3 jours"), with the
 * exact date as its `<time>`. Past the deadline (the server is advancing it) it says so. The
 * countdown is text that updates quietly: it is not announced to screen readers at every tick.
 */
export function Countdown({ closesAt }: { closesAt: string }) {
  const { t, lang, dateTime } = useI18n();
  const target = Date.parse(closesAt);
  const [now, setNow] = useState(() => Date.now());
  const left = target - now;
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), tickMs(left));
    return () => clearTimeout(timer);
  }, [left]);
  if (Number.isNaN(target)) return null;
  const { value, unit } = countdownParts(left);
  const when = new Intl.RelativeTimeFormat(lang, { numeric: 'always' }).format(value, unit);
  return (
    <time className={styles.countdown} dateTime={new Date(target).toISOString()} title={dateTime(closesAt)}>
      {left > 0 ? t('campaign.closesIn', { when }) : t('campaign.closingNow')}
    </time>
  );
}
