// PostgreSQL errors that say "not now" rather than "never": a bounded wait ran out (statement,
// lock, idle transaction), the server is going away or full, or a connection broke.
const TRANSIENT_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
  '57P01', // admin_shutdown (also pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);
// node-postgres and pg-pool errors carry no SQLSTATE: a pool with no free connection within the
// acquire timeout, a connection that could not open or broke under a query (`Connection
// terminated ...`), a pool already closed by a shutdown in progress.
const TRANSIENT_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Cannot use a pool after calling end on the pool',
];
const TRANSIENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether the database could not serve the request in time. TypeORM hands pool errors through as
 * they are and wraps query errors (`driverError`), other layers may wrap with `cause`: the chain is
 * walked, a few links deep.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || TRANSIENT_NETWORK_CODES.has(code))) {
      return true;
    }
    if (typeof message === 'string' && TRANSIENT_MESSAGES.some((m) => message.startsWith(m))) return true;
    current = (current as { driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
