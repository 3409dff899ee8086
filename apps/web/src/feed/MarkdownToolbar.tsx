import { useRef, type KeyboardEvent } from 'react';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import { MARKDOWN_FORMATS, type MarkdownFormat } from './markdown-format';
import styles from './MarkdownToolbar.module.css';

const LABELS: Record<MarkdownFormat, MessageKey> = {
  bold: 'editor.bold',
  italic: 'editor.italic',
  link: 'editor.link',
  code: 'editor.code',
  list: 'editor.list',
};
const KEYS: Record<MarkdownFormat, string> = { bold: 'B', italic: 'I', link: 'K', code: 'E', list: 'Shift+8' };
/** What each button shows: text glyphs, styled in CSS, so no icon font is needed. */
const GLYPHS: Record<MarkdownFormat, string> = { bold: 'B', italic: 'I', link: '↗', code: '</>', list: '•' };

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Buttons that write Markdown around the selection of the text area they sit above (bold, italic,
 * link, code, list). A WAI-ARIA toolbar: one Tab stop, arrow keys move between buttons; each button
 * is named by its label and says its keyboard shortcut (`aria-keyshortcuts`, and in its tooltip).
 * `onMouseDown` is prevented so the text area keeps its selection when a button is clicked.
 */
export function MarkdownToolbar(props: { onFormat(format: MarkdownFormat): void; disabled?: boolean; controls?: string }) {
  const { t } = useI18n();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const index = buttons.current.findIndex((b) => b === document.activeElement);
    const last = MARKDOWN_FORMATS.length - 1;
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? last : event.key === 'ArrowRight' ? (index + 1) % (last + 1) : (index - 1 + last + 1) % (last + 1);
    buttons.current[next]?.focus();
  }

  return (
    <div role="toolbar" aria-label={t('editor.toolbar')} aria-controls={props.controls} className={styles.toolbar} onKeyDown={onKeyDown}>
      {MARKDOWN_FORMATS.map((format, index) => {
        const label = t(LABELS[format]);
        const keys = `${mac ? 'Meta' : 'Control'}+${KEYS[format]}`;
        return (
          <button
            key={format}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={`${styles.button} ${styles[format] ?? ''}`}
            aria-label={label}
            aria-keyshortcuts={keys}
            title={t('editor.shortcut', { label, keys: `${mac ? '⌘' : 'Ctrl+'}${KEYS[format]}` })}
            tabIndex={index === 0 ? 0 : -1}
            disabled={props.disabled}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => props.onFormat(format)}
          >
            <span aria-hidden="true">{GLYPHS[format]}</span>
          </button>
        );
      })}
    </div>
  );
}
