import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { renderUi } from '../testing/render';
import { ListMore } from './ListMore';

function pages(overrides: Partial<Parameters<typeof ListMore>[0]['list']> = {}) {
  const asked: number[] = [];
  const list = {
    hasNextPage: true,
    isFetchingNextPage: false,
    isFetchNextPageError: false,
    error: null as unknown,
    fetchNextPage: () => {
      asked.push(1);
      return Promise.resolve();
    },
    ...overrides,
  };
  return { list, asked };
}

describe('ListMore', () => {
  it('asks for the next page when its button is pressed', async () => {
    const { list, asked } = pages();
    const { user } = renderUi(<ListMore list={list} label="More posts" />);
    await user.click(screen.getByRole('button', { name: 'More posts' }));
    expect(asked).toHaveLength(1);
  });

  it('says it is loading and cannot be pressed again while the page comes', () => {
    renderUi(<ListMore list={pages({ isFetchingNextPage: true }).list} label="More posts" />);
    expect(screen.getByRole('button', { name: 'Loading…' })).toBeDisabled();
  });

  it('shows nothing to press at the end of the list, and keeps its live count', () => {
    renderUi(<ListMore list={pages({ hasNextPage: false }).list} label="More posts" status="12 results" />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('12 results');
  });

  it('explains a failed next page with an alert whose retry asks again', async () => {
    const { list, asked } = pages({ isFetchNextPageError: true, error: new ApiError(500, { message: 'boom' }) });
    const { user } = renderUi(<ListMore list={list} label="More posts" />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'More posts' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(asked).toHaveLength(1);
  });
});
