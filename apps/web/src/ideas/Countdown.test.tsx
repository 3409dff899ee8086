import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider';
import { renderUi } from '../testing/render';
import { Countdown, countdownParts } from './Countdown';

const start = new Date('2026-12-06T10:00:00Z');

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(start);
  });
  afterEach(() => vi.useRealTimers());

  it('says when the campaign closes and counts down live, down to the seconds, then "closing now"', async () => {
    const closesAt = new Date(start.getTime() + 3 * 86_400_000 + 5 * 3600_000).toISOString();
    renderUi(<Countdown closesAt={closesAt} />);
    const time = screen.getByText('Closes in 3 days');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', closesAt);
    const target = Date.parse(closesAt);
    // The clock jumps, and the next tick (every 30 s while more than a minute is left) shows it.
    const advance = (ms: number) =>
      act(async () => {
        vi.advanceTimersByTime(ms);
      });
    const tickAt = async (msLeftBefore: number, tick: number) => {
      vi.setSystemTime(target - msLeftBefore);
      await advance(tick);
    };
    await tickAt(5 * 3600_000 + 30_000, 30_000);
    expect(screen.getByText('Closes in 5 hours')).toBeInTheDocument();
    await tickAt(120_000, 30_000);
    expect(screen.getByText('Closes in 1 minute')).toBeInTheDocument();
    // In the last minute it ticks every second.
    await advance(30_000);
    await advance(1_000);
    expect(screen.getByText('Closes in 59 seconds')).toBeInTheDocument();
    await tickAt(2_000, 1_000);
    expect(screen.getByText('Closes in 1 second')).toBeInTheDocument();
    await advance(1_000);
    expect(screen.getByText('Closing now…')).toBeInTheDocument();
  });

  it('speaks French', () => {
    localStorage.setItem('ruche.lang', 'fr');
    const closesAt = new Date(start.getTime() + 2 * 86_400_000).toISOString();
    render(
      <I18nProvider>
        <Countdown closesAt={closesAt} />
      </I18nProvider>,
    );
    expect(screen.getByText('Clôture dans 2 jours')).toBeInTheDocument();
  });

  it('picks the largest unit that fits', () => {
    expect(countdownParts(86_400_000)).toEqual({ value: 1, unit: 'day' });
    expect(countdownParts(86_399_000)).toEqual({ value: 23, unit: 'hour' });
    expect(countdownParts(-5)).toEqual({ value: 0, unit: 'second' });
  });
});
