import { useEffect, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { Icon } from '../ui/icons';
import { MAX_QUERY_LENGTH, searchPath } from './searchQuery';

/**
 * The one search box in the header: Enter opens the results page for the words typed. "/" from
 * anywhere outside a text field puts the cursor here, as on most sites.
 */
export function HeaderSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const inputId = useId();
  const [text, setText] = useState('');

  // On the results page the page's own box is the one in use: keep this one in step with the address.
  useEffect(() => {
    if (location.pathname === '/search') setText(new URLSearchParams(location.search).get('q') ?? '');
  }, [location.pathname, location.search]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        document.getElementById(inputId)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [inputId]);

  return (
    <form
      className="header-search"
      role="search"
      aria-label={t('search.region')}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) void navigate(searchPath(text.trim()));
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {t('search.label')}
      </label>
      <Icon name="search" />
      <input
        id={inputId}
        type="search"
        className="header-search__input"
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        maxLength={MAX_QUERY_LENGTH}
        autoComplete="off"
        enterKeyHint="search"
      />
    </form>
  );
}
