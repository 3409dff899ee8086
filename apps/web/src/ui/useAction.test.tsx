import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { renderUi } from '../testing/render';
import { useAction } from './useAction';

/** A button whose work waits for the test to finish it, or fails. */
function Save({ work }: { work: () => Promise<void> }) {
  const { busy, error, run } = useAction();
  return (
    <>
      <button type="button" aria-disabled={busy || undefined} onClick={() => void run(work)}>
        Save
      </button>
      {error && <p role="alert">{error}</p>}
    </>
  );
}

describe('useAction', () => {
  it('is busy while the work runs, ignores a second run meanwhile, and is free again after', async () => {
    let runs = 0;
    let finish = () => {};
    const work = () => {
      runs += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const { user } = renderUi(<Save work={work} />);
    const button = screen.getByRole('button', { name: 'Save' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(runs).toBe(1);
    finish();
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'), { timeout: 2000 });
    await user.click(button);
    expect(runs).toBe(2);
  });

  it('says why the work failed in the reader’s language, until the next run', async () => {
    let fail = true;
    const work = () => (fail ? Promise.reject(new ApiError(404, { message: 'Not Found' })) : Promise.resolve());
    const { user } = renderUi(<Save work={work} />, { lang: 'fr' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 2000 });
    expect(alert).toHaveTextContent('Cette page n’existe pas ou ne vous est pas visible.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument(), { timeout: 2000 });
  });
});
