import { Injectable } from '@nestjs/common';
import { IdentityService, type UserSummary } from '@ruche/identity';
import { emitNewMentions, markdownMentionHandles, type Tx } from '@ruche/platform';
import type { AnswerView } from './dto.js';
import { questionSubject } from './question-events.js';

/** At most this many people are linked and told per text (the rest stay plain text), as in posts. */
const MAX_MENTIONS = 50;

/**
 * @mentions in questions and answers (#14). Every employee sees every question, so every active
 * person a text names is linked; who is told is still decided per recipient by the notification
 * store's visibility check on the answer. Called outside transactions, or inside one it joins.
 */
@Injectable()
export class QuestionMentions {
  constructor(private readonly identity: IdentityService) {}

  async resolve(text: string): Promise<UserSummary[]> {
    const handles = markdownMentionHandles(text).slice(0, MAX_MENTIONS);
    return handles.length ? this.identity.findByHandles(handles) : [];
  }
}

/** A published answer: the people it newly mentions hear of it, never its author. */
export async function emitAnswerMentioned(
  tx: Tx,
  answer: AnswerView,
  mentioned: readonly UserSummary[],
  alreadyMentioned?: ReadonlySet<string>,
): Promise<void> {
  await emitNewMentions(
    tx,
    {
      type: 'answer.mentioned',
      payload: { questionId: answer.questionId, answerId: answer.id },
      subject: questionSubject(answer.questionId),
      authorId: answer.author.id,
    },
    mentioned.map((u) => u.id),
    alreadyMentioned,
  );
}
