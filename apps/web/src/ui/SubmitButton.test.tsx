import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../testing/render';
import { SubmitButton, SubmitRow } from './SubmitButton';

function Form(props: { busy: boolean; busyLabel?: string; disabled?: boolean; onSubmit?: () => void }) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit?.();
      }}
    >
      <SubmitRow busy={props.busy} busyLabel={props.busyLabel} disabled={props.disabled}>
        Publish
      </SubmitRow>
    </form>
  );
}

describe('SubmitButton', () => {
  it('sends its form', async () => {
    const onSubmit = vi.fn();
    const { user } = renderUi(<Form busy={false} onSubmit={onSubmit} />);
    const button = screen.getByRole('button', { name: 'Publish' });
    expect(button).toHaveAttribute('type', 'submit');
    expect(button).toHaveClass('btn', 'btn--primary');
    await user.click(button);
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('is disabled while busy, and says so when given the words', () => {
    const { rerender } = renderUi(<Form busy busyLabel="Saving…" />);
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    rerender(<Form busy />);
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
  });

  it('is disabled for another reason when told', () => {
    renderUi(<Form busy={false} busyLabel="Saving…" disabled />);
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
  });

  it('takes another look', () => {
    renderUi(
      <SubmitButton busy={false} className="btn btn--danger">
        Erase
      </SubmitButton>,
    );
    expect(screen.getByRole('button', { name: 'Erase' })).toHaveClass('btn--danger');
  });
});
