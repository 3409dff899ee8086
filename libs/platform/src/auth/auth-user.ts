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
