import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { fakeList } from '../testing/lists';
import { renderUi } from '../testing/render';
import { ListMore } from './ListMore';

describe('ListMore', () => {
  it('asks for the next page when its button is pressed', async () => {
    const { list, asked } = fakeList();
    const { user } = renderUi(<ListMore list={list} label="More posts" />);
    await user.click(screen.getByRole('button', { name: 'More posts' }));
    expect(asked).toEqual(['next page']);
  });

  it('says it is loading and cannot be pressed again while the page comes', () => {
    renderUi(<ListMore list={fakeList({ isFetchingNextPage: true }).list} label="More posts" />);
    expect(screen.getByRole('button', { name: 'Loading…' })).toBeDisabled();
  });

  it('shows nothing to press at the end of the list, and keeps its live count', () => {
    renderUi(<ListMore list={fakeList({ hasNextPage: false }).list} label="More posts" status="12 results" />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('12 results');
  });

  it('explains a failed next page with an alert whose retry asks again', async () => {
    const { list, asked } = fakeList({ isFetchNextPageError: true, error: new ApiError(500, { message: 'boom' }) });
    const { user } = renderUi(<ListMore list={list} label="More posts" />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'More posts' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(asked).toEqual(['next page']);
  });
});
