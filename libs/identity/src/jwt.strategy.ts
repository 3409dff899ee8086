import { createSecretKey, type KeyObject } from 'node:crypto';
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
    // The verified key object, made once: given the secret as a string, jsonwebtoken first tries
    // (and fails) to parse it as a PEM public key, then builds a secret key, on every request
    // (about 15% of the process under a feed load). A secret KeyObject is used as it is.
    const key: KeyObject = createSecretKey(Buffer.from(config.auth.jwtSecret));
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: key as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: { sub?: unknown }): Promise<AuthUser | false> {
    if (typeof payload.sub !== 'string') return false;
    return (await this.identity.authenticate(payload.sub)) ?? false;
  }
}
