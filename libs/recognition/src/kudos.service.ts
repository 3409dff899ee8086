import { Injectable, OnModuleInit } from '@nestjs/common';
import type { KudosTarget, KudosView } from '@ruche/contracts';
import { IdeasVisibility } from '@ruche/ideas';
import { IdentityService, summaryIn, type UserSummary } from '@ruche/identity';
import { QuestionQueue } from '@ruche/questions';
import {
  type AuthUser,
  canonicalId,
  canonicalIdSet,
  conflict,
  ContentModeration,
  ContentTargets,
  Database,
  decodeCursor,
  forbidden,
  invalid,
  moderationViewer,
  moderationVisibleSql,
  notFound,
  type Page,
  rows,
  SqlParams,
  stateOnCreate,
  SubjectVisibility,
  toPresentPage,
  Transactions,
  userRoom,
} from '@ruche/platform';
import { KUDOS_COLUMNS, type KudosRow } from './kudos-sql.js';

export type KudosDirection = 'received' | 'given';

/** Opted out of public recognition: a kudos is shown to its recipient and its giver only (`viewer`: the `$n` of their id). */
const PUBLIC_OR_PARTY = (viewer: string) =>
  `(${viewer}::uuid IN (k.recipient_id, k.author_id)
    OR NOT EXISTS (SELECT 1 FROM recognition_settings s WHERE s.user_id = k.recipient_id AND NOT s.public_recognition))`;

export const toKudosView = (k: KudosRow, people: ReadonlyMap<string, UserSummary>): KudosView => ({
  id: k.id,
  from: summaryIn(people, k.author_id),
  to: summaryIn(people, k.recipient_id),
  targetType: k.target_type,
  targetId: k.target_id,
  message: k.message,
  createdAt: k.created_at.toISOString(),
});

/**
 * Kudos (#17): a person thanks another for a specific answer, idea review or post they may see,
 * with a short plain-text message (stored and shown as text, never rendered as Markdown), shown on
 * both profiles. Never to yourself (400); a target you cannot see, or that does not exist, is 404
 * whatever the reason (a private group's post stays invisible); one kudos per person and target
 * (409). Written through the moderation kit: guidelines gate, blocked terms hold it for review,
 * reportable, hidden or removed by moderators (KudosModeration). Listed only with targets the
 * viewer may see, and a recipient who opted out of public recognition has their kudos shown to
 * themselves and the giver only.
 */
@Injectable()
export class KudosService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly identity: IdentityService,
    private readonly moderation: ContentModeration,
    private readonly subjects: SubjectVisibility,
    private readonly targets: ContentTargets,
    private readonly ideas: IdeasVisibility,
    private readonly questions: QuestionQueue,
  ) {}

  /** `kudos` is a subject like any content: reports, notifications and replay ask here. */
  onModuleInit(): void {
    this.subjects.register('kudos', (viewerId, ids) => this.visibleIds(viewerId, ids));
  }

  /** Kudos the viewer may see: in sight (moderation), its target visible to them, and public or theirs. */
  async visibleIds(viewerId: string, kudosIds: readonly string[]): Promise<Set<string>> {
    const ids = canonicalIdSet(kudosIds);
    const viewer = ids.length > 0 ? await this.identity.authenticate(viewerId) : null;
    if (!viewer) return new Set();
    const found = await rows<KudosRow>(
      this.db.manager,
      `SELECT ${KUDOS_COLUMNS('k')} FROM kudos k
        WHERE k.id = ANY ($1::uuid[]) AND ${moderationVisibleSql(moderationViewer(viewer.id, viewer), { alias: 'k' }, '$2')}
          AND ${PUBLIC_OR_PARTY('$2')}`,
      [ids, viewer.id],
    );
    return this.visibleTargets(viewer, found);
  }

  async give(user: AuthUser, input: { targetType: KudosTarget; targetId: string; message: string }): Promise<KudosView> {
    const targetId = canonicalId(input.targetId);
    if (!targetId) throw invalid('targetId must be a UUID');
    const recipientId = await this.authorOfVisible(user, input.targetType, targetId);
    if (!recipientId) throw notFound('Kudos target');
    if (recipientId === user.id) throw invalid('You cannot give kudos to yourself');
    const screening = await this.moderation.beforePublish(user.id, input.message);
    const people = await this.identity.summaries([user.id, recipientId]);
    return this.transactions.run(async (tx) => {
      const [row] = await rows<KudosRow>(
        tx.manager,
        `INSERT INTO kudos AS k (author_id, recipient_id, target_type, target_id, message, moderation_state)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ON CONSTRAINT kudos_one_per_target DO NOTHING
         RETURNING ${KUDOS_COLUMNS('k')}`,
        [user.id, recipientId, input.targetType, targetId, input.message, stateOnCreate(screening)],
      );
      if (!row) throw conflict('You already gave kudos for this');
      const kudos = toKudosView(row, people);
      if (screening.held) {
        await this.moderation.held(tx, { type: 'kudos', id: row.id, authorId: user.id }, screening.terms);
        return kudos;
      }
      await tx.emit({
        type: 'kudos.created',
        payload: { kudos },
        audience: [userRoom(recipientId), userRoom(user.id)],
        actorId: user.id,
      });
      return kudos;
    });
  }

  /** The giver takes a kudos back (anyone else: 403 if they may see it, else 404). */
  async remove(user: AuthUser, kudosId: string): Promise<void> {
    const viewer = moderationViewer(user.id, user);
    const [row] = await rows<KudosRow>(
      this.db.manager,
      `SELECT ${KUDOS_COLUMNS('k')} FROM kudos k WHERE k.id = $1 AND ${moderationVisibleSql(viewer, { alias: 'k' }, '$2')}`,
      [kudosId, user.id],
    );
    if (!row || !(await this.visibleTargets(user, [row])).has(row.id)) throw notFound('Kudos');
    if (row.author_id !== user.id) throw forbidden('Only the person who gave kudos can take them back');
    await this.db.manager.query('DELETE FROM kudos WHERE id = $1', [row.id]);
  }

  /** Kudos `userId` received or gave (or both), newest first, as `viewer` may see them. */
  async list(
    viewer: AuthUser,
    userId: string,
    query: { limit: number; cursor?: string; direction?: KudosDirection },
  ): Promise<Page<KudosView>> {
    const params = new SqlParams();
    const who = params.add(userId);
    const me = params.add(viewer.id);
    const where = [
      query.direction === 'received'
        ? `k.recipient_id = ${who}::uuid`
        : query.direction === 'given'
          ? `k.author_id = ${who}::uuid`
          : `(k.recipient_id = ${who}::uuid OR k.author_id = ${who}::uuid)`,
      moderationVisibleSql(moderationViewer(viewer.id, viewer), { alias: 'k' }, me),
      PUBLIC_OR_PARTY(me),
    ];
    if (query.cursor) where.push(params.keyset('k.created_at, k.id', '<', decodeCursor(query.cursor)));
    const found = await rows<KudosRow>(
      this.db.manager,
      `SELECT ${KUDOS_COLUMNS('k')} FROM kudos k WHERE ${where.join(' AND ')}
        ORDER BY k.created_at DESC, k.id DESC LIMIT ${params.add(query.limit + 1)}`,
      params.values,
    );
    const page = found.slice(0, query.limit);
    const visible = await this.visibleTargets(viewer, page);
    const people = await this.identity.summaries(page.flatMap((k) => [k.author_id, k.recipient_id]));
    return toPresentPage(
      found,
      query.limit,
      (k) => [k.created_at, k.id],
      (k) => (visible.has(k.id) ? toKudosView(k, people) : undefined),
    );
  }

  /** The author of a target the viewer may see, or null (missing, deleted, out of sight, private). */
  private async authorOfVisible(viewer: AuthUser, type: KudosTarget, id: string): Promise<string | null> {
    switch (type) {
      case 'answer':
        return (await this.questions.visibleAnswer(viewer.id, id))?.authorId ?? null;
      case 'review':
        return (await this.ideas.visibleReviews(viewer, [id])).get(id)?.reviewerId ?? null;
      case 'post': {
        if (!(await this.subjects.visibleIds(viewer.id, 'post', [id])).has(id)) return null;
        return (await this.targets.resolveOne('post', id))?.authorId ?? null;
      }
    }
  }

  /** Ids of the kudos whose targets the viewer may see now. */
  private async visibleTargets(viewer: AuthUser, kudos: readonly KudosRow[]): Promise<Set<string>> {
    const idsOf = (type: KudosTarget) => kudos.filter((k) => k.target_type === type).map((k) => k.target_id);
    const seen = new Set<string>([
      ...(await this.subjects.visibleIds(viewer.id, 'answer', idsOf('answer'))),
      ...(await this.subjects.visibleIds(viewer.id, 'post', idsOf('post'))),
      ...(await this.ideas.visibleReviews(viewer, idsOf('review'))).keys(),
    ]);
    return new Set(kudos.filter((k) => seen.has(k.target_id)).map((k) => k.id));
  }
}
