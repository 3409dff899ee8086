import { Injectable } from '@nestjs/common';
import { rows } from '../database/rows.js';
import { Database } from '../database/unit-of-work.js';
import type { PublishedEvent } from '../events/domain-events.js';
import { EventBus } from '../events/event-bus.js';
import { Transactions, type Tx } from '../events/transactions.js';
import { ContentScreening, type ScreeningResult } from './content-screening.js';
import { type ContentTarget, ContentTargets, type ContentType, type ModerationState } from './content-targets.js';
import { GuidelinesGate } from './guidelines-gate.js';
import { PublishingGate } from '../auth/publishing-gate.js';

/** What a moderated table's rows carry at least, as its owner reads them. */
export interface ModeratedRow {
  id: string;
  moderation_state: ModerationState;
}

/**
 * What a decision did to a piece of content, which says what its owner tells the rooms: `hidden`
 * (out of sight: hidden, removed, or held again), `released` (held content published for the first
 * time: its `*.created`, with whatever a publication sets off), `restored` (back in sight).
 */
export type ModerationTransition = 'hidden' | 'released' | 'restored';

/**
 * Content that lives under a parent row (a comment under its post, an answer under its question):
 * the parent's row lock is taken first, as when a child is added, so counts move in one order, and
 * the parent's count of visible children moves with the child's state.
 */
export interface ModeratedParent<Row> {
  table: string;
  /** The child's column naming its parent. */
  key: keyof Row & string;
  /** The parent's columns the owner needs to announce a change (`alias.col, ...`). */
  columns: (alias: string) => string;
  /** Condition the parent must meet (`${alias}.deleted_at IS NULL`): otherwise its children are left alone. */
  live?: (alias: string) => string;
  /** The parent's count of visible children. */
  counter: string;
  /** The parent's group column, when the child's group is its parent's. */
  group?: string;
}

/** A change applied in the decision's transaction: what the owner needs to tell the rooms. */
export type ModerationChange<Row extends ModeratedRow, Parent, Prepared> = ChangeFacts<Row, Parent, Prepared> &
  (
    | { transition: 'hidden'; state: Exclude<ModerationState, 'visible'> }
    | { transition: Exclude<ModerationTransition, 'hidden'>; state: 'visible' }
  );

interface ChangeFacts<Row extends ModeratedRow, Parent, Prepared> {
  tx: Tx;
  /** The decision (`content.moderated`); its actor is the reviewer, null when automatic. */
  decision: PublishedEvent<'content.moderated'>;
  before: ModerationState;
  /** The content as updated. */
  row: Row;
  /** With a parent: its row (locked) and its count of visible children after the change. */
  parent: Parent extends object ? { row: Parent; count: number } : undefined;
  /** What {@link ModeratedType.prepare} answered. */
  prepared: Prepared;
}

/**
 * A content type declared to the moderation kit by the module that owns its table. The kit does
 * the rest: reports can target it (the review queue's excerpt), decisions are applied to it in one
 * transaction, idempotently, and the owner is asked to announce each change.
 */
export interface ModeratedType<Row extends ModeratedRow, Parent = undefined, Prepared = undefined> {
  type: ContentType;
  table: string;
  /** The row the owner builds its events from (`alias.col, ...`), read and returned by the update. */
  columns: (alias: string) => string;
  /** The author column; default `author_id`. */
  author?: string;
  /** The column shown (shortened) in the review queue. */
  excerpt: string;
  /** The group column, for content that lives in a group itself. */
  group?: string;
  /** Condition content must meet to be moderated at all (`${alias}.deleted_at IS NULL`). */
  live?: (alias: string) => string;
  /** Declare it with the `Parent` row type the owner reads. */
  parent?: ModeratedParent<Row>;
  /** Extra assignments when held content is released (`last_routed_at = now()`). */
  releaseSet?: string;
  /**
   * Asked before the decision's transaction opens, with the content as it is then, so the
   * transaction never waits for a second pooled connection (people's summaries, routing).
   */
  prepare?: (current: Row, state: ModerationState) => Promise<Prepared>;
  /** Inside the decision's transaction: the owner's own events for the change. */
  announce: (change: ModerationChange<Row, Parent, Prepared>) => Promise<void>;
}

const EXCERPT_LENGTH = 280;
const excerpt = (text: string) => (text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1)}…`);

interface TargetRow {
  id: string;
  author_id: string;
  group_id: string | null;
  text: string;
  moderation_state: ModerationState;
}

/**
 * The moderation kit: what a content module (feed, ideas, questions, any future one) plugs into to
 * be moderated, without importing the moderation module (moderation emits `content.moderated`,
 * the owner applies it; the owner emits `content.held`, moderation opens a case).
 *
 * - Writing: {@link beforePublish} (email verified and guidelines accepted, else 403; then the text screened),
 *   {@link screen} for edits, {@link held} in the transaction that held content; the states
 *   written are `stateOnCreate` / `stateAfterEdit`, and every read applies `moderationVisibleSql`.
 * - {@link register}: a content type becomes reportable and has decisions applied: its row (and
 *   its parent's, first) locked, the state written, the parent's count of visible children moved,
 *   and the owner's `announce` called in the same transaction. Idempotent: applying the state a
 *   row already has changes nothing and says nothing (listeners are retried).
 */
@Injectable()
export class ContentModeration {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly bus: EventBus,
    private readonly targets: ContentTargets,
    private readonly screening: ContentScreening,
    private readonly gate: GuidelinesGate,
    private readonly publishing: PublishingGate,
  ) {}

  /** Before someone publishes: the company guidelines accepted (else 403), then the text screened. */
  async beforePublish(authorId: string, text: string): Promise<ScreeningResult> {
    // An unverified address first (#15): accepting the guidelines would not let them post either.
    await this.publishing.assertMayPublish(authorId);
    await this.gate.assertAccepted(authorId);
    return this.screening.screen(text);
  }

  /** Before an edit: the new text screened. */
  screen(text: string): Promise<ScreeningResult> {
    return this.screening.screen(text);
  }

  /** In the transaction that held the content: moderation opens a review case for it. */
  async held(
    tx: Tx,
    target: { type: ContentType; id: string; authorId: string; groupId?: string | null },
    terms: string[],
  ): Promise<void> {
    const groupId = target.groupId ?? null;
    await tx.emit({
      type: 'content.held',
      payload: { targetType: target.type, targetId: target.id, authorId: target.authorId, groupId, terms },
      audience: [],
      actorId: target.authorId,
    });
  }

  /** Declares a content type (call it from the owner's `onModuleInit`). */
  register<Row extends ModeratedRow, Parent = undefined, Prepared = undefined>(spec: ModeratedType<Row, Parent, Prepared>): void {
    const from = fromClause(spec);
    const author = spec.author ?? 'author_id';
    const group = spec.group ? `t.${spec.group}` : spec.parent?.group ? `p.${spec.parent.group}` : 'NULL::uuid';
    this.targets.register(spec.type, async (ids) => {
      const found = await rows<TargetRow>(
        this.db.manager,
        `SELECT t.id, t.${author} AS author_id, ${group} AS group_id, t.${spec.excerpt} AS text, t.moderation_state
           ${from} AND t.id = ANY($1::uuid[])`,
        [ids],
      );
      return new Map(
        found.map((row): [string, ContentTarget] => [
          row.id,
          {
            id: row.id,
            type: spec.type,
            authorId: row.author_id,
            groupId: row.group_id,
            excerpt: excerpt(row.text),
            state: row.moderation_state,
          },
        ]),
      );
    });
    this.bus.subscribe(
      'content.moderated',
      async (event) => {
        if (event.payload.targetType === spec.type) await this.apply(spec, from, event);
      },
      `content.moderated:${spec.type}`,
    );
  }

  private async apply<Row extends ModeratedRow, Parent, Prepared>(
    spec: ModeratedType<Row, Parent, Prepared>,
    from: string,
    decision: PublishedEvent<'content.moderated'>,
  ): Promise<void> {
    const { targetId: id, state } = decision.payload;
    const [current] = await rows<Row>(this.db.manager, `SELECT ${spec.columns('t')} ${from} AND t.id = $1`, [id]);
    if (!current || current.moderation_state === state) return;
    const prepared = (spec.prepare ? await spec.prepare(current, state) : undefined) as Prepared;
    const live = spec.live ? `AND ${spec.live('t')}` : '';
    await this.transactions.run(async (tx) => {
      const parent = spec.parent;
      let parentRow: Parent | undefined;
      if (parent) {
        [parentRow] = await rows<Parent>(
          tx.manager,
          `SELECT ${parent.columns('p')} FROM ${parent.table} p
            WHERE p.id = $1 ${parent.live ? `AND ${parent.live('p')}` : ''} FOR NO KEY UPDATE`,
          [current[parent.key]],
        );
        if (!parentRow) return;
      }
      const [locked] = await rows<ModeratedRow>(
        tx.manager,
        `SELECT t.id, t.moderation_state FROM ${spec.table} t WHERE t.id = $1 ${live} FOR NO KEY UPDATE`,
        [id],
      );
      if (!locked || locked.moderation_state === state) return;
      const before = locked.moderation_state;
      const releasing = state === 'visible' && before === 'held';
      const set = releasing && spec.releaseSet ? `, ${spec.releaseSet}` : '';
      const [row] = await rows<Row>(
        tx.manager,
        `UPDATE ${spec.table} AS t SET moderation_state = $2${set} WHERE t.id = $1 RETURNING ${spec.columns('t')}`,
        [id, state],
      );
      let under: { row: Parent; count: number } | undefined;
      if (parent && parentRow) {
        const parentId = row[parent.key];
        const delta = (state === 'visible' ? 1 : 0) - (before === 'visible' ? 1 : 0);
        const [{ count }] = delta
          ? await rows<{ count: number }>(
              tx.manager,
              `UPDATE ${parent.table} SET ${parent.counter} = ${parent.counter} + $2 WHERE id = $1 RETURNING ${parent.counter} AS count`,
              [parentId, delta],
            )
          : await rows<{ count: number }>(tx.manager, `SELECT ${parent.counter} AS count FROM ${parent.table} WHERE id = $1`, [
              parentId,
            ]);
        under = { row: parentRow, count };
      }
      const facts = { tx, decision, before, row, parent: under as ChangeFacts<Row, Parent, Prepared>['parent'], prepared };
      await spec.announce(
        state === 'visible'
          ? { ...facts, transition: releasing ? 'released' : 'restored', state }
          : { ...facts, transition: 'hidden', state },
      );
    });
  }
}

/** The content aliased `t` (joined to its live parent `p`, if any), as a `FROM ... WHERE` to extend with `AND`. */
function fromClause<Row>(spec: { table: string; live?: (alias: string) => string; parent?: ModeratedParent<Row> }): string {
  const parent = spec.parent;
  const join = parent ? `JOIN ${parent.table} p ON p.id = t.${parent.key}${parent.live ? ` AND ${parent.live('p')}` : ''}` : '';
  return `FROM ${spec.table} t ${join} WHERE ${spec.live ? spec.live('t') : 'TRUE'}`;
}
