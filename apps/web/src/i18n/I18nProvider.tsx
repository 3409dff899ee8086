import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMessage, type Params } from './format';
import { en, fr, type MessageKey, type Messages } from './messages';

export type Language = 'en' | 'fr';
export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
];

const STORAGE_KEY = 'ruche.lang';
const catalogs: Record<Language, Messages> = { en, fr };

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    // storage unavailable: follow the browser
  }
  const preferred = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

export interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t(key: MessageKey, params?: Params): string;
  relativeTime(iso: string): string;
  dateTime(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // keep it for this tab only
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const catalog = catalogs[lang];
    const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
    const full = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
    const short = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric' });
    const t = (key: MessageKey, params: Params = {}) => formatMessage(catalog[key] ?? en[key] ?? key, params, lang);
    return {
      lang,
      setLang,
      t,
      relativeTime(iso) {
        const then = new Date(iso).getTime();
        if (Number.isNaN(then)) return '';
        const seconds = Math.round((then - Date.now()) / 1000);
        const abs = Math.abs(seconds);
        if (abs < 45) return t('time.justNow');
        if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
        if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
        if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
        return short.format(then);
      },
      dateTime(iso) {
        const then = new Date(iso);
        return Number.isNaN(then.getTime()) ? '' : full.format(then);
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
