import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError, ErrorCode, forbidden, type Role, rows, RUCHE_CONFIG, type RucheConfig, type Tx } from '@ruche/platform';

/** SHA-256 of an invitation token (what the table keeps). */
export const invitationTokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

export const emailDomain = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * Who may create an account with a password (#15): `RUCHE_SIGNUP=open` anyone, `domains` an
 * address in `RUCHE_SIGNUP_DOMAINS`, `invite` only with an invitation for that address. An
 * invitation also works in the other modes (it brings its roles). The very first account is always
 * admitted (someone must become the admin). `AUTH_PASSWORD=off` refuses every password sign-up.
 */
@Injectable()
export class SignupPolicy {
  constructor(@Inject(RUCHE_CONFIG) private readonly config: RucheConfig) {}

  assertPasswordsOn(): void {
    if (!this.config.signIn.passwordLogin)
      throw forbidden('Passwords are turned off: sign in with single sign-on', 'password_login_disabled');
  }

  /**
   * Inside the registering transaction (after the sign-up lock): admits `email` or throws. With an
   * invitation token, the invitation row is locked and must be pending, unexpired and for this
   * address; it is marked redeemed once the account exists, so two concurrent sign-ups with one
   * invitation make one account.
   */
  async admit(
    tx: Tx,
    email: string,
    first: boolean,
    invitationToken: string | undefined,
  ): Promise<{ roles: Role[]; created?: (userId: string) => Promise<void> }> {
    if (invitationToken !== undefined) {
      const [invitation] = await rows<{ id: string; roles: Role[] }>(
        tx.manager,
        `SELECT id, roles FROM invitations
          WHERE token_hash = $1 AND email = $2 AND revoked_at IS NULL AND redeemed_at IS NULL AND expires_at > now()
          FOR UPDATE`,
        [invitationTokenHash(invitationToken), email],
      );
      if (!invitation)
        throw new DomainError(
          ErrorCode.Forbidden,
          'This invitation is not valid: it expired, was revoked, was already used, or is for another address',
          'invitation_invalid',
        );
      return {
        roles: invitation.roles,
        created: async (userId) => {
          await tx.manager.query('UPDATE invitations SET redeemed_at = now(), redeemed_by = $2 WHERE id = $1', [
            invitation.id,
            userId,
          ]);
        },
      };
    }
    if (first) return { roles: [] };
    const { signup, signupDomains } = this.config.signIn;
    if (signup === 'invite') throw forbidden('Sign-up is by invitation only', 'signup_closed');
    if (signup === 'domains' && !signupDomains.includes(emailDomain(email)))
      throw forbidden(`Sign-up is open to addresses at ${signupDomains.join(', ')} only`, 'signup_domain_not_allowed');
    return { roles: [] };
  }
}
