import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import {
  Database,
  decodeTaggedCursor,
  type DomainEventMap,
  type DomainEventType,
  encodeTaggedCursor,
  EventBus,
  type Page,
  type PublishedEvent,
  rows,
  SqlParams,
} from '@ruche/platform';
import type { AuditAction } from '@ruche/contracts';
import type { AuditEntryView, AuditQuery } from './dto.js';

/** One audit row, as a listener derives it from an event. */
interface AuditEntry {
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  groupId?: string | null;
  note?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to the event's actor; null for automatic actions. */
  actorId?: string | null;
}

interface AuditRow {
  id: string;
  /** bigint, as a string. */
  source_event_id: string;
  actor_id: string | null;
  action: AuditAction;
  target_type: string;
  target_id: string | null;
  group_id: string | null;
  note: string | null;
  details: Record<string, unknown>;
  created_at: Date;
  /** Who the row is about: the account acted on, or the moderated content's author. */
  person_id: string | null;
}

/**
 * The log is ordered by the event that caused each row (several rows can share a timestamp: one
 * transaction, one `now()`), so its cursor is that event id, opaque like every cursor.
 */
export function encodeAuditCursor(eventId: string): string {
  return encodeTaggedCursor('audit', [eventId]);
}

export function decodeAuditCursor(cursor: string): string {
  const [eventId] = decodeTaggedCursor(
    cursor,
    'audit',
    ([id, ...rest]) => rest.length === 0 && typeof id === 'string' && /^[1-9][0-9]{0,17}$/.test(id),
  );
  return eventId as string;
}

/** Events named as their audit action whose payload names the account acted on. */
type AccountEventType = {
  [T in DomainEventType & AuditAction]: DomainEventMap[T] extends { userId: string } ? T : never;
}[DomainEventType & AuditAction];

type Describe<T extends DomainEventType> = (event: PublishedEvent<T>) => AuditEntry | null;

/**
 * The append-only audit log. Rows come only from domain events (roles, suspensions, group bans and
 * roles, removals, moderation decisions and automatic actions, settings, guidelines), one per
 * event: `source_event_id` is unique, so a redelivered event never doubles a row. Nothing updates
 * or deletes a row (no such code path, and a database trigger refuses it). Listing is for
 * Permission.ReadAudit.
 */
@Injectable()
export class AuditLogService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.onAccount('user.roles_changed', (e) => ({ details: { roles: e.payload.roles, previous: e.payload.previous } }));
    this.onAccount('user.suspended', (e) => ({ note: e.payload.reason }));
    this.onAccount('user.reinstated', (e) => ({ note: e.payload.reason }));
    // Deactivation by an admin or by the identity provider (SCIM: no actor; the source says so).
    this.onAccount('user.deactivated', (e) => ({ note: e.payload.reason, details: { source: e.payload.source } }));
    // Erasure (#15): the row keeps the pseudonym, how and by whom; never the erased name or email.
    this.onAccount('user.erased', (e) => ({
      details: { pseudonym: e.payload.pseudonym, mode: e.payload.mode, by: e.payload.by },
    }));
    this.onAccount('user.reactivated', (e) => ({ note: e.payload.reason, details: { source: e.payload.source } }));
    // Account security by an admin (#15): what was done, never the password or the link.
    this.onAccount('user.two_factor_reset', () => ({}));
    this.onAccount('user.password_reset', (e) => ({ details: { method: e.payload.method } }));
    this.onAccount('group.banned', (e) => ({
      groupId: e.payload.groupId,
      note: e.payload.reason,
      details: { banId: e.payload.banId, until: e.payload.until },
    }));
    this.onAccount('group.unbanned', (e) => ({ groupId: e.payload.groupId, details: { banId: e.payload.banId } }));
    this.onAccount('group.role_changed', (e) => ({
      groupId: e.payload.groupId,
      details: { role: e.payload.role, previous: e.payload.previous },
    }));
    // Leaving is not a moderation action; removal and banning are.
    this.on('group.member_removed', (e) =>
      e.payload.reason === 'left'
        ? null
        : {
            action: 'group.member_removed',
            targetType: 'user',
            targetId: e.payload.userId,
            groupId: e.payload.groupId,
            details: { reason: e.payload.reason },
          },
    );
    this.on('moderation.case_resolved', (e) => ({
      action: `moderation.${e.payload.action}`,
      targetType: e.payload.targetType,
      targetId: e.payload.targetId,
      groupId: e.payload.groupId,
      note: e.payload.note,
      details: {
        caseId: e.payload.caseId,
        reportId: e.payload.reportId,
        authorId: e.payload.authorId,
        previousState: e.payload.previousState,
        state: e.payload.state,
        reportCount: e.payload.reportCount,
      },
    }));
    // Decisions by reviewers are recorded above; here only what happened on its own.
    this.on('content.moderated', (e) =>
      e.payload.action === 'auto_hide'
        ? {
            action: 'moderation.auto_hide',
            targetType: e.payload.targetType,
            targetId: e.payload.targetId,
            note: e.payload.note,
            actorId: null,
            details: { caseId: e.payload.caseId, reportId: e.payload.reportId, state: e.payload.state },
          }
        : null,
    );
    this.on('content.held', (e) => ({
      action: 'moderation.hold',
      targetType: e.payload.targetType,
      targetId: e.payload.targetId,
      groupId: e.payload.groupId,
      actorId: null,
      details: { authorId: e.payload.authorId, terms: e.payload.terms },
    }));
    this.on('moderation.settings_changed', (e) => ({
      action: 'moderation.settings_changed',
      targetType: 'moderation_settings',
      targetId: null,
      details: { ...e.payload },
    }));
    this.on('guidelines.published', (e) => ({
      action: 'guidelines.published',
      targetType: 'guidelines',
      targetId: null,
      details: { version: e.payload.version },
    }));
  }

  /** An action on one account: the row's action is the event's name and its target the account. */
  private onAccount<T extends AccountEventType>(
    type: T,
    describe: (event: PublishedEvent<T>) => Omit<AuditEntry, 'action' | 'targetType' | 'targetId'>,
  ): void {
    this.on(type, (e) => ({ action: type, targetType: 'user', targetId: e.payload.userId, ...describe(e) }));
  }

  private on<T extends DomainEventType>(type: T, describe: Describe<T>): void {
    this.bus.subscribe(type, async (event) => {
      const entry = describe(event);
      if (entry) await this.append(event, entry);
    });
  }

  private async append(event: PublishedEvent, entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (source_event_id, actor_id, action, target_type, target_id, group_id, note, details, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT audit_log_one_per_event DO NOTHING`,
      [
        event.eventId,
        entry.actorId === undefined ? event.actorId : entry.actorId,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.groupId ?? null,
        entry.note ?? null,
        JSON.stringify(entry.details ?? {}),
        event.createdAt,
      ],
    );
  }

  /** Newest first (in event order), optionally narrowed to an action, an actor or a target. */
  async list(query: AuditQuery): Promise<Page<AuditEntryView>> {
    const after = query.cursor ? decodeAuditCursor(query.cursor) : null;
    const params = new SqlParams();
    const take = params.add(query.limit + 1);
    const where: string[] = [];
    if (query.action) where.push(`a.action = ${params.add(query.action)}`);
    if (query.actorId) where.push(`a.actor_id = ${params.add(query.actorId)}::uuid`);
    if (query.targetId) where.push(`a.target_id = ${params.add(query.targetId)}::uuid`);
    if (after !== null) where.push(`a.source_event_id < ${params.add(after)}::bigint`);
    const found = await rows<AuditRow>(
      this.db.manager,
      // Automatic rows (auto-hide) do not carry the author: their case does.
      `SELECT a.id, a.source_event_id, a.actor_id, a.action, a.target_type, a.target_id, a.group_id, a.note, a.details, a.created_at,
              CASE WHEN a.target_type = 'user' THEN a.target_id ELSE COALESCE((a.details->>'authorId')::uuid, c.author_id) END AS person_id
         FROM audit_log a
         LEFT JOIN moderation_cases c ON a.target_type <> 'user' AND c.id = (a.details->>'caseId')::uuid
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.source_event_id DESC
        LIMIT ${take}`,
      params.values,
    );
    const page = found.slice(0, query.limit);
    // Names, not ids: the actor, and the person each row is about (one lookup for the page).
    const people = await this.identity.summaries(
      page.flatMap((r) => [r.actor_id, r.person_id]).filter((id): id is string => id !== null),
    );
    const summary = (id: string | null) =>
      id ? (people.get(id) ?? { id, handle: 'unknown', displayName: 'Unknown user' }) : null;
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        action: r.action,
        actor: summary(r.actor_id),
        targetType: r.target_type,
        targetId: r.target_id,
        targetPerson: summary(r.person_id),
        groupId: r.group_id,
        note: r.note,
        details: r.details,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor: found.length > query.limit && last ? encodeAuditCursor(last.source_event_id) : null,
    };
  }
}
