import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { Delivered } from '@ruche/contracts';
import { DataSource } from 'typeorm';
import {
  type DomainEventMap,
  type DomainEventType,
  OUTBOX_CHANNEL,
  OutboxRetention,
  pgConnectionOptions,
  type PublishedEvent,
  RUCHE_CONFIG,
  type RucheConfig,
  SocketRooms,
  STAMPED_COLUMNS,
  type StampedRow,
  SubjectVisibility,
  toPublishedEvent,
} from '@ruche/platform';
import type { RealtimeServer, RealtimeSocket } from './socket-types.js';

const BATCH = 500;
const POLL_MS = 1000;
/** Events one replay sends at most: a client further behind is told (`replayTruncated`) and refetches. */
const REPLAY_LIMIT = 5000;

/** Work an event calls for on this instance's sockets once it is sent, finished before any later event is. */
export type AfterSend<T extends DomainEventType = DomainEventType> = (
  event: PublishedEvent<T>,
  server: RealtimeServer,
) => Promise<void>;

/** A socket's rooms once joined, and whether its replay may have missed events (see {@link RealtimeDelivery.join}). */
export interface JoinResult {
  rooms: string[];
  replayTruncated: boolean;
}

/** What a client receives (contracts' `ClientEventMap`): the event's payload plus its `eventId`. */
export function clientPayload<T extends DomainEventType>(event: PublishedEvent<T>): Delivered<DomainEventMap[T]> {
  return { ...event.payload, eventId: event.eventId };
}

/** Where an event can be sent: sockets in rooms, or one socket (its replay). */
type Recipients = ReturnType<RealtimeServer['to']> | RealtimeSocket;

/**
 * Sends a published event under its own name with its client payload. Socket.IO checks `emit` per
 * literal event name; an event read back from the outbox has the union of all names, whose payload
 * TypeScript cannot pair with the name, so the pairing is made here, once, by `clientPayload`.
 */
function send(recipients: Recipients, event: PublishedEvent): void {
  (recipients.emit as (type: string, payload: unknown) => boolean).call(recipients, event.type, clientPayload(event));
}

/**
 * Delivers published events to this instance's sockets, strictly in `eventId` order.
 *
 * Every instance follows the outbox itself (woken by NOTIFY, with a slow poll as a safety net),
 * so ordering holds across instances without relying on a broker. Delivery and replay share one
 * queue: a reconnecting socket gets its missed events and joins its rooms while live delivery
 * waits, so it can neither miss an event in between nor receive one out of order.
 */
@Injectable()
export class RealtimeDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('realtime');
  private server: RealtimeServer | undefined;
  private cursor = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private pumpQueued = false;
  /** Whether the LISTEN connection is up: the pump reads on it, else (lost) on the pool. */
  private listening = false;
  private everListened = false;
  // By event type, each list typed by its key, so registering needs no cast; no prototype (an
  // outbox row's type is any string).
  private readonly afterSends: { [T in DomainEventType]?: AfterSend<T>[] } = Object.create(null);
  /** Counts delivered events that moved sockets between rooms (see {@link joinDecided}). */
  private roomMoves = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: SubjectVisibility,
    private readonly rooms: SocketRooms,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
    private readonly retention: OutboxRetention,
  ) {}

  /** A worker (RUCHE_ROLE=worker) holds no sockets: it follows no outbox and delivers nothing. */
  private get delivering(): boolean {
    return this.config.role !== 'worker';
  }

  attach(server: RealtimeServer): void {
    this.server = server;
  }

  /**
   * Registers work to run on this instance's sockets right after an event of `type` is sent, in
   * the delivery order: e.g. re-checking who may still watch a post that was just hidden. The
   * queue waits for it, so it must bound its own time.
   */
  afterSend<T extends DomainEventType>(type: T, work: AfterSend<T>): void {
    const list: AfterSend<T>[] = (this.afterSends[type] ??= []);
    list.push(work);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.delivering) return;
    const [{ last }] = await this.dataSource.query('SELECT coalesce(max(seq), 0)::bigint AS last FROM outbox');
    this.cursor = Number(last);
    await this.listen();
    this.timer = setInterval(() => this.pump(), POLL_MS);
    this.timer.unref();
  }

  /**
   * Opens the LISTEN session. Lost (a restart, a failover, a terminated backend), the poll keeps
   * delivering (slower) while it is opened again, after 1 s and then up to 30 s between attempts.
   */
  private async listen(retryMs = 1000): Promise<void> {
    if (this.stopped) return;
    const listener = new pg.Client({
      // LISTEN needs a session of its own: not through a transaction-mode pooler.
      connectionString: this.config.databaseDirectUrl ?? this.config.databaseUrl,
      application_name: 'ruche-realtime',
      ...pgConnectionOptions(this.config.database),
    });
    this.listener = listener;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      this.listening = false;
      if (this.stopped) return;
      this.logger.warn({ msg: 'outbox listener lost; polling continues while it reconnects', error: String(error ?? 'ended') });
      setTimeout(() => void this.listen(Math.min(retryMs * 2, 30_000)).catch(() => undefined), retryMs).unref();
    };
    listener.on('notification', () => this.pump());
    listener.on('error', onLost);
    listener.on('end', () => onLost());
    try {
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      // The first connection, at start, must work (as the pool's does); later ones are retried.
      if (!this.everListened) lost = true;
      else onLost(error as Error);
      await listener.end().catch(() => undefined);
      if (!this.everListened) throw error;
      return;
    }
    this.everListened = true;
    this.listening = true;
    // Anything stamped while nobody listened.
    this.pump();
  }

  /** Before the database pool closes (TypeORM closes it in its own shutdown hook). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.queue.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  /** The last event id this instance has delivered (what a fresh client may pass as lastEventId). */
  get lastDeliveredId(): number {
    return this.cursor;
  }

  /** Runs `task` in the delivery queue: after all delivery before it, before any after it. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch((error) => this.logger.error({ msg: 'delivery task failed', error: String(error) }));
    return run;
  }

  pump(): void {
    if (this.stopped || this.pumpQueued || !this.delivering) return;
    this.pumpQueued = true;
    void this.enqueue(async () => {
      this.pumpQueued = false;
      for (;;) {
        // On the LISTEN connection, idle between notifications: live delivery never waits for a
        // pooled connection behind the writes it follows (#12). The pool once that one is lost.
        const text = `SELECT ${STAMPED_COLUMNS} FROM outbox WHERE seq > $1 ORDER BY seq LIMIT $2`;
        const rows: StampedRow[] =
          this.listening && this.listener
            ? (await this.listener.query<StampedRow>(text, [this.cursor, BATCH])).rows
            : await this.dataSource.query(text, [this.cursor, BATCH]);
        for (const row of rows) {
          const event = toPublishedEvent(row);
          this.applyEffects(event);
          if (event.audience.length && this.server) {
            send(this.server.local.to(event.audience), event);
          }
          await this.runAfterSend(event);
          this.cursor = event.eventId;
        }
        if (rows.length < BATCH) return;
      }
    });
  }

  private applyEffects(event: PublishedEvent): void {
    if (!this.server) return;
    // The owning modules' effects (SocketRooms.onEvent), in this order on every instance.
    const effects = this.rooms.effectsOf(event.type);
    if (effects.length || this.afterSends[event.type]?.length) this.roomMoves++;
    for (const effect of effects) {
      const change = effect(event);
      if (!change) continue;
      // Rooms narrow it down (one session's sockets); a session room only ever holds its user's sockets.
      const sockets = this.server.local.in(change.rooms?.length ? change.rooms : `user:${change.userId}`);
      if (change.join?.length) sockets.socketsJoin(change.join);
      if (change.leave?.length) sockets.socketsLeave(change.leave);
      if (change.disconnect) sockets.disconnectSockets(true);
    }
  }

  private async runAfterSend<T extends DomainEventType>(event: PublishedEvent<T>): Promise<void> {
    if (!this.server) return;
    const list: AfterSend<T>[] = this.afterSends[event.type] ?? [];
    for (const work of list) {
      try {
        await work(event, this.server);
      } catch (error) {
        this.logger.error({ msg: 'delivery follow-up failed', eventId: event.eventId, type: event.type, error: String(error) });
      }
    }
  }

  /**
   * Runs `decide` (which rooms a socket may join: a visibility or membership read), then `apply`
   * in the delivery queue, so a change of access cannot fall between the decision and the join.
   * `decide` runs outside the queue, so delivery never waits on it; when an event that moves
   * sockets between rooms was delivered meanwhile, the decision may predate a change the join
   * would otherwise outlive (the change's own re-check ran before the socket was in the room), so
   * `decide` runs again inside the queue, where no later change can overtake it. Any such event
   * delivered before `decide` started was committed before it, so `decide` saw it.
   */
  async joinDecided<T, R>(decide: () => Promise<T>, apply: (decision: T) => Promise<R>): Promise<R> {
    const moves = this.roomMoves;
    const decision = await decide();
    return this.enqueue(async () => apply(this.roomMoves === moves ? decision : await decide()));
  }

  /**
   * Sends `socket` the events after `lastEventId` addressed to the rooms `roomsOf` gives that its
   * user may still see, in order, then joins it to those rooms. Runs in the delivery queue (see
   * class comment and {@link joinDecided}).
   *
   * `replayTruncated` says the replay cannot be trusted to be complete, so the client must refetch
   * instead: events after `lastEventId` were pruned by the outbox retention, or there were more
   * than one replay holds.
   */
  join(
    socket: RealtimeSocket,
    userId: string,
    roomsOf: () => Promise<string[]>,
    lastEventId: number | undefined,
  ): Promise<JoinResult> {
    return this.joinDecided(roomsOf, async (rooms) => {
      let replayTruncated = false;
      if (lastEventId !== undefined && lastEventId < this.cursor) {
        const rows = await this.dataSource.query(
          `SELECT id, seq, type, payload, audience, subject_type, subject_id, actor_id, created_at
             FROM outbox
            WHERE seq > $1 AND seq <= $2 AND audience && $3::text[]
            ORDER BY seq LIMIT $4`,
          [lastEventId, this.cursor, rooms, REPLAY_LIMIT + 1],
        );
        // Read after the replay: pruning deletes and records how far in one transaction, so a prune
        // that took events from under the replay is seen here.
        replayTruncated = rows.length > REPLAY_LIMIT || lastEventId < (await this.retention.prunedThrough());
        const events = rows.slice(0, REPLAY_LIMIT).map(toPublishedEvent);
        for (const event of await this.stillVisible(userId, events)) {
          send(socket, event);
        }
      }
      await socket.join(rooms);
      return { rooms, replayTruncated };
    });
  }

  /**
   * Visibility is re-checked per subject at replay time: content hidden, deleted or moved out of
   * reach since it was published is not replayed. Deletion notices carry only an id and were
   * addressed to rooms the socket still belongs to, so they pass.
   */
  private async stillVisible(userId: string, events: PublishedEvent[]): Promise<PublishedEvent[]> {
    const checked = (event: PublishedEvent) => (event.type.endsWith('.deleted') ? null : event.subject);
    const visible = await this.visibility.visibleSubjects(
      userId,
      events.flatMap((event) => checked(event) ?? []),
    );
    return events.filter((event) => {
      const subject = checked(event);
      return !subject || visible.has(`${subject.type}:${subject.id}`);
    });
  }
}
