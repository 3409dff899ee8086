import { Injectable, OnModuleInit } from '@nestjs/common';
import { cardAudience, LinkPreviews } from '@ruche/previews';
import { questionAudience, questionSubject } from './question-events.js';

/**
 * Where a question's or an answer's link preview cards go once libs/previews has fetched them
 * (`item.link_previews`, sent by its shared glue): where `question.updated` / `answer.updated`
 * would go. Visible: the question's room and asker; held: the author alone; hidden, removed or
 * deleted: nobody. The subject (the question, or the answer) makes replay re-check visibility.
 */
@Injectable()
export class QuestionLinkPreviews implements OnModuleInit {
  constructor(private readonly previews: LinkPreviews) {}

  onModuleInit(): void {
    this.previews.sendLiveRows<{ id: string; asker_id: string; moderation_state: 'visible' | 'held' | 'hidden' | 'removed' }>(
      'question',
      'SELECT id, asker_id, moderation_state FROM questions WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL',
      (q) => ({
        id: q.id,
        parentId: null,
        audience: cardAudience(q.moderation_state, q.asker_id, () => questionAudience(q)),
        subject: questionSubject(q.id),
        actorId: q.asker_id,
      }),
    );
    this.previews.sendLiveRows<{
      id: string;
      author_id: string;
      answer_state: string;
      question_id: string;
      asker_id: string;
      moderation_state: 'visible' | 'held' | 'hidden' | 'removed';
    }>(
      'answer',
      `SELECT a.id, a.author_id, a.moderation_state AS answer_state, q.id AS question_id, q.asker_id, q.moderation_state
         FROM answers a JOIN questions q ON q.id = a.question_id
        WHERE a.id = ANY($1::uuid[]) AND a.deleted_at IS NULL AND q.deleted_at IS NULL`,
      (a) => ({
        id: a.id,
        parentId: a.question_id,
        audience: cardAudience(a.answer_state, a.author_id, () =>
          a.moderation_state === 'visible'
            ? questionAudience({ id: a.question_id, asker_id: a.asker_id, moderation_state: a.moderation_state })
            : [],
        ),
        subject: { type: 'answer', id: a.id },
        actorId: a.author_id,
      }),
    );
  }
}
