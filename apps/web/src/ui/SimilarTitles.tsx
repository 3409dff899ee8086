import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDebounced } from './useDebounced';
import styles from './Similar.module.css';

/**
 * While a title is typed (3 characters or more, settled): what already exists with a similar
 * title, each opening in a new tab so the form keeps its text; ideas and questions alike.
 * `id` is for the title field's aria-describedby; `details` follows each item's link.
 */
export function SimilarTitles<T extends { id: string; title: string }>({
  id,
  title,
  heading,
  queryKey,
  find,
  href,
  details,
}: {
  id: string;
  title: string;
  heading: string;
  queryKey(q: string): QueryKey;
  find(q: string, signal: AbortSignal): Promise<{ items: T[] }>;
  href(item: T): string;
  details(item: T): ReactNode;
}) {
  const q = useDebounced(title.trim(), 350);
  const similar = useQuery({
    queryKey: queryKey(q),
    queryFn: ({ signal }) => find(q, signal),
    enabled: q.length >= 3,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const items = q.length >= 3 ? (similar.data?.items ?? []) : [];
  return (
    <div className={styles.similar} id={id} aria-live="polite">
      {items.length > 0 && (
        <>
          <p className={styles.title} id={`${id}-title`}>
            {heading}
          </p>
          <ul className={styles.list} aria-labelledby={`${id}-title`}>
            {items.map((item) => (
              <li key={item.id}>
                <Link to={href(item)} target="_blank" rel="noopener">
                  {item.title}
                </Link>{' '}
                {details(item)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
