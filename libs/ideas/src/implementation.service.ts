import { Injectable } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import { type AuthUser, conflict, invalid, rows, Transactions } from '@ruche/platform';
import type { IdeaDetailView, ImplementationDto, MilestoneView } from './dto.js';
import { ideaAudience, ideaSubject } from './idea-events.js';
import { IDEA_COLUMNS, type IdeaRow } from './idea-sql.js';
import { toImplementationView } from './idea-views.js';
import { IdeasService } from './ideas.service.js';
import { IdeasVisibility } from './ideas-visibility.js';

/**
 * Implementation tracking of a selected (or implemented) idea: an owner, a progress percentage and
 * dated milestones, kept by the innovation team and visible to all. Every change is announced with
 * `idea.implementation_updated`; the notifier tells the author, voters and commenters.
 */
@Injectable()
export class ImplementationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
    private readonly ideas: IdeasService,
    private readonly identity: IdentityService,
  ) {}

  async update(user: AuthUser, ideaId: string, input: ImplementationDto): Promise<IdeaDetailView> {
    if (input.ownerId === undefined && input.progress === undefined && input.milestones === undefined) {
      throw invalid('Nothing to update: give ownerId, progress or milestones');
    }
    // People are looked up before the transaction (never wait for a second connection inside one).
    const { idea: current } = await this.visibility.visibleIdea(user, ideaId);
    const ownerId = input.ownerId === undefined ? current.implementation_owner_id : input.ownerId;
    const people = await this.identity.summaries(ownerId ? [ownerId] : []);
    if (input.ownerId && !people.has(input.ownerId)) throw invalid(`ownerId: no such user ${input.ownerId}`);

    await this.transactions.run(async (tx) => {
      const { idea } = await this.visibility.lockVisibleIdea(tx.manager, user, ideaId);
      if (idea.status !== 'selected' && idea.status !== 'implemented') {
        throw conflict(`Implementation is tracked for selected ideas (this one is ${idea.status})`);
      }
      const [row] = await rows<IdeaRow>(
        tx.manager,
        `UPDATE ideas
            SET implementation_owner_id = CASE WHEN $2::boolean THEN $3::uuid ELSE implementation_owner_id END,
                implementation_progress = coalesce($4, implementation_progress, 0),
                implementation_updated_at = now(), updated_at = now()
          WHERE id = $1
      RETURNING ${IDEA_COLUMNS('ideas')}`,
        [ideaId, input.ownerId !== undefined, input.ownerId ?? null, input.progress ?? null],
      );
      if (input.milestones) {
        await tx.manager.query('DELETE FROM idea_milestones WHERE idea_id = $1', [ideaId]);
        await tx.manager.query(
          `INSERT INTO idea_milestones (idea_id, position, title, due_on, done)
           SELECT $1, m.n - 1, m.title, m.due_on, m.done
             FROM unnest($2::text[], $3::date[], $4::boolean[]) WITH ORDINALITY AS m(title, due_on, done, n)`,
          [
            ideaId,
            input.milestones.map((m) => m.title),
            input.milestones.map((m) => m.date),
            input.milestones.map((m) => m.done ?? false),
          ],
        );
      }
      const milestones = await rows<MilestoneView>(
        tx.manager,
        'SELECT title, due_on::text AS date, done FROM idea_milestones WHERE idea_id = $1 ORDER BY position',
        [ideaId],
      );
      await tx.emit({
        type: 'idea.implementation_updated',
        payload: {
          ideaId,
          campaignId: idea.campaign_id,
          authorId: idea.author_id,
          title: idea.title,
          implementation: toImplementationView(row, people, milestones)!,
        },
        audience: ideaAudience(idea),
        subject: ideaSubject(ideaId),
        actorId: user.id,
      });
    });
    return this.ideas.get(user, ideaId);
  }
}
