import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { SimilarTitles } from './SimilarTitles';

const rooms = [{ id: 'r1', title: 'Booking the big room', answers: 2 }];

function Similar({ title, asked }: { title: string; asked: string[] }) {
  return (
    <SimilarTitles
      id="similar"
      title={title}
      heading="Already asked"
      queryKey={(q) => ['similar-test', q]}
      find={(q) => {
        asked.push(q);
        return Promise.resolve({ items: rooms });
      }}
      href={(item) => `/questions/${item.id}`}
      details={(item) => <span>· {item.answers} answers</span>}
    />
  );
}

describe('SimilarTitles', () => {
  it('lists what has a similar title once typing settles, each opening in a new tab, with its details', async () => {
    const asked: string[] = [];
    renderUi(<Similar title="  big room " asked={asked} />);
    const list = await screen.findByRole('list', { name: 'Already asked' });
    const link = screen.getByRole('link', { name: 'Booking the big room' });
    expect(list).toContainElement(link);
    expect(link).toHaveAttribute('href', '/questions/r1');
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByText('· 2 answers')).toBeInTheDocument();
    expect(asked).toEqual(['big room']);
  });

  it('asks nothing and shows nothing for fewer than three characters', async () => {
    const asked: string[] = [];
    const { container } = renderUi(<Similar title="bi" asked={asked} />);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(asked).toEqual([]);
    expect(container.querySelector('#similar')).toBeEmptyDOMElement();
  });
});
