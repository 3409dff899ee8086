import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, isMissing, NetworkError } from '../api/errors';
import { renderUi } from '../testing/render';
import { PageError } from './bits';

describe('isMissing', () => {
  it('is a 404, or a 400 for a malformed id; nothing else', () => {
    expect(isMissing(new ApiError(404, { message: 'Not Found' }))).toBe(true);
    expect(isMissing(new ApiError(400, { message: 'id must be a UUID' }))).toBe(true);
    expect(isMissing(new ApiError(403, { message: 'Forbidden' }))).toBe(false);
    expect(isMissing(new ApiError(500, null))).toBe(false);
    expect(isMissing(new NetworkError(new Error('offline')))).toBe(false);
  });
});

describe('PageError', () => {
  it('says "not found" without a retry when the api has no such thing, even for a malformed id', () => {
    const onRetry = vi.fn();
    renderUi(<PageError error={new ApiError(400, { message: 'id must be a UUID' })} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This page does not exist or is not visible to you.');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says why otherwise, with a retry', async () => {
    const onRetry = vi.fn();
    const { user } = renderUi(<PageError error={new NetworkError(new Error('offline'))} onRetry={onRetry} />);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
