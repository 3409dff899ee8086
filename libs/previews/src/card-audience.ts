import { userRoom } from '@ruche/platform';

/**
 * The audience of an item's cards by its own moderation state, as its updates go: visible, where
 * its owner says (`whileVisible`); held, its author alone; hidden, removed or deleted, nobody.
 */
export function cardAudience(state: string, authorId: string, whileVisible: () => string[]): string[] {
  return state === 'visible' ? whileVisible() : state === 'held' ? [userRoom(authorId)] : [];
}
