import { useI18n } from '../i18n/I18nProvider';

/**
 * How the analytics screens (the page, its departments, a group's health) write a figure: a count
 * to one decimal, a share as a whole percent, a duration in whole minutes, and — for none; and a
 * chart's day ('Dec 5': a YYYY-MM-DD day or an instant, in UTC as the api counts days).
 */
export function useFigureFormat() {
  const { t, lang } = useI18n();
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const days = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    count: (n: number | null) => (n === null ? '—' : numbers.format(n)),
    share: (fraction: number | null) => (fraction === null ? '—' : percent.format(fraction)),
    minutes: (n: number | null) => (n === null ? '—' : t('analytics.minutes', { n: Math.round(n) })),
    day: (date: string) => days.format(new Date(date)),
  };
}
