import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { RUCHE_CONFIG, type RucheConfig } from '../config/config.js';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import type { AuthUser } from './auth-user.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// One statement, one round trip, atomic under any concurrency: the row lock of the upsert
// serialises one person's parallel writes, on every instance, and the window is the database's
// clock so instances with skewed clocks still share one minute.
const COUNT_WRITE = `
  INSERT INTO rate_limit_windows AS w (key, window_start, hits)
  VALUES ($1, date_trunc('minute', clock_timestamp()), 1)
  ON CONFLICT (key) DO UPDATE
    SET hits = CASE WHEN w.window_start = EXCLUDED.window_start THEN w.hits + 1 ELSE 1 END,
        window_start = EXCLUDED.window_start
  RETURNING w.hits,
            greatest(1, ceil(extract(epoch FROM w.window_start + interval '1 minute' - clock_timestamp())))::int AS retry_after`;

/**
 * Per-person budget of REST writes (POST, PUT, PATCH, DELETE by a signed-in person) per minute,
 * shared by every instance through PostgreSQL: a runaway script or a stuck retry loop cannot
 * flood the database from behind a load balancer. A fixed one-minute window (a burst of up to
 * twice the limit can straddle a window's edge: the price of one row and one statement).
 * Anonymous endpoints (login, register) have their own per-address limit, {@link RateLimitGuard}.
 *
 * Runs after authentication and before the unit of work opens, so its one pooled statement never
 * nests in a transaction; an exhausted pool fails it within the acquire timeout (503).
 */
@Injectable()
export class WriteRateLimitGuard implements CanActivate {
  constructor(
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.config.http.writeRateLimitPerMinute;
    if (limit === 0 || context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<{ method: string; user?: AuthUser }>();
    if (!request.user || !WRITE_METHODS.has(request.method)) return true;
    const [{ hits, retry_after }] = (await this.dataSource.query(COUNT_WRITE, [`write:${request.user.id}`])) as {
      hits: number;
      retry_after: number;
    }[];
    if (hits <= limit) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(retry_after));
    throw new DomainError(ErrorCode.RateLimited, `Too many changes in a minute, try again in ${retry_after} s`);
  }
}
