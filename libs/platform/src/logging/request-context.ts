import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

interface RequestContext {
  requestId: string;
}

const context = new AsyncLocalStorage<RequestContext>();

/** The id of the HTTP request this call chain serves, if any (log lines carry it). */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
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
    hook: (request: { id: string }, reply: { header(name: string, value: string): unknown }, done: () => void) => void,
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
    context.run({ requestId: request.id }, done);
  });
}
