import type { ModerationMarker } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import styles from './ModerationBadge.module.css';

/** Marks content only moderators (or, when held, its author) can see, and why. */
export function ModerationBadge({ marker }: { marker?: ModerationMarker | null }) {
  const { t } = useI18n();
  if (!marker) return null;
  return (
    <span className={`badge ${marker.state === 'held' ? 'badge--info' : 'badge--danger'} ${styles.badge}`}>
      {t(`moderation.state.${marker.state}`)}
    </span>
  );
}
