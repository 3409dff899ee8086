import { screen } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../testing/render';
import { CancelButton, SubmitButton, SubmitRow } from './SubmitButton';

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

describe('SubmitRow with onCancel', () => {
  it('puts Cancel before the submit button; Cancel does not send the form', async () => {
    const onSubmit = vi.fn();
    const onCancel = vi.fn();
    const { user } = renderUi(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <SubmitRow busy={false} onCancel={onCancel}>
          Save
        </SubmitRow>
      </form>,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Cancel', 'Save']);
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveAttribute('type', 'button');
    expect(cancel).toHaveClass('btn', 'btn--ghost');
    await user.click(cancel);
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('has no Cancel without onCancel', () => {
    renderUi(<SubmitRow busy={false}>Save</SubmitRow>);
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });
});

function Confirm({ onCancel }: { onCancel(): void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <>
      <CancelButton onClick={onCancel} buttonRef={cancel} className="btn btn--ghost btn--small" />
      <button type="button" onClick={() => cancel.current?.focus()}>
        Back to cancel
      </button>
    </>
  );
}

describe('CancelButton', () => {
  it('says Cancel in the reader’s language, takes another look and hands its element to a ref', async () => {
    const onCancel = vi.fn();
    const { user } = renderUi(<Confirm onCancel={onCancel} />, { lang: 'fr' });
    const cancel = screen.getByRole('button', { name: 'Annuler' });
    expect(cancel).toHaveClass('btn--small');
    await user.click(screen.getByRole('button', { name: 'Back to cancel' }));
    expect(cancel).toHaveFocus();
    await user.click(cancel);
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
