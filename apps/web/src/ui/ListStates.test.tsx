import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { fakeList } from '../testing/lists';
import { renderUi } from '../testing/render';
import { ListStates } from './ListStates';

const items = (
  <ul>
    <li>First idea</li>
  </ul>
);

describe('ListStates', () => {
  it('says it is loading while the first page comes, and shows neither items nor the empty text', () => {
    renderUi(
      <ListStates list={fakeList({ isPending: true }).list} count={0} empty={<p>Nothing yet</p>}>
        {items}
      </ListStates>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(screen.queryByText('Nothing yet')).not.toBeInTheDocument();
    expect(screen.queryByText('First idea')).not.toBeInTheDocument();
  });

  it('explains a failed first load with an alert whose retry loads it again', async () => {
    const { list, asked } = fakeList({ isError: true, error: new ApiError(500, { message: 'boom' }) });
    const { user } = renderUi(
      <ListStates list={list} count={0} empty={<p>Nothing yet</p>}>
        {items}
      </ListStates>,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.queryByText('Nothing yet')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(asked).toEqual(['refetch']);
  });

  it('keeps the pages shown when only the next page failed (ListMore reports that one)', () => {
    const list = fakeList({ isError: true, isFetchNextPageError: true, error: new ApiError(500, {}) }).list;
    renderUi(
      <ListStates list={list} count={1} empty={<p>Nothing yet</p>}>
        {items}
      </ListStates>,
    );
    expect(screen.getByText('First idea')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('takes a plain query too, whose failure is always the first load’s', () => {
    const { isFetchNextPageError: _none, ...plain } = fakeList({ isError: true, error: new ApiError(500, {}) }).list;
    renderUi(
      <ListStates list={plain} count={0} empty={<p>Nothing yet</p>}>
        {items}
      </ListStates>,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it('shows the empty text when there is nothing', () => {
    renderUi(
      <ListStates list={fakeList().list} count={0} empty={<p>Nothing yet</p>}>
        {items}
      </ListStates>,
    );
    expect(screen.getByText('Nothing yet')).toBeInTheDocument();
    expect(screen.queryByText('First idea')).not.toBeInTheDocument();
  });

  it('shows the items when there are some', () => {
    renderUi(
      <ListStates list={fakeList().list} count={1} empty={<p>Nothing yet</p>}>
        {items}
      </ListStates>,
    );
    expect(screen.getByText('First idea')).toBeInTheDocument();
    expect(screen.queryByText('Nothing yet')).not.toBeInTheDocument();
  });
});
