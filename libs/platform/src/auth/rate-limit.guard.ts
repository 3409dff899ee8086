import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { RUCHE_CONFIG, type RucheConfig } from '../config/config.js';

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute window per client address and route, for the auth endpoints (brute force,
 * credential stuffing). `RUCHE_RATE_LIMIT=0` turns it off. Counts live in this instance's memory:
 * behind a load balancer each instance allows the limit, which is the documented trade-off.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = Date.now();

  constructor(@Inject(RUCHE_CONFIG) private readonly config: RucheConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const limit = this.config.auth.rateLimitPerMinute;
    if (limit === 0) return true;
    const request = context.switchToHttp().getRequest<{ ip?: string }>();
    const key = `${request.ip ?? 'unknown'} ${context.getClass().name}.${context.getHandler().name}`;
    const now = Date.now();
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count++;
    if (window.count > limit) throw new DomainError(ErrorCode.RateLimited, 'Too many requests, try again in a minute');
    return true;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}
