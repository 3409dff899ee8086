import { Inject, Injectable } from '@nestjs/common';
import { type AuthUser, conflict, forbidden, invalid, rows, RUCHE_CONFIG, type RucheConfig, Transactions } from '@ruche/platform';
import type { ClaimView } from './dto.js';
import { questionAudience, questionSubject } from './question-events.js';
import { QuestionsVisibility } from './questions-visibility.js';

/**
 * "I'm on it": someone who means to answer claims the question so others do not write the same
 * answer. Visible to everyone (`claim` on the question, `question.claimed` live); one active claim
 * at a time; it lapses after `RUCHE_CLAIM_MINUTES` (claiming again extends one's own), ends when
 * its holder answers or releases it, or when an answer is accepted. Anyone but the asker may claim
 * an open question: whoever knows the answer is the expert.
 */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: QuestionsVisibility,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  async claim(user: AuthUser, questionId: string): Promise<{ claim: ClaimView }> {
    return this.transactions.run(async (tx) => {
      const question = await this.visibility.question(user, questionId, tx.manager, true);
      if (question.asker_id === user.id) throw invalid('You cannot claim your own question');
      if (question.status === 'answered') throw conflict('This question already has an accepted answer');
      if (question.claimed_by && question.claimed_by !== user.id) {
        throw conflict(`Someone is already on it, until ${question.claim_expires_at!.toISOString()}`);
      }
      const [{ claim_expires_at }] = await rows<{ claim_expires_at: Date }>(
        tx.manager,
        `UPDATE questions SET claimed_by = $2, claim_expires_at = now() + make_interval(mins => $3)
          WHERE id = $1 RETURNING claim_expires_at`,
        [questionId, user.id, this.config.questions.claimMinutes],
      );
      const claim = {
        user: { id: user.id, handle: user.handle, displayName: user.displayName },
        expiresAt: claim_expires_at.toISOString(),
      };
      await tx.emit({
        type: 'question.claimed',
        payload: { questionId, claim },
        audience: questionAudience(question),
        subject: questionSubject(questionId),
        actorId: user.id,
      });
      return { claim };
    });
  }

  /** Releases the caller's claim (idempotent: nothing to release is fine); someone else's is 403. */
  async release(user: AuthUser, questionId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const question = await this.visibility.question(user, questionId, tx.manager, true);
      if (!question.claimed_by) return;
      if (question.claimed_by !== user.id) throw forbidden('Only the person who claimed the question can release it');
      await tx.manager.query('UPDATE questions SET claimed_by = NULL, claim_expires_at = NULL WHERE id = $1', [questionId]);
      await tx.emit({
        type: 'question.claim_released',
        payload: { questionId, userId: user.id },
        audience: questionAudience(question),
        subject: questionSubject(questionId),
        actorId: user.id,
      });
    });
  }
}
