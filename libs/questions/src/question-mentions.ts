import { Injectable } from '@nestjs/common';
import { IdentityService, type UserSummary } from '@ruche/identity';
import { markdownMentionHandles, type MentionedText } from '@ruche/platform';
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

/** An answer's `answer.mentioned` (when it is published or edited): its question as subject, by its author. */
export const answerMentions = (answer: AnswerView): MentionedText<'answer.mentioned'> => ({
  type: 'answer.mentioned',
  payload: { questionId: answer.questionId, answerId: answer.id },
  subject: questionSubject(answer.questionId),
  authorId: answer.author.id,
});
