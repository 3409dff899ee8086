import { Injectable } from '@nestjs/common';
import { type AuthUser, conflict, invalid, Transactions } from '@ruche/platform';
import { type Decision, decisionConflict } from './campaign-rules.js';
import type { IdeaDetailView } from './dto.js';
import { ideaAudience, ideaSubject } from './idea-events.js';
import { IdeasService } from './ideas.service.js';
import { IdeasVisibility } from './ideas-visibility.js';

/**
 * The innovation team's decisions after expert review: `in_review → selected | rejected`, then
 * `selected → implemented`. A rejection needs a rationale; the latest rationale given is shown on
 * the idea (a decision without one keeps the previous). The author, voters and commenters are
 * notified from `idea.status` (IdeasService.participantIds).
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
    private readonly ideas: IdeasService,
  ) {}

  async decide(user: AuthUser, ideaId: string, decision: Decision, rationale: string | undefined): Promise<IdeaDetailView> {
    const why = rationale ? rationale : null;
    if (decision === 'rejected' && !why) throw invalid('rationale is required when rejecting an idea');
    await this.transactions.run(async (tx) => {
      const { idea, campaign } = await this.visibility.lockVisibleIdea(tx.manager, user, ideaId);
      const problem = decisionConflict(decision, idea.status, campaign.status);
      if (problem) throw conflict(problem);
      await tx.manager.query(
        `UPDATE ideas SET status = $2, rationale = coalesce($3, rationale), decided_by = $4, decided_at = now(), updated_at = now()
          WHERE id = $1`,
        [ideaId, decision, why, user.id],
      );
      await tx.emit({
        type: 'idea.status',
        payload: {
          ideaId,
          campaignId: campaign.id,
          authorId: idea.author_id,
          title: idea.title,
          status: decision,
          previousStatus: idea.status,
          rationale: why ?? idea.rationale,
          decision,
        },
        audience: ideaAudience(idea),
        subject: ideaSubject(ideaId),
        actorId: user.id,
      });
    });
    return this.ideas.get(user, ideaId);
  }
}
