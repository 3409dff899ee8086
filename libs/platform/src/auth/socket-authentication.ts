import { Injectable } from '@nestjs/common';
import type { AuthUser } from './auth-user.js';

/** The caller behind an access token, or null when the token or the account is not good. */
export type TokenCheck = (token: string) => Promise<AuthUser | null>;

/**
 * How a transport without passport (the Socket.IO handshake) authenticates: the identity module
 * registers its check here, so realtime needs no domain module. Nobody registered: nobody gets in.
 */
@Injectable()
export class SocketAuthentication {
  private check: TokenCheck | undefined;

  register(check: TokenCheck): void {
    if (this.check) throw new Error('a token check is already registered');
    this.check = check;
  }

  authenticate(token: string): Promise<AuthUser | null> {
    return this.check ? this.check(token) : Promise.resolve(null);
  }
}
