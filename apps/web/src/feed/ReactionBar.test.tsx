import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NO_REACTIONS, postFixture, useFirstCachedPost } from '../testing/posts';
import { answerApi, renderUi } from '../testing/render';
import { keys, type PostPages } from './cache';
import { ReactionBar } from './ReactionBar';

const post = postFixture({
  body: 'Shipping the new onboarding today',
  reactions: { ...NO_REACTIONS, like: 2, celebrate: 1 },
  myReactions: ['celebrate'],
});

/** The bar as the feed shows it: the post read from the cache the bar patches. */
function FromCache() {
  const current = useFirstCachedPost();
  return current ? <ReactionBar post={current} /> : null;
}

function renderBar() {
  const rendered = renderUi(<FromCache />, { signedIn: true });
  rendered.qc.setQueryData<PostPages>(keys.feed('home'), { pages: [{ items: [post], nextCursor: null }], pageParams: [null] });
  return rendered;
}

describe('ReactionBar', () => {
  it('is a named group of toggle buttons, pressed for my reactions, named with their counts', async () => {
    answerApi(() => undefined);
    renderBar();
    expect(await screen.findByRole('group', { name: 'Reactions' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Like 2' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'Celebrate 1' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Support 0' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('reacts at once on a click, sends PUT with the session token, and keeps the answer', async () => {
    let release!: () => void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    const calls = answerApi(async (call) => {
      if (call.method !== 'PUT') return undefined;
      await answered;
      return { status: 200, body: { reactions: { ...NO_REACTIONS, like: 5, celebrate: 1 }, myReactions: ['celebrate', 'like'] } };
    });
    const { user } = renderBar();
    await user.click(await screen.findByRole('button', { name: 'Like 2' }));
    // Optimistic: pressed and counted before the api answers.
    expect(screen.getByRole('button', { name: 'Like 3' })).toHaveAttribute('aria-pressed', 'true');
    expect(calls).toEqual([
      { method: 'PUT', path: `/api/posts/${post.id}/reactions/like`, body: undefined, authorization: 'Bearer test-access-token' },
    ]);
    release();
    expect(await screen.findByRole('button', { name: 'Like 5' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('takes a reaction back with DELETE, from the keyboard too', async () => {
    const calls = answerApi((call) =>
      call.method === 'DELETE' ? { status: 200, body: { reactions: { ...NO_REACTIONS, like: 2 }, myReactions: [] } } : undefined,
    );
    const { user } = renderBar();
    (await screen.findByRole('button', { name: 'Celebrate 1' })).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('button', { name: 'Celebrate 0' })).toHaveAttribute('aria-pressed', 'false');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`DELETE /api/posts/${post.id}/reactions/celebrate`]);
  });

  it('puts the counts back and says so when the api refuses', async () => {
    answerApi(() => ({ status: 500, body: { message: 'Internal server error' } }));
    const { user } = renderBar();
    await user.click(await screen.findByRole('button', { name: 'Support 0' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/./);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Support 0' })).toHaveAttribute('aria-pressed', 'false'));
  });
});
