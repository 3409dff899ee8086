import { useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { suggestPeople } from '../people/known';
import { usePeopleSearch } from '../people/usePeopleSearch';
import { Avatar } from '../ui/bits';
import { Field } from '../ui/Field';
import { applyMarkdown, formatForShortcut, type MarkdownFormat } from './markdown-format';
import { MarkdownToolbar } from './MarkdownToolbar';
import styles from './MentionTextarea.module.css';

interface Props {
  label: string;
  value: string;
  onValueChange(value: string): void;
  placeholder?: string;
  hint?: string;
  errors?: string[];
  rows?: number;
  maxLength?: number;
  /** Ctrl/Cmd+Enter. */
  onSubmitShortcut?(): void;
  excludeId?: string;
  labelHidden?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
  disabled?: boolean;
  /** The Markdown toolbar above the box (bold, italic, link, code, list); its shortcuts work either way. */
  toolbar?: boolean;
}

interface Query {
  start: number;
  end: number;
  /** What follows the "@". */
  term: string;
}

const LIMIT = 6;

/** People seen in this tab first (instant), then the directory's answer (GET /api/users). */
function merge(local: UserSummary[], found: UserSummary[], excludeId?: string): UserSummary[] {
  const out = [...local];
  for (const person of found) {
    if (out.length >= LIMIT) break;
    if (person.id !== excludeId && !out.some((p) => p.id === person.id)) out.push(person);
  }
  return out;
}

const TRIGGER = /(^|[\s(])@([\w.-]{0,30})$/;

/**
 * A textarea that suggests people when typing "@name" (arrow keys to choose, Enter or Tab to
 * insert, Escape to close). Suggestions come from people already seen in this tab at once, and
 * from the people directory once typing pauses. Markdown is written with the toolbar above it
 * (unless `toolbar` is false) or with its shortcuts: Ctrl/Cmd+B, I, K (link), E (code), Shift+8 (list).
 */
export function MentionTextarea(props: Props) {
  const { t } = useI18n();
  const listId = useId();
  const inner = useRef<HTMLTextAreaElement | null>(null);
  // Leaving the field closes the suggestions a moment later (a click on one lands first); not once
  // the field is gone.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(closing.current), []);
  const [query, setQuery] = useState<Query | null>(null);
  const [active, setActive] = useState(0);
  const term = query?.term ?? '';
  const search = usePeopleSearch(term, { limit: LIMIT, delay: 200 });
  const people = query
    ? merge(suggestPeople(term, props.excludeId, LIMIT), search.q === term ? search.people : [], props.excludeId)
    : [];
  const current = Math.min(active, Math.max(0, people.length - 1));

  function update(element: HTMLTextAreaElement) {
    const caret = element.selectionStart ?? element.value.length;
    if (caret !== element.selectionEnd) return setQuery(null);
    const match = TRIGGER.exec(element.value.slice(0, caret));
    if (!match) return setQuery(null);
    const typed = match[2] ?? '';
    const start = caret - typed.length - 1;
    if (query && query.start === start && query.term === typed) return;
    setQuery({ start, end: caret, term: typed });
    setActive(0);
  }

  function pick(person: UserSummary) {
    if (!query) return;
    const insert = `@${person.handle} `;
    const next = props.value.slice(0, query.start) + insert + props.value.slice(query.end);
    props.onValueChange(next);
    setQuery(null);
    const caret = query.start + insert.length;
    requestAnimationFrame(() => {
      inner.current?.focus();
      inner.current?.setSelectionRange(caret, caret);
    });
  }

  /** Writes the Markdown around the selection, then selects what the person types next. */
  function format(kind: MarkdownFormat) {
    const element = inner.current;
    if (!element || props.disabled) return;
    const next = applyMarkdown(props.value, element.selectionStart ?? 0, element.selectionEnd ?? 0, kind, {
      text: t('editor.placeholder.text'),
      url: t('editor.placeholder.url'),
    });
    if (props.maxLength !== undefined && next.value.length > props.maxLength) return;
    props.onValueChange(next.value);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.start, next.end);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const shortcut = formatForShortcut(event);
    if (shortcut) {
      event.preventDefault();
      format(shortcut);
      return;
    }
    if (query && people.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const delta = event.key === 'ArrowDown' ? 1 : -1;
        setActive((current + delta + people.length) % people.length);
        return;
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault();
        const person = people[current];
        if (person) pick(person);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && props.onSubmitShortcut) {
      event.preventDefault();
      props.onSubmitShortcut();
    }
  }

  // The caller's ref sees the same textarea (to focus it), without this component writing to a
  // ref it was handed: React sets it once the textarea is mounted.
  useImperativeHandle(props.textareaRef, () => inner.current as HTMLTextAreaElement, []);

  const open = !!query && people.length > 0;
  return (
    <div className={styles.box}>
      {props.toolbar !== false && <MarkdownToolbar onFormat={format} disabled={props.disabled} />}
      <Field
        multiline
        className={props.labelHidden ? 'field--label-hidden' : undefined}
        label={props.label}
        hint={props.hint}
        errors={props.errors}
        value={props.value}
        onValueChange={props.onValueChange}
        placeholder={props.placeholder}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        disabled={props.disabled}
        inputRef={inner}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(event.key)) update(event.currentTarget);
        }}
        onClick={(event) => update(event.currentTarget)}
        onInput={(event) => update(event.currentTarget)}
        onBlur={() => {
          closing.current = setTimeout(() => setQuery(null), 150);
        }}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${current}` : undefined}
      />
      {open && (
        <ul className={styles.list} id={listId} role="listbox" aria-label={t('mention.suggestions')}>
          {people.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === current}
              className={index === current ? `${styles.item} ${styles.active}` : styles.item}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
            >
              <Avatar user={person} size="sm" />
              <span className={styles.name}>{person.displayName}</span>
              <span className={styles.handle}>@{person.handle}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
