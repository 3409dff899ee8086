import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { usePeopleSearch } from './usePeopleSearch';

const bruno = { id: '00000000-0000-4000-8000-0000000000b2', handle: 'bruno', displayName: 'Bruno Costa' };

function Found({ text }: { text: string }) {
  const search = usePeopleSearch(text, { delay: 0 });
  return (
    <p role="status">
      {search.settling ? 'searching' : `${search.q}: ${search.people.map((p) => p.displayName).join(', ') || 'nobody'}`}
    </p>
  );
}

describe('usePeopleSearch', () => {
  it('searches a handle typed with its @ as the handle, and settles once answered', async () => {
    const calls = answerApi((call) => (call.path.startsWith('/api/users?') ? { status: 200, body: { items: [bruno], nextCursor: null } } : undefined));
    renderUi(<Found text="@bru " />, { signedIn: true });
    expect(await screen.findByText('bru: Bruno Costa')).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(new URLSearchParams(calls[0]!.path.split('?')[1]).get('q')).toBe('bru');
  });

  it('asks nothing for an @ alone', async () => {
    const calls = answerApi(() => undefined);
    renderUi(<Found text="@" />, { signedIn: true });
    expect(await screen.findByText(': nobody')).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
