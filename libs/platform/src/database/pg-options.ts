import type { RucheConfig } from '../config/config.js';
import { pgTypes } from './timestamps.js';

/**
 * The bounds every PostgreSQL connection of Ruche opens with (the pool's and any dedicated client's),
 * as node-postgres client options: the session settings travel in the startup packet, so they hold
 * from the first statement and no `SET` round trip can be forgotten. pg-pool applies
 * `connectionTimeoutMillis` both to opening a connection and to waiting for a free one, which is
 * what turns an exhausted pool into an error instead of a request that waits forever.
 */
export function pgConnectionOptions(database: RucheConfig['database']) {
  return {
    connectionTimeoutMillis: database.acquireTimeoutMs,
    statement_timeout: database.statementTimeoutMs,
    idle_in_transaction_session_timeout: database.idleInTransactionTimeoutMs,
    lock_timeout: database.lockTimeoutMs,
    // A dead peer (a failed-over primary, a dropped NAT entry) is noticed instead of waited on.
    keepAlive: true,
    // JIT pays off for long analytical scans, not for Ruche's statements of milliseconds: a search
    // whose whole-table plan crossed the JIT cost threshold spent 50-75 ms of its 112 ms compiling
    // (bench/README.md, "Searching"). Off for Ruche's sessions only, not the server's default.
    options: '-c jit=off',
    types: pgTypes,
  };
}
