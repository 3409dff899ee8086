import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { KudosButton } from './KudosButton';
import { RecognitionCard } from './RecognitionCard';

const answerId = '00000000-0000-4000-8000-0000000000b1';
const bob = { id: '00000000-0000-4000-8000-0000000000b2', handle: 'bob', displayName: 'Bob' };
const alice = { id: '00000000-0000-4000-8000-0000000000b3', handle: 'alice', displayName: 'Alice' };

describe('KudosButton', () => {
  it('sends a short plain-text thanks for the answer with the session token, then says so', async () => {
    const calls = answerApi((call) =>
      call.method === 'POST'
        ? {
            status: 201,
            body: {
              id: 'k1',
              from: alice,
              to: bob,
              targetType: 'answer',
              targetId: answerId,
              message: 'Thanks!',
              createdAt: new Date().toISOString(),
            },
          }
        : undefined,
    );
    const { user } = renderUi(<KudosButton targetType="answer" targetId={answerId} name="Bob" />, { signedIn: true });
    await user.click(screen.getByRole('button', { name: 'Thank Bob' }));
    await user.click(screen.getByRole('button', { name: 'Send thanks' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Write a short thank-you');
    expect(calls).toEqual([]);
    await user.type(screen.getByLabelText(/Your thanks/), '  Thanks!  ');
    await user.click(screen.getByRole('button', { name: 'Send thanks' }));
    expect(await screen.findByText('You thanked Bob')).toBeInTheDocument();
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/api/kudos',
        body: { targetType: 'answer', targetId: answerId, message: 'Thanks!' },
        authorization: 'Bearer test-access-token',
      },
    ]);
  });

  it('says it is done when the thanks was already given (409)', async () => {
    answerApi((call) =>
      call.method === 'POST' ? { status: 409, body: { statusCode: 409, message: 'You already gave kudos for this' } } : undefined,
    );
    const { user } = renderUi(<KudosButton targetType="answer" targetId={answerId} name="Bob" />, { signedIn: true });
    await user.click(screen.getByRole('button', { name: 'Thank Bob' }));
    await user.type(screen.getByLabelText(/Your thanks/), 'Again');
    await user.click(screen.getByRole('button', { name: 'Send thanks' }));
    expect(await screen.findByText('You thanked Bob')).toBeInTheDocument();
  });
});

describe('RecognitionCard', () => {
  it('shows the badges and the kudos received and given, the message as plain text', async () => {
    answerApi((call) => {
      if (call.path === `/api/users/${bob.id}/badges`)
        return { status: 200, body: { items: [{ badge: 'helper', label: 'Helper', awardedAt: new Date().toISOString() }] } };
      if (call.path.startsWith(`/api/users/${bob.id}/kudos`))
        return {
          status: 200,
          body: {
            items: [
              {
                id: 'k1',
                from: alice,
                to: bob,
                targetType: 'answer',
                targetId: answerId,
                message: '<b>Thanks</b>',
                createdAt: new Date().toISOString(),
              },
            ],
            nextCursor: null,
          },
        };
      return undefined;
    });
    renderUi(<RecognitionCard userId={bob.id} />, { signedIn: true });
    expect(await screen.findByRole('list', { name: 'Badges' })).toHaveTextContent('Helper');
    expect(await screen.findByText('<b>Thanks</b>')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alice' })).toBeInTheDocument();
  });
});
