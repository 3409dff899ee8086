import type { NewDomainEvent } from './domain-events.js';
import { emitNewMentions } from './mentioned-events.js';
import type { Tx } from './transactions.js';

const recording = () => {
  const emitted: NewDomainEvent[] = [];
  const tx = { emit: async (event: NewDomainEvent) => void emitted.push(event) } as unknown as Tx;
  return { tx, emitted };
};

const comment = {
  type: 'comment.mentioned' as const,
  payload: { postId: 'p1', commentId: 'c1' },
  subject: { type: 'post', id: 'p1' },
  authorId: 'author',
};

describe('emitNewMentions', () => {
  it('tells the people newly named, never the author, with no live audience', async () => {
    const { tx, emitted } = recording();
    await emitNewMentions(tx, comment, ['a', 'author', 'b', 'c'], new Set(['b']));
    expect(emitted).toEqual([
      {
        type: 'comment.mentioned',
        payload: { postId: 'p1', commentId: 'c1', userIds: ['a', 'c'] },
        audience: [],
        subject: { type: 'post', id: 'p1' },
        actorId: 'author',
      },
    ]);
  });

  it('takes the people named as summaries too', async () => {
    const { tx, emitted } = recording();
    await emitNewMentions(tx, comment, [{ id: 'a' }, { id: 'author' }]);
    expect(emitted.map((event) => event.payload)).toEqual([{ postId: 'p1', commentId: 'c1', userIds: ['a'] }]);
  });

  it('emits nothing when nobody is left', async () => {
    const { tx, emitted } = recording();
    await emitNewMentions(tx, comment, ['author', 'b'], new Set(['b']));
    await emitNewMentions(tx, comment, []);
    expect(emitted).toEqual([]);
  });
});
