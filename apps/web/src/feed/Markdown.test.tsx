import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Comment } from '../api/types';
import { answerApi, me, renderUi } from '../testing/render';
import { Comments } from './Comments';
import { RichText } from './PostBody';

const postId = '00000000-0000-4000-8000-0000000000aa';
const mine: Comment = {
  id: '00000000-0000-4000-8000-0000000000c1',
  postId,
  author: { id: me.id, handle: me.handle, displayName: me.displayName },
  body: 'First **take**',
  bodyHtml: '<p>First <strong>take</strong></p>\n',
  createdAt: new Date().toISOString(),
  editedAt: null,
  attachments: [],
};

describe('server-rendered Markdown (#14)', () => {
  it('shows the server’s sanitised HTML, and routes its in-app links without a page load', async () => {
    const { user } = renderUi(
      <Routes>
        <Route
          path="/"
          element={
            <RichText
              text="**Ship** it @ada"
              html={'<p><strong>Ship</strong> it <a href="/people/u1" rel="nofollow noopener ugc" class="mention">@ada</a></p>'}
            />
          }
        />
        <Route path="/people/:id" element={<p>Ada’s profile</p>} />
      </Routes>,
    );
    expect(screen.getByText('Ship').tagName).toBe('STRONG');
    await user.click(screen.getByRole('link', { name: '@ada' }));
    expect(await screen.findByText('Ada’s profile')).toBeInTheDocument();
  });

  it('without server HTML, shows the text as text: nothing in it is parsed as HTML', () => {
    renderUi(<RichText text="<img src=x onerror=alert(1)> **not bold**" />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)> \*\*not bold\*\*/)).toBeInTheDocument();
  });

  it('the author edits a comment in place: PATCH /api/comments/:id, then the thread shows the new text, marked edited', async () => {
    let current = mine;
    const calls = answerApi((call) => {
      if (call.method === 'GET' && call.path.startsWith(`/api/posts/${postId}/comments`)) {
        return { status: 200, body: { items: [current], nextCursor: null } };
      }
      if (call.method === 'PATCH' && call.path === `/api/comments/${mine.id}`) {
        current = { ...mine, body: 'Second take', bodyHtml: '<p>Second take</p>\n', editedAt: new Date().toISOString() };
        return { status: 200, body: current };
      }
      return undefined;
    });
    const { user } = renderUi(<Comments postId={postId} id="c" />, { signedIn: true });
    const item = (await screen.findByText('take')).closest('li')!;
    await user.click(within(item).getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Edit your comment' });
    await user.clear(box);
    await user.type(box, 'Second take');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Second take')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/edited/)).toBeInTheDocument());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ body: 'Second take' });
  });
});
