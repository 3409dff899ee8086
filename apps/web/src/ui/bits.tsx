import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, isMissing } from '../api/errors';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from './errors';

/**
 * A generated avatar (#16): the person's initials over a pattern drawn from their id alone, so it
 * is the same on every screen and two people with the same initials still look apart. Colours are
 * dark enough for white text; the shapes are faint white over them. Hand-made SVG, no library:
 * four motifs × eight colours × rotations is variety enough for a face-sized badge.
 */
const AVATAR_COLOURS = ['#8a3f00', '#1f5f8b', '#6b3fa0', '#2d6a4f', '#a4262c', '#5b5b16', '#005f73', '#7b2d5b'];

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => Array.from(p)[0]?.toUpperCase() ?? '').join('') || '?';
}

/** FNV-1a over the id: stable across sessions and browsers, spread enough for small choices. */
function seedOf(id: string): number {
  let hash = 0x811c9dc5;
  for (const ch of id.toLowerCase()) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** The motif of an avatar, in a 40 × 40 box: stripes, a big circle, rings, or a diamond grid. */
export function avatarPattern(id: string): { colour: string; motif: number; angle: number; shift: number } {
  const seed = seedOf(id);
  return { colour: AVATAR_COLOURS[seed % 8], motif: (seed >>> 3) % 4, angle: ((seed >>> 5) % 8) * 45, shift: (seed >>> 8) % 16 };
}

function Motif({ motif, shift }: { motif: number; shift: number }) {
  switch (motif) {
    case 0:
      return (
        <>
          <rect x="-20" y={shift - 8} width="80" height="6" />
          <rect x="-20" y={shift + 6} width="80" height="6" />
          <rect x="-20" y={shift + 20} width="80" height="6" />
        </>
      );
    case 1:
      return <circle cx={28 + shift / 2} cy={30} r={18} />;
    case 2:
      return <path d={`M${4 + shift} 40a16 16 0 0 1 32 0h-6a10 10 0 0 0-20 0z`} />;
    default:
      return <path d={`M${shift} 20l8-8 8 8-8 8zM${shift + 20} 20l8-8 8 8-8 8zM${shift + 10} 0l8-8 8 8-8 8z`} />;
  }
}

/**
 * Decorative: it always sits next to the person's name, which says who it is. A person's uploaded
 * photo (`avatarUrl`) covers the generated one, which stays beneath while it loads and if it fails.
 */
export function Avatar({
  user,
  size = 'md',
}: {
  user: Pick<UserSummary, 'id' | 'displayName' | 'avatarUrl'>;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { colour, motif, angle, shift } = avatarPattern(user.id);
  const [failed, setFailed] = useState<string | null>(null);
  const photo = user.avatarUrl && failed !== user.avatarUrl ? user.avatarUrl : null;
  return (
    <span className={`avatar avatar--${size}`} style={{ background: colour }} aria-hidden="true">
      <svg className="avatar__pattern" viewBox="0 0 40 40" focusable="false">
        <g transform={`rotate(${angle} 20 20)`} fill="#fff" fillOpacity="0.16">
          <Motif motif={motif} shift={shift} />
        </g>
      </svg>
      <span className="avatar__initials">{initials(user.displayName)}</span>
      {photo && <img className="avatar__photo" src={photo} alt="" loading="lazy" onError={() => setFailed(photo)} />}
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

/**
 * A page whose thing could not be read: "not found" when the api has no such thing (nothing to
 * retry; a malformed id says the same), otherwise why, with a retry.
 */
export function PageError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  return isMissing(error) ? <ErrorBlock error={new ApiError(404, null)} /> : <ErrorBlock error={error} onRetry={onRetry} />;
}

/** A message about a whole form or a card's action (not one field), boxed; announced when it appears. */
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
