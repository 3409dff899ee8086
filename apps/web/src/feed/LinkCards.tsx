import type { LinkPreview } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import styles from './LinkCards.module.css';

/**
 * The preview cards of a post's links (#14), under its body: what the server read from each page
 * (title, description, site name, host) and its image, a stored copy behind a signed link — the
 * browser never asks the linked site for anything until the reader follows the link. Text is
 * rendered as text (React escapes it): the server never sends HTML here.
 */
export function LinkCards({ items }: { items: LinkPreview[] | undefined }) {
  const { t } = useI18n();
  if (!items?.length) return null;
  return (
    <ul className={styles.cards} aria-label={t('linkPreview.list')}>
      {items.map((card) => (
        <li key={card.url}>
          <a className={styles.card} href={card.url} target="_blank" rel="nofollow noopener noreferrer ugc">
            {card.image && (
              <img
                className={styles.image}
                src={card.image.url}
                alt=""
                width={card.image.width}
                height={card.image.height}
                loading="lazy"
              />
            )}
            <span className={styles.text}>
              <span className={styles.site}>
                {card.siteName && card.siteName !== card.host ? `${card.siteName} · ${card.host}` : card.host}
              </span>
              <span className={styles.title}>{card.title ?? card.url}</span>
              {card.description && <span className={styles.description}>{card.description}</span>}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
