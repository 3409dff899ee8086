import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { applyMarkdown } from './markdown-format';
import { MentionTextarea } from './MentionTextarea';

const words = { text: 'text', url: 'https://' };

function Box(props: { initial: string; toolbar?: boolean }) {
  const [value, setValue] = useState(props.initial);
  return (
    <>
      <MentionTextarea label="Message" value={value} onValueChange={setValue} toolbar={props.toolbar} />
      <output data-testid="value">{value}</output>
    </>
  );
}

function select(box: HTMLTextAreaElement, start: number, end: number) {
  box.focus();
  box.setSelectionRange(start, end);
}

describe('Markdown formatting', () => {
  it('writes each format around the selection, or a selected placeholder', () => {
    expect(applyMarkdown('say hi', 4, 6, 'bold', words)).toEqual({ value: 'say **hi**', start: 6, end: 8 });
    expect(applyMarkdown('say ', 4, 4, 'italic', words)).toEqual({ value: 'say _text_', start: 5, end: 9 });
    expect(applyMarkdown('see docs', 4, 8, 'link', words)).toEqual({ value: 'see [docs](https://)', start: 11, end: 19 });
    expect(applyMarkdown('run ls now', 4, 6, 'code', words).value).toBe('run `ls` now');
    expect(applyMarkdown('a\nb', 0, 3, 'code', words).value).toBe('```\na\nb\n```\n');
    expect(applyMarkdown('one\ntwo', 1, 5, 'list', words)).toEqual({ value: '- one\n- two', start: 0, end: 11 });
    // Again on a list: the items become plain lines.
    expect(applyMarkdown('- one\n- two', 0, 11, 'list', words).value).toBe('one\ntwo');
  });

  it('has a labelled toolbar of named buttons with their shortcuts, one Tab stop, arrows between them', async () => {
    const { user } = renderUi(<Box initial="" />);
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    const names = ['Bold', 'Italic', 'Link', 'Code', 'Bulleted list'];
    for (const name of names) expect(screen.getByRole('button', { name })).toHaveAttribute('aria-keyshortcuts');
    expect(toolbar.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);
    screen.getByRole('button', { name: 'Bold' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Italic' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: 'Bulleted list' })).toHaveFocus();
  });

  it('a button formats the selected words of the text area', async () => {
    const { user } = renderUi(<Box initial="make it bold" />);
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    select(box, 8, 12);
    await user.click(screen.getByRole('button', { name: 'Bold' }));
    expect(screen.getByTestId('value')).toHaveTextContent('make it **bold**');
    await waitFor(() => expect([box.selectionStart, box.selectionEnd]).toEqual([10, 14]));
  });

  it('keyboard shortcuts work, with or without the toolbar', () => {
    renderUi(<Box initial="a link" toolbar={false} />);
    expect(screen.queryByRole('toolbar')).toBeNull();
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    select(box, 2, 6);
    fireEvent.keyDown(box, { key: 'k', ctrlKey: true });
    expect(screen.getByTestId('value')).toHaveTextContent('a [link](https://)');
    select(box, 0, 1);
    fireEvent.keyDown(box, { key: 'i', metaKey: true });
    expect(screen.getByTestId('value')).toHaveTextContent('_a_ [link](https://)');
    // Ctrl+Shift+8 is the list; a plain Ctrl+8 does nothing.
    fireEvent.keyDown(box, { key: '8', ctrlKey: true });
    expect(screen.getByTestId('value')).toHaveTextContent('_a_ [link](https://)');
    fireEvent.keyDown(box, { key: '*', ctrlKey: true, shiftKey: true });
    expect(screen.getByTestId('value').textContent).toBe('- _a_ [link](https://)');
  });
});
