import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { type AuthUser, RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { IdentityService } from './identity.service.js';

/**
 * Checks the access token, then loads the account: role changes apply at once, and a suspended
 * or deleted account's tokens stop working before they expire.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(RUCHE_CONFIG) config: RucheConfig,
    private readonly identity: IdentityService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: { sub?: unknown }): Promise<AuthUser | false> {
    if (typeof payload.sub !== 'string') return false;
    return (await this.identity.authenticate(payload.sub)) ?? false;
  }
}
