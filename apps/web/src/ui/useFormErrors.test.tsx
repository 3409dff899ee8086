import { screen, waitFor } from '@testing-library/react';
import { useState, type FormEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { renderUi } from '../testing/render';
import { FormError } from './bits';
import { Field } from './Field';
import { useFormErrors } from './useFormErrors';

/** A form with a required title and an optional note, sent by the test's `work`. */
function NoteForm({ work }: { work: (title: string) => Promise<void> }) {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const { errors, form, field, busy, send, required, refuse } = useFormErrors({ title: 'Title', note: 'Note' });
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (refuse(required({ title }))) return;
    await send(() => work(title));
  }
  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field {...field('title', title, setTitle)} />
      <Field {...field('note', note, setNote)} />
      {/* Not disabled while busy, so that a second send can be asked for. */}
      <button type="submit" aria-disabled={busy || undefined}>
        Send
      </button>
    </form>
  );
}

/** The same form sent through a mutation-like object; "Hold" makes it one under way. */
function MutationForm({ sent }: { sent: string[] }) {
  const [title, setTitle] = useState('');
  const [pending, setPending] = useState(false);
  const { form, field, submitTo, required } = useFormErrors({ title: 'Title' });
  const submit = submitTo({ isPending: pending, mutate: () => void sent.push(title) }, () => required({ title }));
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Field {...field('title', title, setTitle)} />
      <button type="submit">Send</button>
      <button type="button" onClick={() => setPending(true)}>
        Hold
      </button>
    </form>
  );
}

describe('useFormErrors', () => {
  it('refuses a blank required field with its message, on it, without sending', async () => {
    const sent: string[] = [];
    const { user } = renderUi(<NoteForm work={async (title) => void sent.push(title)} />);
    await user.type(screen.getByLabelText('Note'), 'only a note');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Title is required.')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Note')).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveFocus(), { timeout: 2000 });
    expect(sent).toEqual([]);
  });

  it('is busy while sending, ignores a second send meanwhile, and clears the last messages', async () => {
    const sent: string[] = [];
    let finish = () => {};
    const work = (title: string) => {
      sent.push(title);
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const { user } = renderUi(<NoteForm work={work} />);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Title is required.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Title'), 'Q3 plan');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.queryByText('Title is required.')).not.toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Send' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(sent).toEqual(['Q3 plan']);
    finish();
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'), { timeout: 2000 });
  });

  it('shows a failed send above the form and lets it be sent again', async () => {
    let refuse = true;
    const work = () => (refuse ? Promise.reject(new ApiError(404, { message: 'Not Found' })) : Promise.resolve());
    const { user } = renderUi(<NoteForm work={work} />);
    await user.type(screen.getByLabelText('Title'), 'Q3 plan');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert', {}, { timeout: 2000 })).toHaveTextContent(
      'This page does not exist or is not visible to you.',
    );
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument(), { timeout: 2000 });
  });

  it('submitTo sends the mutation once the checks pass, and not while it is pending', async () => {
    const sent: string[] = [];
    const { user } = renderUi(<MutationForm sent={sent} />);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Title is required.')).toBeInTheDocument();
    expect(sent).toEqual([]);
    await user.type(screen.getByLabelText('Title'), 'Q3 plan');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sent).toEqual(['Q3 plan']);
    expect(screen.queryByText('Title is required.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hold' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sent).toEqual(['Q3 plan']);
  });
});
