import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from './permissions.js';

/** The authenticated caller, as loaded for each request by the identity module's strategy. */
export interface AuthUser {
  id: string;
  handle: string;
  displayName: string;
  roles: Role[];
  /** The session (refresh-token family) the access token belongs to; absent for internal lookups. */
  sessionId?: string;
}

export const IS_PUBLIC = 'ruche:public';
/** Opts a route out of the global authentication guard (deny by default). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/**
 * An access token's claims once its signature and expiry are checked, its session and account not
 * yet: what a route marked {@link CallerCheckedByStatement} receives (`@TokenCaller()`).
 */
export interface TokenClaims {
  id: string;
  sessionId: string;
  tokenVersion: number;
}

export const CALLER_CHECKED_BY_STATEMENT = 'ruche:caller-checked-by-statement';

/**
 * The route's own statement checks the caller's session and account (identity's `callerSql`), so
 * the request costs one round trip instead of two (the home feed, #12). The guard checks the token
 * alone and the handler gets its claims (`@TokenCaller()`), never an AuthUser: it must answer 401,
 * and use nothing it read, when that statement finds no caller.
 */
export const CallerCheckedByStatement = () => SetMetadata(CALLER_CHECKED_BY_STATEMENT, true);

export const TokenCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): TokenClaims => {
  return ctx.switchToHttp().getRequest<{ claims: TokenClaims }>().claims;
});
