import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { CardSection } from './CardSection';

describe('CardSection', () => {
  it('is a region named by its heading, in the card look by default', () => {
    renderUi(
      <CardSection title="Mentoring">
        <p>Offers help on billing</p>
      </CardSection>,
    );
    const region = screen.getByRole('region', { name: 'Mentoring' });
    expect(region).toHaveClass('card', 'stack');
    expect(screen.getByRole('heading', { level: 2, name: 'Mentoring' })).toHaveClass('card__title');
    expect(region).toHaveTextContent('Offers help on billing');
  });

  it('takes a page section’s look, and two cards get two names', () => {
    renderUi(
      <>
        <CardSection title="Ask for a mentor" className="card" titleClassName="section-title">
          <p>Form</p>
        </CardSection>
        <CardSection title="Offer to mentor">
          <p>Form</p>
        </CardSection>
      </>,
    );
    const ask = screen.getByRole('region', { name: 'Ask for a mentor' });
    expect(ask).toHaveClass('card');
    expect(ask).not.toHaveClass('stack');
    expect(screen.getByRole('heading', { name: 'Ask for a mentor' })).toHaveClass('section-title');
    expect(screen.getByRole('region', { name: 'Offer to mentor' })).toBeInTheDocument();
  });
});
