import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { type AuthUser, RUCHE_CONFIG, type RucheConfig, type TokenClaims, TOKEN_ONLY, type TokenRequest } from '@ruche/platform';
import { SessionsService, tokenClaims } from './sessions.service.js';

/**
 * Checks the access token, then loads the account and its session in one statement (or, for a
 * route marked CallerCheckedByStatement, answers the token's claims and leaves that check to the
 * route's own statement): role changes
 * apply at once, and the tokens of a revoked session, a signed-out one, or a suspended,
 * deactivated or deleted account stop working on their next request, before they expire.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(RUCHE_CONFIG) config: RucheConfig,
    private readonly sessions: SessionsService,
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
      passReqToCallback: true,
    });
  }

  async validate(request: TokenRequest, payload: { sub?: unknown; sid?: unknown; ver?: unknown }): Promise<AuthUser | TokenClaims | false> {
    // A route that checks its caller in its own statement gets the token's claims (see JwtAuthGuard).
    if (request[TOKEN_ONLY]) return tokenClaims(payload) ?? false;
    return (await this.sessions.authenticate(payload)) ?? false;
  }
}
