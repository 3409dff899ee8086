import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationAbout } from '@ruche/contracts';
import { IdentityService, type UserSummary } from '@ruche/identity';
import {
  Database,
  type EventSubject,
  lockKey,
  type PublishedEvent,
  rows,
  SubjectVisibility,
  Transactions,
  type Tx,
  userRoom,
} from '@ruche/platform';
import type { NotificationContext } from './dto.js';
import { NotificationAbouts } from './notification-about.js';
import { GROUPED_KINDS, type NotificationKind, PARTY_ONLY_SUBJECTS } from './notification-kinds.js';
import { eligibleRecipients, groupKeyOf } from './notification-rules.js';
import {
  NOTIFICATION_COLUMNS,
  type NotificationRow,
  peopleShown,
  SHOWN_ACTORS,
  toNotificationView,
} from './notification-views.js';

/** One thing to tell some people, as a listener worked it out from an event. */
export interface NotificationDraft {
  /** The event it comes from: its id makes a redelivery a no-op, its time is the notification's. */
  source: Pick<PublishedEvent, 'eventId' | 'createdAt'>;
  kind: NotificationKind;
  /** Everyone who should hear of it before the rules apply (duplicates are fine). */
  recipients: readonly string[];
  /** Who did it: shown, and never told. Null when nobody is shown. */
  actorId: string | null;
  /** Also never told (e.g. the moderator who resolved a report, who is not shown). */
  excluded?: readonly string[];
  subject: EventSubject;
  /**
   * Grouped kinds: the thread rows pile up on when it is not the subject (a comment's post). The
   * grown row takes the latest subject, so it links to, and is checked against, the newest one.
   */
  groupOn?: string;
  /** What a mute can match: the post and the group the notification is about. */
  postId?: string | null;
  groupId?: string | null;
  /** Ids and counts only, never text. */
  context: NotificationContext;
  /**
   * Grouped kinds whose fact can be undone (a reaction taken back): asked again inside the write,
   * under the recipients' group locks; when it no longer holds, nobody is told.
   */
  stillHolds?: (db: EntityManager) => Promise<boolean>;
}

/** Someone undid what a grouped notification told of (took their reaction back). */
export interface Retraction {
  kind: NotificationKind;
  subjectId: string;
  actorId: string;
  recipients: readonly string[];
  /** Whether the actor's part still stands (e.g. another reaction of theirs on the post): then nothing changes. */
  stillHolds: (db: EntityManager) => Promise<boolean>;
}

/** Recipients checked concurrently when asking SubjectVisibility (one query each). */
const VISIBILITY_BATCH = 8;

/**
 * Writes notifications. The rules (no self-notification, preferences, mutes, active accounts) and
 * the visibility of the subject for each recipient are settled before the transaction opens, so
 * it never waits for a second pooled connection; then each row and its `notification.created`
 * event are written in one transaction, so the socket gets it in order and a reconnecting client
 * gets it replayed (re-checked for visibility again then).
 *
 * Redelivery never duplicates: (recipient, source event, kind) is unique. Grouped kinds grow the
 * recipient's one unread row for the subject (actors, count, time) instead of adding a row; an
 * actor already in it changes nothing (reacting twice to one post is one reaction to tell of).
 *
 * A grouped fact that can be undone (a reaction) is written and retracted under one advisory lock
 * per (recipient, group key), and each side re-reads the fact after taking it. Listeners for one
 * post may run at once on several instances, or out of order; whichever runs last sees the final
 * state, so the row ends up naming exactly who still reacts (among those it told of while unread).
 */
@Injectable()
export class NotificationStore {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly visibility: SubjectVisibility,
    private readonly identity: IdentityService,
    private readonly abouts: NotificationAbouts,
  ) {}

  /** Who of `recipients` already has a notification of `kind` about `subjectId` (e.g. mentioned by name before @group). */
  async alreadyTold(kind: NotificationKind, subjectId: string, recipients: readonly string[]): Promise<Set<string>> {
    if (recipients.length === 0) return new Set();
    const found = await rows<{ recipient_id: string }>(
      this.db.manager,
      'SELECT recipient_id FROM notifications WHERE kind = $1 AND subject_id = $2 AND recipient_id = ANY ($3::uuid[])',
      [kind, subjectId, [...new Set(recipients)]],
    );
    return new Set(found.map((r) => r.recipient_id));
  }

  /** Returns how many people were told (new rows, or grouped rows that grew). */
  async deliver(draft: NotificationDraft): Promise<number> {
    const recipients = await this.recipients(draft);
    if (recipients.length === 0) return 0;
    const grouped = GROUPED_KINDS.has(draft.kind) && draft.actorId !== null;
    const groupKey = grouped ? groupKeyOf(draft.kind, draft.groupOn ?? draft.subject.id) : null;
    // What it is about, once for every recipient (all may see the subject): public groups named only.
    const [people, abouts] = await Promise.all([
      this.peopleFor(draft, recipients, groupKey),
      this.abouts.of(null, [{ subject_type: draft.subject.type, subject_id: draft.subject.id }]),
    ]);
    const partyOnly = PARTY_ONLY_SUBJECTS.has(draft.subject.type);
    return this.transactions.run(async (tx) => {
      if (groupKey && draft.stillHolds) {
        await this.lockGroups(tx, recipients, groupKey);
        // Taken back before we got here (on any instance): nothing to tell.
        if (!(await draft.stillHolds(tx.manager))) return 0;
      }
      let told = 0;
      for (const recipientId of recipients) {
        const row = groupKey
          ? await this.grow(tx, recipientId, draft, groupKey)
          : await this.insert(tx, recipientId, draft, null);
        if (!row) continue;
        told++;
        await tx.emit({
          type: 'notification.created',
          payload: { notification: toNotificationView(row, people, abouts) },
          audience: [userRoom(recipientId)],
          // Party-only subjects have no visibility check to replay against: the recipient is a party.
          subject: partyOnly ? undefined : draft.subject,
          actorId: draft.actorId,
        });
      }
      return told;
    });
  }

  /**
   * Takes the actor back out of each recipient's unread grouped row, and deletes a row left with
   * nobody. A read row is history: it stays as it was (the recipient saw it; rewriting it would make
   * the list disagree with what they read). Idempotent: an actor not in the row changes nothing.
   * Returns how many rows changed.
   */
  async retract(r: Retraction): Promise<number> {
    if (!GROUPED_KINDS.has(r.kind)) return 0;
    const recipients = [...new Set(r.recipients)].filter((id) => id !== r.actorId);
    if (recipients.length === 0) return 0;
    const groupKey = groupKeyOf(r.kind, r.subjectId);
    const { people, abouts } = await this.shownAfterRetraction(recipients, groupKey, r.actorId);
    return this.transactions.run(async (tx) => {
      await this.lockGroups(tx, recipients, groupKey);
      // Read after the lock: a reaction added again meanwhile keeps the actor in.
      if (await r.stillHolds(tx.manager)) return 0;
      let changed = 0;
      for (const recipientId of recipients) {
        const [gone] = await rows<NotificationRow>(
          tx.manager,
          `DELETE FROM notifications
            WHERE recipient_id = $1 AND group_key = $2 AND read_at IS NULL AND actors = ARRAY[$3::uuid]
        RETURNING ${NOTIFICATION_COLUMNS}`,
          [recipientId, groupKey, r.actorId],
        );
        if (gone) {
          changed++;
          await tx.emit({
            type: 'notification.removed',
            payload: { id: gone.id },
            audience: [userRoom(recipientId)],
            actorId: r.actorId,
          });
          continue;
        }
        // The latest actor left: the next one (actors are latest first) is shown in their place.
        const [shrunk] = await rows<NotificationRow>(
          tx.manager,
          `UPDATE notifications
              SET actors = array_remove(actors, $3::uuid), actor_count = greatest(actor_count - 1, 1),
                  actor_id = CASE WHEN actor_id = $3::uuid THEN (array_remove(actors, $3::uuid))[1] ELSE actor_id END
            WHERE recipient_id = $1 AND group_key = $2 AND read_at IS NULL AND $3::uuid = ANY (actors)
          RETURNING ${NOTIFICATION_COLUMNS}`,
          [recipientId, groupKey, r.actorId],
        );
        if (!shrunk) continue;
        changed++;
        await tx.emit({
          type: 'notification.created',
          payload: { notification: toNotificationView(shrunk, people, abouts) },
          audience: [userRoom(recipientId)],
          subject: PARTY_ONLY_SUBJECTS.has(shrunk.subject_type)
            ? undefined
            : { type: shrunk.subject_type, id: shrunk.subject_id },
          actorId: r.actorId,
        });
      }
      return changed;
    });
  }

  /** One lock per (recipient, group key), in a fixed order so two writers never deadlock. */
  private async lockGroups(tx: Tx, recipients: readonly string[], groupKey: string): Promise<void> {
    for (const id of [...recipients].sort()) await lockKey(tx.manager, `notifications.group:${id}:${groupKey}`);
  }

  /**
   * What a shrunk row shows: its open rows' people, one further down the list to fill the place,
   * and what they are about (read once, as for a live event: public groups named only).
   */
  private async shownAfterRetraction(
    recipients: string[],
    groupKey: string,
    actorId: string,
  ): Promise<{ people: Map<string, UserSummary>; abouts: Map<string, NotificationAbout | null> }> {
    const open = await rows<NotificationRow>(
      this.db.manager,
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications
        WHERE recipient_id = ANY ($1::uuid[]) AND group_key = $2 AND read_at IS NULL AND $3::uuid = ANY (actors)`,
      [recipients, groupKey, actorId],
    );
    if (open.length === 0) return { people: new Map(), abouts: new Map() };
    const ids = open.flatMap((row) => row.actors.filter((id) => id !== actorId).slice(0, SHOWN_ACTORS));
    const [people, abouts] = await Promise.all([this.identity.summaries(ids), this.abouts.of(null, open)]);
    return { people, abouts };
  }

  /** The rules, then "may this recipient see the subject now" for each one left. */
  private async recipients(draft: NotificationDraft): Promise<string[]> {
    const candidates = [...new Set(draft.recipients)];
    if (candidates.length === 0) return [];
    const [active, optedOut, muted] = await Promise.all([
      this.identity.activeIds(candidates),
      this.optedOut(draft.kind, candidates),
      this.muted(candidates, draft.postId ?? null, draft.groupId ?? null),
    ]);
    const eligible = eligibleRecipients({
      candidates,
      actorId: draft.actorId,
      excluded: draft.excluded,
      active,
      optedOut,
      muted,
    });
    if (PARTY_ONLY_SUBJECTS.has(draft.subject.type)) return eligible;
    const allowed: string[] = [];
    for (let i = 0; i < eligible.length; i += VISIBILITY_BATCH) {
      const batch = eligible.slice(i, i + VISIBILITY_BATCH);
      const verdicts = await Promise.all(batch.map((id) => this.visibility.canSee(id, draft.subject.type, draft.subject.id)));
      allowed.push(...batch.filter((_, n) => verdicts[n]));
    }
    return allowed;
  }

  private async optedOut(kind: NotificationKind, userIds: string[]): Promise<Set<string>> {
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      'SELECT user_id FROM notification_preferences WHERE kind = $1 AND NOT enabled AND user_id = ANY ($2::uuid[])',
      [kind, userIds],
    );
    return new Set(found.map((r) => r.user_id));
  }

  private async muted(userIds: string[], postId: string | null, groupId: string | null): Promise<Set<string>> {
    if (!postId && !groupId) return new Set();
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      `SELECT DISTINCT user_id FROM notification_mutes
        WHERE user_id = ANY ($1::uuid[])
          AND ((subject_type = 'post' AND subject_id = $2::uuid) OR (subject_type = 'group' AND subject_id = $3::uuid))`,
      [userIds, postId, groupId],
    );
    return new Set(found.map((r) => r.user_id));
  }

  /** Names to show: the actor, and for a grouped kind the people already in the recipients' open rows. */
  private async peopleFor(
    draft: NotificationDraft,
    recipients: string[],
    groupKey: string | null,
  ): Promise<Map<string, UserSummary>> {
    const ids = draft.actorId ? [draft.actorId] : [];
    if (groupKey) {
      const open = await rows<NotificationRow>(
        this.db.manager,
        `SELECT ${NOTIFICATION_COLUMNS} FROM notifications
          WHERE recipient_id = ANY ($1::uuid[]) AND group_key = $2 AND read_at IS NULL`,
        [recipients, groupKey],
      );
      ids.push(...peopleShown(open));
    }
    return this.identity.summaries(ids);
  }

  private async insert(
    tx: Tx,
    recipientId: string,
    draft: NotificationDraft,
    groupKey: string | null,
  ): Promise<NotificationRow | null> {
    const [row] = await rows<NotificationRow>(
      tx.manager,
      `INSERT INTO notifications
              (recipient_id, kind, actor_id, actors, actor_count, subject_type, subject_id, group_key, payload, source_event_id, created_at)
       VALUES ($1, $2, $3::uuid, CASE WHEN $3::uuid IS NULL THEN '{}'::uuid[] ELSE ARRAY[$3::uuid] END, 1, $4, $5, $6, $7, $8, $9)
       ON CONFLICT DO NOTHING
       RETURNING ${NOTIFICATION_COLUMNS}`,
      [
        recipientId,
        draft.kind,
        draft.actorId,
        draft.subject.type,
        draft.subject.id,
        groupKey,
        JSON.stringify(draft.context),
        draft.source.eventId,
        draft.source.createdAt,
      ],
    );
    return row ?? null;
  }

  /**
   * Grows the open group row, or starts one. A conflict on insert (another instance started the
   * row a moment ago, or this event was already applied) is retried once as a growth.
   */
  private async grow(tx: Tx, recipientId: string, draft: NotificationDraft, groupKey: string): Promise<NotificationRow | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const [grown] = await rows<NotificationRow>(
        tx.manager,
        `UPDATE notifications
            SET actors = array_prepend($3::uuid, actors), actor_count = actor_count + 1, actor_id = $3::uuid,
                payload = $4, source_event_id = $5, created_at = greatest(created_at, $6),
                subject_type = $7, subject_id = $8
          WHERE recipient_id = $1 AND group_key = $2 AND read_at IS NULL AND NOT ($3::uuid = ANY (actors))
        RETURNING ${NOTIFICATION_COLUMNS}`,
        [
          recipientId,
          groupKey,
          draft.actorId,
          JSON.stringify(draft.context),
          draft.source.eventId,
          draft.source.createdAt,
          draft.subject.type,
          draft.subject.id,
        ],
      );
      if (grown) return grown;
      const [present] = await rows(
        tx.manager,
        'SELECT 1 FROM notifications WHERE recipient_id = $1 AND group_key = $2 AND read_at IS NULL',
        [recipientId, groupKey],
      );
      // The actor is already in the open row: nothing new to tell.
      if (present) return null;
      const inserted = await this.insert(tx, recipientId, draft, groupKey);
      if (inserted) return inserted;
    }
    return null;
  }
}
