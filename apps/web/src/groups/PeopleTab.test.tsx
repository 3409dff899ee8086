import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../api/types';
import { renderUi } from '../testing/render';
import { PeopleTab } from './PeopleTab';

const ada: UserSummary = { id: 'u1', handle: 'ada', displayName: 'Ada Owner' };

function list(items: { user: UserSummary }[], overrides = {}) {
  return {
    data: { pages: [{ items, nextCursor: null }], pageParams: [null] },
    isPending: false,
    isError: false,
    isFetchNextPageError: false,
    hasNextPage: false,
    isFetchingNextPage: false,
    error: null,
    refetch: () => Promise.resolve(),
    fetchNextPage: () => Promise.resolve(),
    ...overrides,
  } as unknown as Parameters<typeof PeopleTab<{ user: UserSummary }>>[0]['list'];
}

function Tab({ items, overrides }: { items: { user: UserSummary }[]; overrides?: object }) {
  return (
    <PeopleTab list={list(items, overrides)} label="Members" empty="No members yet" more="More members">
      {(item) => <li key={item.user.id}>{item.user.displayName}</li>}
    </PeopleTab>
  );
}

describe('PeopleTab', () => {
  it('lists the people in a section named after the tab', () => {
    renderUi(<Tab items={[{ user: ada }]} />);
    expect(screen.getByRole('region', { name: 'Members' })).toContainElement(screen.getByRole('listitem'));
    expect(screen.getByRole('listitem')).toHaveTextContent('Ada Owner');
  });

  it('says when there is nobody', () => {
    renderUi(<Tab items={[]} />);
    expect(screen.getByText('No members yet')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('says it is loading while the first page comes', () => {
    renderUi(<Tab items={[]} overrides={{ isPending: true, data: undefined }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
