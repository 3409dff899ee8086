import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Post } from '../api/types';
import { NO_GUIDELINES, postFixture } from '../testing/posts';
import { answerApi, renderUi, type ApiCall } from '../testing/render';
import { Composer } from './Composer';

function created(call: ApiCall): Post {
  const { body, groupId } = call.body as { body: string; groupId?: string };
  return postFixture({ id: '00000000-0000-4000-8000-0000000000bb', body, groupId: groupId ?? null });
}

describe('Composer', () => {
  it('posts what was typed, empties the box and announces it', async () => {
    const calls = answerApi((call) => {
      if (call.path === '/api/guidelines') return { status: 200, body: NO_GUIDELINES };
      if (call.method === 'POST' && call.path === '/api/posts') return { status: 201, body: created(call) };
      return undefined;
    });
    const { user } = renderUi(<Composer />, { signedIn: true });
    const box = screen.getByRole('textbox', { name: 'Share something with your colleagues' });
    const submit = screen.getByRole('button', { name: 'Post' });
    expect(submit).toBeDisabled();
    await user.type(box, 'Hello, team');
    await user.click(submit);
    expect(await screen.findByText('Your post is published.')).toBeInTheDocument();
    expect(box).toHaveValue('');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/posts', body: { body: 'Hello, team' }, authorization: 'Bearer test-access-token' },
    ]);
  });

  it('posts into the group it belongs to, with Ctrl+Enter', async () => {
    const calls = answerApi((call) => {
      if (call.path === '/api/guidelines') return { status: 200, body: NO_GUIDELINES };
      if (call.method === 'POST') return { status: 201, body: created(call) };
      return undefined;
    });
    const { user } = renderUi(<Composer groupId="00000000-0000-4000-8000-0000000000cc" label="Post to the group" />, {
      signedIn: true,
    });
    await user.type(screen.getByRole('textbox', { name: 'Post to the group' }), 'Agenda for Friday');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Your post is published.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      body: 'Agenda for Friday',
      groupId: '00000000-0000-4000-8000-0000000000cc',
    });
  });

  it('keeps the text and shows the refusal under the box when the api says no', async () => {
    answerApi((call) => {
      if (call.path === '/api/guidelines') return { status: 200, body: NO_GUIDELINES };
      if (call.method === 'POST')
        return { status: 400, body: { statusCode: 400, message: ['body must be shorter than or equal to 10000 characters'] } };
      return undefined;
    });
    const { user } = renderUi(<Composer />, { signedIn: true });
    const box = screen.getByRole('textbox', { name: 'Share something with your colleagues' });
    await user.type(box, 'Too long, says the server');
    await user.click(screen.getByRole('button', { name: 'Post' }));
    expect(
      await screen.findByRole('textbox', { name: 'Share something with your colleagues', description: /./ }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveValue('Too long, says the server');
  });
});
