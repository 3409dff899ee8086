import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnouncerProvider, useAnnounce } from './Announcer';

/** Buttons that announce their own text, as a page announces what it just did. */
function Speaker({ sentences }: { sentences: string[] }) {
  const announce = useAnnounce();
  return (
    <>
      {sentences.map((s) => (
        <button key={s} type="button" onClick={() => announce(s)}>
          {s}
        </button>
      ))}
    </>
  );
}
const liveRegion = (container: HTMLElement) => container.querySelector('[aria-live="polite"]')!;

describe('AnnouncerProvider', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says only the newest of two sentences that come in quick succession', () => {
    const { container } = render(
      <AnnouncerProvider>
        <Speaker sentences={['Post deleted', 'Comment deleted']} />
      </AnnouncerProvider>,
    );
    const wait = (ms: number) =>
      act(() => {
        vi.advanceTimersByTime(ms);
      });
    fireEvent.click(screen.getByRole('button', { name: 'Post deleted' }));
    wait(40);
    fireEvent.click(screen.getByRole('button', { name: 'Comment deleted' }));
    // Past the first sentence's moment: it was replaced, never said.
    wait(20);
    expect(liveRegion(container).textContent).toBe('');
    wait(40);
    expect(liveRegion(container).textContent).toBe('Comment deleted');
  });

  it('says nothing once it is gone: no timer is left to fire', () => {
    const { unmount } = render(
      <AnnouncerProvider>
        <Speaker sentences={['Report sent']} />
      </AnnouncerProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Report sent' }));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
