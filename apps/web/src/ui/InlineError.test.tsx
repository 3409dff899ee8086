import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { InlineError } from './InlineError';

describe('InlineError', () => {
  it('announces the message next to the action', () => {
    renderUi(<InlineError>You can no longer join this group.</InlineError>);
    expect(screen.getByRole('alert')).toHaveTextContent('You can no longer join this group.');
    expect(screen.getByRole('alert')).toHaveClass('inline-error');
  });

  it('shows nothing without a message', () => {
    renderUi(
      <>
        <InlineError>{null}</InlineError>
        <InlineError>{false}</InlineError>
        <InlineError>{''}</InlineError>
      </>,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
