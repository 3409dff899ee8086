import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

interface RequestContext {
  requestId: string;
  /** GET and HEAD only read; anything else is treated as a write from its first statement. */
  readOnly: boolean;
  /** The signed-in caller, once the auth guard has accepted the token. */
  userId?: string;
  /** When a transaction of this request last committed (ms since epoch). */
  wroteAt?: number;
  /** Who is calling, as the request says: what a sign-in records on its session. */
  client?: ClientInfo;
}

/** The device and address of the HTTP request (a session shows them: "Firefox on Linux, 10.0.0.7"). */
export interface ClientInfo {
  userAgent: string | null;
  address: string | null;
}

const context = new AsyncLocalStorage<RequestContext>();

/** The id of the HTTP request this call chain serves, if any (log lines carry it). */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}

/** The device and address of the HTTP request this call chain serves, if any. */
export function currentClient(): ClientInfo | undefined {
  return context.getStore()?.client;
}

/** Called by the auth guard: whose request this is (read-your-writes follows the person). */
export function noteRequestUser(userId: string): void {
  const store = context.getStore();
  if (store) store.userId = userId;
}

/**
 * Each person's last committed write on this instance, kept as long as a replica may still be
 * catching up on it ({@link forgetWritesBefore} prunes): their next requests read on the primary
 * until a replica is known to hold it.
 */
const lastWriteByUser = new Map<string, number>();

/** Called after a transaction commits: this request, and its caller for a while, now read their own writes. */
export function noteCommittedWrite(at = Date.now()): void {
  const store = context.getStore();
  if (!store) return;
  store.wroteAt = at;
  if (store.userId) lastWriteByUser.set(store.userId, at);
}

/**
 * What a read in this call chain must see: `'primary'` (a write request: whatever it reads may
 * follow its own write), the time of the latest write by this request or its caller (a replica
 * must have replayed past it), or undefined (no write to follow: any replica within its lag bound).
 */
export function readAfterWrite(): 'primary' | number | undefined {
  const store = context.getStore();
  if (!store) return undefined;
  if (!store.readOnly) return 'primary';
  const byUser = store.userId ? lastWriteByUser.get(store.userId) : undefined;
  if (store.wroteAt === undefined) return byUser;
  return byUser === undefined ? store.wroteAt : Math.max(byUser, store.wroteAt);
}

/** Drops write marks older than `at` (every replica has replayed past them, or is skipped anyway). */
export function forgetWritesBefore(at: number): void {
  for (const [userId, wroteAt] of lastWriteByUser) if (wroteAt < at) lastWriteByUser.delete(userId);
}

export const REQUEST_ID_HEADER = 'x-request-id';

// Ids a load balancer or tracing proxy sets (UUIDs, hex trace ids, nginx's $request_id): short,
// and nothing that could forge a log field or a header.
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Fastify's `genReqId`: the caller's `X-Request-Id` when it is sane, so one id follows a request
 * through the proxy, the api and the logs; otherwise a fresh one.
 */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
}

interface HookHost {
  addHook(
    name: 'onRequest',
    hook: (
      request: { id: string; method: string; ip?: string; headers: Record<string, string | string[] | undefined> },
      reply: { header(name: string, value: string): unknown }, done: () => void) => void,
  ): unknown;
}

/**
 * Echoes the request id to the client and runs the rest of the request inside its context, so
 * every log line written while serving it (by Ruche or by Nest) names it. `run(..., done)` rather
 * than `enterWith`: the whole remaining hook chain and the handler continue from `done`.
 */
export function useRequestContext(fastify: HookHost): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    const agent = request.headers['user-agent'];
    // Bounded here, so a session row never holds an unbounded header.
    const client = { userAgent: typeof agent === 'string' ? agent.slice(0, 512) : null, address: request.ip?.slice(0, 64) ?? null };
    context.run({ requestId: request.id, readOnly: request.method === 'GET' || request.method === 'HEAD', client }, done);
  });
}
