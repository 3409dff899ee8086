import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock } from './bits';
import styles from './ListMore.module.css';

/** What `ListMore` reads from a TanStack `useInfiniteQuery` result. */
interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage(): Promise<unknown>;
}

/**
 * The end of a paged list: "show more" while there is a next page ("Loading…" and disabled while
 * it comes), or why the next page failed with a retry, below the pages already shown. So the
 * list's own error branch is for a failed first load: `list.isError && !list.isFetchNextPageError`.
 * `status`, when given, is a visually hidden live count ("12 results") for screen reader users.
 * `inline` is for lists inside a card: a link-styled button, not a centred row.
 */
export function ListMore({
  list,
  label,
  status,
  inline = false,
}: {
  list: NextPages;
  label: string;
  status?: string;
  inline?: boolean;
}) {
  const { t } = useI18n();
  const button = list.hasNextPage && !list.isFetchNextPageError && (
    <button
      type="button"
      className={inline ? 'btn btn--link' : 'btn btn--secondary'}
      onClick={() => void list.fetchNextPage()}
      disabled={list.isFetchingNextPage}
    >
      {list.isFetchingNextPage ? t('common.loading') : label}
    </button>
  );
  return (
    <>
      {list.isFetchNextPageError && <ErrorBlock error={list.error} onRetry={() => void list.fetchNextPage()} />}
      {button && (inline ? button : <div className={styles.end}>{button}</div>)}
      {status !== undefined && (
        <p className="visually-hidden" role="status">
          {status}
        </p>
      )}
    </>
  );
}
