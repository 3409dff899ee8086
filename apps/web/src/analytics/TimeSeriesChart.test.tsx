import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderUi } from '../testing/render';
import { IdeaFunnel } from './IdeaFunnel';
import { TimeSeriesChart } from './TimeSeriesChart';

const formatDate = (label: string) => (label ? `day ${label.slice(5)}` : 'Day');
const points = [
  { label: '2026-12-01', value: 3 },
  { label: '2026-12-02', value: 0 },
  { label: '2026-12-04', value: 7 },
];

/** What the chart's CSV button handed to the browser, read back as text. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

afterEach(() => vi.restoreAllMocks());

describe('TimeSeriesChart', () => {
  it('draws the series on a date axis with ECharts and gives the same figures as a table', async () => {
    const { container } = renderUi(<TimeSeriesChart title="Posts" valueLabel="Posts" formatDate={formatDate} points={points} />);
    expect(screen.getByRole('figure', { name: 'Posts' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Posts' });
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => row.textContent);
    expect(rows).toEqual(['day 12-013', 'day 12-020', 'day 12-047']);
    // The drawing: an SVG with one bar per point and date labels on the axis, hidden from screen readers.
    await waitFor(() => expect(container.querySelector('svg')).not.toBeNull());
    const drawing = container.querySelector('[aria-hidden="true"]')!;
    expect(drawing.querySelector('svg')).not.toBeNull();
    const labels = [...drawing.querySelectorAll('text')].map((text) => text.textContent);
    expect(labels.some((label) => label?.startsWith('day 12-'))).toBe(true);
    expect(labels).toContain('7');
  });

  it('downloads its figures as CSV under a name made from the title', async () => {
    const downloads = captureDownloads();
    renderUi(<TimeSeriesChart title="Active people" valueLabel="Active people" formatDate={formatDate} points={points} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download the figures of “Active people” as CSV' }));
    expect(downloads.names).toEqual(['ruche-active-people.csv']);
    expect(await downloads.blobs[0].text()).toBe('Day,Active people\r\nday 12-01,3\r\nday 12-02,0\r\nday 12-04,7\r\n');
  });
});

describe('IdeaFunnel', () => {
  it('shows the stages in order with their counts', () => {
    renderUi(<IdeaFunnel ideas={{ submitted: 12, inReview: 5, selected: 2, implemented: 1 }} />);
    const table = screen.getByRole('table', { name: 'Idea funnel' });
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Submitted', '12'],
      ['Reached review', '5'],
      ['Selected', '2'],
      ['Implemented', '1'],
    ]);
  });
});
