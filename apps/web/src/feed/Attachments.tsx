import type { Attachment } from '../api/types';
import { formatSize } from '../api/files';
import { useI18n } from '../i18n/I18nProvider';
import styles from './Attachments.module.css';

const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * A post's or comment's files: images inline (the thumbnail, linking to the full image, with the
 * author's alt text or the file name), other files as chips that download. Links are the signed ones
 * the api put in the view: an <img> cannot send a bearer token.
 */
export function Attachments({ items }: { items: Attachment[] | undefined }) {
  const { t } = useI18n();
  if (!items?.length) return null;
  const images = items.filter((a) => INLINE.has(a.contentType));
  const files = items.filter((a) => !INLINE.has(a.contentType));
  return (
    <div className={styles.attachments}>
      {images.length > 0 && (
        <div className={styles.images}>
          {images.map((image) => (
            <a key={image.id} href={image.url} target="_blank" rel="noopener" className={styles.image}>
              <img
                src={image.thumbnailUrl ?? image.url}
                alt={image.alt ?? image.name}
                width={image.width}
                height={image.height}
                loading="lazy"
              />
            </a>
          ))}
        </div>
      )}
      {files.length > 0 && (
        <ul className={styles.chips} aria-label={t('attachments.files')}>
          {files.map((file) => (
            <li key={file.id}>
              <a href={file.url} download={file.name} className={styles.chip}>
                <span className={styles.name}>{file.name}</span>
                <span className={styles.size}>{formatSize(file.size)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
