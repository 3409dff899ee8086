/** The Markdown a toolbar button or shortcut writes around the selection. */
export type MarkdownFormat = 'bold' | 'italic' | 'link' | 'code' | 'list';

export const MARKDOWN_FORMATS: readonly MarkdownFormat[] = ['bold', 'italic', 'link', 'code', 'list'];

/** The text and selection after formatting: what the textarea shows and selects next. */
export interface Formatted {
  value: string;
  start: number;
  end: number;
}

/** Placeholder words selected when nothing was, so typing replaces them. */
export interface Placeholders {
  text: string;
  url: string;
}

function wrap(value: string, start: number, end: number, before: string, after: string, placeholder: string): Formatted {
  const selected = value.slice(start, end) || placeholder;
  const next = value.slice(0, start) + before + selected + after + value.slice(end);
  return { value: next, start: start + before.length, end: start + before.length + selected.length };
}

/**
 * Applies `format` to `value` between `start` and `end` (a textarea's selection): bold `**…**`,
 * italic `_…_`, a link `[…](url)` with the URL selected, code in backticks (a fenced block when the
 * selection spans lines), a bulleted list over every selected line (removed again when all of them
 * already are items). With nothing selected a placeholder is inserted and selected.
 */
export function applyMarkdown(value: string, start: number, end: number, format: MarkdownFormat, words: Placeholders): Formatted {
  const [from, to] = start <= end ? [start, end] : [end, start];
  switch (format) {
    case 'bold':
      return wrap(value, from, to, '**', '**', words.text);
    case 'italic':
      return wrap(value, from, to, '_', '_', words.text);
    case 'code':
      return value.slice(from, to).includes('\n')
        ? wrap(value, from, to, `${from > 0 && value[from - 1] !== '\n' ? '\n' : ''}\`\`\`\n`, '\n```\n', words.text)
        : wrap(value, from, to, '`', '`', words.text);
    case 'link': {
      const label = value.slice(from, to) || words.text;
      const next = `${value.slice(0, from)}[${label}](${words.url})${value.slice(to)}`;
      const urlStart = from + label.length + 3;
      return { value: next, start: urlStart, end: urlStart + words.url.length };
    }
    case 'list': {
      const lineStart = value.lastIndexOf('\n', from - 1) + 1;
      const lineEnd = value.indexOf('\n', to) === -1 ? value.length : value.indexOf('\n', to);
      const lines = value.slice(lineStart, lineEnd).split('\n');
      const items = lines.every((line) => /^\s*[-*] /.test(line));
      const changed = lines.map((line) => (items ? line.replace(/^(\s*)[-*] /, '$1') : `- ${line}`)).join('\n');
      const next = value.slice(0, lineStart) + changed + value.slice(lineEnd);
      return { value: next, start: lineStart, end: lineStart + changed.length };
    }
  }
}

/** The keyboard shortcut of a format (with Ctrl, or Cmd on a Mac), by `KeyboardEvent.key`. */
export function formatForShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): MarkdownFormat | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (event.shiftKey) return key === '8' || key === '*' ? 'list' : null;
  return ({ b: 'bold', i: 'italic', k: 'link', e: 'code' } as Record<string, MarkdownFormat>)[key] ?? null;
}
