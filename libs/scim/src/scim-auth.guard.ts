import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { ScimError } from './scim-errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The identity provider's bearer token (`SCIM_TOKEN`), compared in constant time (over SHA-256
 * digests, so not even the length leaks). Unset: SCIM is off and its routes answer 404.
 */
@Injectable()
export class ScimAuthGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(RUCHE_CONFIG) config: RucheConfig) {
    this.expected = config.scimToken ? digest(config.scimToken) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) throw new ScimError(404, 'SCIM provisioning is not enabled (SCIM_TOKEN is unset)');
    const header =
      context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match || !timingSafeEqual(digest(match[1].trim()), this.expected))
      throw new ScimError(401, 'A valid SCIM bearer token is required');
    return true;
  }
}
