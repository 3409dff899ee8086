import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import bell from '../notifications/bell.module.css';
import { Icon } from '../ui/icons';
import styles from './HeaderSearch.module.css';
import { expertsPath, MAX_QUERY_LENGTH, searchPath } from './searchQuery';

/**
 * The one search box in the header: Enter opens the results page for the words typed. "/" from
 * anywhere outside a text field puts the cursor here, as on most sites. On a phone (CSS) the box
 * waits behind a search button (aria-expanded) and opens over the top bar; Escape, the close
 * button, moving focus out and searching close it, focus going back to the search button.
 * Under the box, a link asks the same words of people instead: "Who knows about …?" (/experts).
 */
export function HeaderSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const inputId = useId();
  const formId = useId();
  // On the results page the page's own box is the one in use: this one follows the address's q,
  // adjusted while rendering when the address changes (not in an effect, a render later).
  const addressQ = location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : null;
  const [text, setText] = useState(addressQ ?? '');
  const [followedQ, setFollowedQ] = useState(addressQ);
  if (followedQ !== addressQ) {
    setFollowedQ(addressQ);
    if (addressQ !== null) setText(addressQ);
  }
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // Each request moves the cursor into the box once it is rendered (on a phone it opens first):
  // in the same commit, so keys typed right after opening land in the box, not before it.
  const [focusRequests, setFocusRequests] = useState(0);
  useLayoutEffect(() => {
    if (focusRequests > 0) document.getElementById(inputId)?.focus();
  }, [focusRequests, inputId]);

  const show = () => {
    setOpen(true);
    setFocusRequests((n) => n + 1);
  };
  const hide = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        setOpen(true);
        setFocusRequests((n) => n + 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      className={open ? `${styles.wrap} ${styles.open}` : styles.wrap}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          hide();
        }
      }}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        ref={toggle}
        className={`${bell.bell} ${styles.toggle}`}
        aria-expanded={open}
        aria-controls={formId}
        aria-label={t('search.show')}
        onClick={show}
      >
        <Icon name="search" />
      </button>
      <form
        id={formId}
        className={styles.box}
        role="search"
        aria-label={t('search.region')}
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) return;
          setOpen(false);
          void navigate(searchPath(text.trim()));
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          {t('search.label')}
        </label>
        <Icon name="search" />
        <input
          id={inputId}
          type="search"
          className={styles.input}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="button" className={styles.close} aria-label={t('search.hide')} onClick={hide}>
          <Icon name="close" />
        </button>
        {/* The same words, asked of people: "Who knows…?" from any page (shown while the box has focus). */}
        {text.trim() && (
          <Link className={styles.whoKnows} to={expertsPath(text.trim())} onClick={() => setOpen(false)}>
            {t('search.whoKnows', { q: text.trim() })}
          </Link>
        )}
      </form>
    </div>
  );
}
