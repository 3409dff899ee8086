import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { KeyFigures } from './KeyFigures';
import { useFigureFormat } from './useFigureFormat';

function Sample() {
  const { count, share, minutes, day } = useFigureFormat();
  return (
    <KeyFigures
      label="Figures"
      items={[
        ['Depth', count(1234.56)],
        ['Answered', share(0.6667)],
        ['First answer', minutes(12.6)],
        ['No answer yet', share(null)],
        ['Day', day('2026-12-05')],
        ['Week of', day('2026-11-30T00:00:00.000Z')],
      ]}
    />
  );
}

/** Each figure as [its label, its value], in order. */
function figures(): [string, string][] {
  return within(screen.getByLabelText('Figures'))
    .getAllByRole('term')
    .map((term) => [term.textContent!, term.nextElementSibling!.textContent!]);
}

describe('KeyFigures with useFigureFormat', () => {
  it('lists each label over its value: a count to one decimal, a whole percent, whole minutes, — for none, a day', () => {
    renderUi(<Sample />);
    expect(figures()).toEqual([
      ['Depth', '1,234.6'],
      ['Answered', '67%'],
      ['First answer', '13 min'],
      ['No answer yet', '—'],
      ['Day', 'Dec 5'],
      ['Week of', 'Nov 30'],
    ]);
  });

  it('writes the figures in the reader’s language', () => {
    renderUi(<Sample />, { lang: 'fr' });
    // French groups thousands with a narrow no-break space and puts a no-break space before %.
    expect(figures().map(([, value]) => value)).toEqual(['1\u202f234,6', '67\u00a0%', '13 min', '—', '5 déc.', '30 nov.']);
  });
});
