import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from './errors';

/** Initials on a colour picked from the person's id (always dark enough for white text). */
const AVATAR_COLOURS = ['#8a3f00', '#1f5f8b', '#6b3fa0', '#2d6a4f', '#a4262c', '#5b5b16', '#005f73', '#7b2d5b'];

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => Array.from(p)[0]?.toUpperCase() ?? '').join('') || '?';
}

export function Avatar({ user, size = 'md' }: { user: Pick<UserSummary, 'id' | 'displayName'>; size?: 'sm' | 'md' | 'lg' }) {
  let hash = 0;
  for (const ch of user.id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ background: AVATAR_COLOURS[hash % AVATAR_COLOURS.length] }}
      aria-hidden="true"
    >
      {initials(user.displayName)}
    </span>
  );
}

export function PersonLink({ user, className }: { user: UserSummary; className?: string }) {
  return (
    <Link to={`/people/${user.id}`} className={className ?? 'person-link'}>
      {user.displayName}
    </Link>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function ErrorBlock({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const i18n = useI18n();
  return (
    <div className="error-block" role="alert">
      <p>{errorText(error, i18n)}</p>
      {onRetry && (
        <button type="button" className="btn btn--secondary" onClick={onRetry}>
          {i18n.t('error.retry')}
        </button>
      )}
    </div>
  );
}

/** A message about the whole form (not one field); announced when it appears. */
export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="form-error" role="alert">
      {children}
    </div>
  );
}

/** Sets the document title for the current page. */
export function useTitle(title: string | undefined): void {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}

/** True while `ref`'s element is within `margin` of the viewport. */
export function useOnScreen(ref: { current: Element | null }, margin = '200px'): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(([entry]) => setVisible(entry?.isIntersecting ?? false), { rootMargin: margin });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin]);
  return visible;
}

/** One shared minute tick, so "5 min ago" stays true without a timer per post. */
const tickListeners = new Set<() => void>();
let tick = 0;
let ticker: ReturnType<typeof setInterval> | undefined;

function subscribeTick(listener: () => void): () => void {
  tickListeners.add(listener);
  ticker ??= setInterval(() => {
    tick++;
    for (const l of tickListeners) l();
  }, 30_000);
  return () => {
    tickListeners.delete(listener);
    if (!tickListeners.size && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

export function RelativeTime({ iso }: { iso: string }) {
  const { relativeTime, dateTime } = useI18n();
  useSyncExternalStore(subscribeTick, () => tick);
  return (
    <time dateTime={iso} title={dateTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}
