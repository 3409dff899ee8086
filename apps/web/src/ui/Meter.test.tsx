import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { Meter } from './Meter';

describe('Meter', () => {
  it('is a meter named by its label that reads its value as written, kept within bounds', () => {
    renderUi(<Meter label="Answered within a day" value={1.4} valueText="100 %" />);
    const meter = screen.getByRole('meter', { name: 'Answered within a day' });
    expect(meter).toHaveAttribute('aria-valuetext', '100 %');
    expect(meter).toHaveAttribute('value', '1');
    expect(screen.getByText('100 %')).toBeInTheDocument();
  });

  it('is a progress bar for work under way', () => {
    renderUi(<Meter kind="progress" label="Ideas implemented" value={3} max={4} valueText="3 of 4" hint="One to go" />);
    const bar = screen.getByRole('progressbar', { name: 'Ideas implemented' });
    expect(bar).toHaveAttribute('aria-valuetext', '3 of 4');
    expect(screen.getByText('One to go')).toBeInTheDocument();
  });
});
