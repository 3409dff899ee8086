import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { isDatabaseUnavailable } from '../errors/database-unavailable.js';
import { forbidden, unauthenticated } from '../errors/domain-error.js';
import { noteRequestUser } from '../logging/request-context.js';
import { AuthUser, CALLER_CHECKED_BY_STATEMENT, IS_PUBLIC } from './auth-user.js';
import { hasPermission, Permission } from './permissions.js';

/** Set on a request whose route checks its caller in its own statement: the strategy checks the token only. */
export const TOKEN_ONLY = Symbol('ruche.tokenOnly');
export interface TokenRequest {
  [TOKEN_ONLY]?: boolean;
}

/**
 * Global: every route needs a valid access token unless marked @Public(). The `jwt` passport
 * strategy itself is registered by the identity module.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    // Sockets authenticate once, in the Socket.IO handshake middleware.
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    // The strategy reads this flag: the token alone is checked, the route's statement checks the rest.
    if (this.checkedByStatement(context)) context.switchToHttp().getRequest<TokenRequest>()[TOKEN_ONLY] = true;
    return super.canActivate(context);
  }

  /** Where passport puts what the strategy answered: the claims for a route that checks its caller itself. */
  override getAuthenticateOptions(context: ExecutionContext) {
    return this.checkedByStatement(context) ? { property: 'claims' } : undefined;
  }

  override handleRequest<TUser = AuthUser>(err: unknown, user: TUser | false, _info: unknown, context: ExecutionContext): TUser {
    // A database that cannot load the account in time says nothing about the token: a 503 makes
    // clients retry, where a 401 would sign everyone out during a busy minute.
    if (err && isDatabaseUnavailable(err)) throw err;
    if (err || !user) throw unauthenticated();
    // Read-your-writes follows the person: a write now sends their next reads to the primary. (Claims
    // not yet checked are noted by the route once its statement has found the caller.)
    if (!this.checkedByStatement(context)) noteRequestUser((user as unknown as AuthUser).id);
    return user;
  }

  private checkedByStatement(context: ExecutionContext): boolean {
    return !!this.reflector.getAllAndOverride<boolean>(CALLER_CHECKED_BY_STATEMENT, [context.getHandler(), context.getClass()]);
  }
}

export const REQUIRED_PERMISSION = 'ruche:permission';
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** Global: enforces @RequirePermission after authentication. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user || !hasPermission(user.roles, permission)) throw forbidden();
    return true;
  }
}
