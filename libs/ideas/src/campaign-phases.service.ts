import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { type AuthUser, conflict, JobEngine, type ModerationState, rows, Transactions, type Tx } from '@ruche/platform';
import { CampaignDeadlines, DEADLINE_JOB, type DeadlineJob } from './campaign-deadlines.js';
import { CAMPAIGN_ACTIONS, type CampaignAction, judgeTransition } from './campaign-rules.js';
import { CampaignsService } from './campaigns.service.js';
import type { CampaignView } from './dto.js';
import { campaignRoom, campaignSubject, ideaRoom, ideaSubject, userRoom } from './idea-events.js';
import { type CampaignRow } from './idea-sql.js';
import { IdeasVisibility, type Viewer } from './ideas-visibility.js';
import { rankForAdvance } from './ranking.js';

/** Who the deadline's job reads the campaign as: someone who sees every campaign (it acts for nobody). */
const SYSTEM_VIEWER: Viewer = { id: '00000000-0000-0000-0000-000000000000', roles: ['innovation'] };

interface SubmittedIdea {
  id: string;
  author_id: string;
  title: string;
  vote_count: number;
  created_at: Date;
  moderation_state: ModerationState;
}

/**
 * The campaign's phases, each moved by the innovation team: open (ideas and votes accepted),
 * advance (the top ideas go to expert review, voting and submissions close), close. Each change
 * is recorded (who, when) and announced on `campaign:<id>`.
 *
 * The campaign row is locked (FOR NO KEY UPDATE) for the change; submissions and reviews hold a
 * share lock on it, so the phase cannot change under them. The advance then locks the submitted
 * ideas (in id order) before reading their counts: it waits for in-flight votes and ranks exactly
 * what they committed, and any vote after it finds the idea's new status (409). Votes never wait
 * on the campaign row, so a stream of votes cannot hold the advance back.
 *
 * A campaign with a deadline (`closesAt`, #16) advances by itself then: opening it schedules a
 * one-off job (CampaignDeadlines), and the job runs the same advance with no actor. Both the manual
 * advance and the job lock the campaign row first and re-read its status: whichever comes second
 * finds it in review and changes nothing, so the race leaves one advance.
 */
@Injectable()
export class CampaignPhasesService implements OnModuleInit {
  private readonly logger = new Logger('campaigns');

  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
    private readonly campaigns: CampaignsService,
    private readonly deadlines: CampaignDeadlines,
    private readonly jobs: JobEngine,
  ) {}

  onModuleInit(): void {
    this.jobs.onJob<DeadlineJob>(DEADLINE_JOB, (job) => this.advanceAtDeadline(job));
  }

  /** Repeating a transition that already happened answers the current state and changes nothing. */
  async transition(user: AuthUser, campaignId: string, action: CampaignAction): Promise<CampaignView> {
    await this.transactions.run(async (tx) => {
      const campaign = await this.visibility.visibleCampaign(user, campaignId, tx.manager, 'update');
      await this.apply(tx, campaign, action, user.id);
    });
    return this.campaigns.get(user, campaignId);
  }

  /**
   * The deadline's job: advances the campaign if it is still open and its deadline is still the
   * one the job was scheduled for (moved or cleared since: nothing; advanced already: nothing).
   * Resolves with what it did, for tests and logs.
   */
  async advanceAtDeadline(job: DeadlineJob, now = new Date()): Promise<'advanced' | 'not open' | 'moved' | 'gone'> {
    const outcome = await this.transactions.run(async (tx) => {
      const campaign = await this.visibility
        .visibleCampaign(SYSTEM_VIEWER, job.campaignId, tx.manager, 'update')
        .catch(() => null);
      if (!campaign) return 'gone' as const;
      if (campaign.status !== 'open') return 'not open' as const;
      if (campaign.closes_at?.toISOString() !== job.closesAt) return 'moved' as const;
      // Due a moment early (another instance's clock): run it again at the deadline.
      if (campaign.closes_at.getTime() > now.getTime()) {
        await this.deadlines.schedule(tx, campaign.id, campaign.closes_at);
        return 'moved' as const;
      }
      await this.apply(tx, campaign, 'advance', null);
      return 'advanced' as const;
    });
    if (outcome === 'advanced') this.logger.log({ msg: 'campaign advanced at its deadline', campaignId: job.campaignId });
    return outcome;
  }

  private async apply(tx: Tx, campaign: CampaignRow, action: CampaignAction, actorId: string | null): Promise<void> {
    const campaignId = campaign.id;
    {
      const verdict = judgeTransition(action, campaign.status);
      switch (verdict) {
        case 'repeat':
          return;
        case 'wrong_phase':
          throw conflict(`Cannot ${action} a campaign that is ${campaign.status}`);
        case 'apply':
          break;
      }
      if (action === 'open' && campaign.closes_at) {
        if (campaign.closes_at.getTime() <= Date.now())
          throw conflict('The deadline (closesAt) has passed: set a new one, or none, before opening');
        await this.deadlines.schedule(tx, campaignId, campaign.closes_at);
      }
      const { from, to } = CAMPAIGN_ACTIONS[action];
      const inReviewIds = action === 'advance' ? await this.advanceIdeas(tx, actorId, campaign) : undefined;
      await tx.manager.query('UPDATE campaigns SET status = $2, updated_at = now() WHERE id = $1', [campaignId, to]);
      const [{ created_at }] = await rows<{ created_at: Date }>(
        tx.manager,
        'INSERT INTO campaign_transitions (campaign_id, from_status, to_status, actor_id) VALUES ($1, $2, $3, $4) RETURNING created_at',
        [campaignId, from, to, actorId],
      );
      await tx.emit({
        type: 'campaign.status',
        payload: {
          campaignId,
          title: campaign.title,
          status: to,
          previousStatus: from,
          at: created_at.toISOString(),
          ...(inReviewIds ? { inReviewIds } : {}),
        },
        audience: [campaignRoom(campaignId)],
        subject: campaignSubject(campaignId),
        actorId,
      });
    }
  }

  /**
   * The top `advanceTopN` submitted ideas (rankForAdvance: most votes, earliest submission among
   * equals) go `in_review`, every other one `not_selected`. Each author hears about their idea;
   * the campaign room hears once, through campaign.status.
   */
  private async advanceIdeas(tx: Tx, actorId: string | null, campaign: CampaignRow): Promise<string[]> {
    const submitted = await rows<SubmittedIdea>(
      tx.manager,
      `SELECT id, author_id, title, vote_count, created_at, moderation_state FROM ideas
        WHERE campaign_id = $1 AND status = 'submitted' ORDER BY id FOR NO KEY UPDATE`,
      [campaign.id],
    );
    // Ideas hidden or held by moderation do not compete: they end `not_selected` with the rest.
    const { advanced } = rankForAdvance(
      submitted
        .filter((idea) => idea.moderation_state === 'visible')
        .map((idea) => ({ ...idea, voteCount: idea.vote_count, createdAt: idea.created_at })),
      campaign.advance_top_n,
    );
    const inReviewIds = advanced.map((idea) => idea.id);
    await tx.manager.query(
      `UPDATE ideas
          SET status = CASE WHEN id = ANY($2::uuid[]) THEN 'in_review' ELSE 'not_selected' END, updated_at = now()
        WHERE campaign_id = $1 AND status = 'submitted'`,
      [campaign.id, inReviewIds],
    );
    const chosen = new Set(inReviewIds);
    for (const idea of submitted) {
      await tx.emit({
        type: 'idea.status',
        payload: {
          ideaId: idea.id,
          campaignId: campaign.id,
          authorId: idea.author_id,
          title: idea.title,
          status: chosen.has(idea.id) ? 'in_review' : 'not_selected',
          previousStatus: 'submitted',
          rationale: null,
        },
        audience: [ideaRoom(idea.id), userRoom(idea.author_id)],
        subject: ideaSubject(idea.id),
        actorId,
      });
    }
    return inReviewIds;
  }
}
