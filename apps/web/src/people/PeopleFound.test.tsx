import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../api/types';
import { renderUi } from '../testing/render';
import { PeopleFound } from './PeopleFound';

const bruno: UserSummary = { id: '00000000-0000-4000-8000-0000000000b2', handle: 'bruno', displayName: 'Bruno Costa' };

const pick = (person: UserSummary) => (
  <button type="button" aria-label={`Add ${person.displayName}`}>
    Add
  </button>
);

describe('PeopleFound', () => {
  it('lists each person with their @handle and the caller’s action', () => {
    renderUi(
      <PeopleFound search={{ q: 'bru', settling: false }} people={[bruno]} label="Results">
        {pick}
      </PeopleFound>,
    );
    const list = screen.getByRole('list', { name: 'Results' });
    expect(list).toHaveAttribute('aria-live', 'polite');
    const item = within(list).getByRole('listitem');
    expect(item).toHaveTextContent('Bruno Costa @bruno');
    expect(within(item).getByRole('button', { name: 'Add Bruno Costa' })).toBeInTheDocument();
  });

  it('says nobody was found once the search settled, not while it runs, and shows nothing before a search', () => {
    const found = (search: { q: string; settling: boolean }) =>
      renderUi(
        <PeopleFound search={search} people={[]} label="Results" className="card person-list">
          {pick}
        </PeopleFound>,
      );
    const running = found({ q: 'zzz', settling: true });
    expect(screen.getByRole('list', { name: 'Results' })).toHaveClass('card', 'person-list');
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
    running.unmount();
    const settled = found({ q: 'zzz', settling: false });
    expect(screen.getByRole('listitem')).toHaveTextContent('Nobody matches “zzz”.');
    settled.unmount();
    found({ q: '', settling: false });
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
