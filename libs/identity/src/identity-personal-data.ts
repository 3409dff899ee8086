import { Injectable } from '@nestjs/common';
import { FORMER_EMPLOYEE, PersonalDataShare, exportRows, rows, tableOwner, type ErasureSubject, type Tx } from '@ruche/platform';
import { endAllSessions } from './sessions-sql.js';

/**
 * Identity's share of a person's data (#15): the account, sessions, linked sign-in identities and
 * the invitations they sent. Erased last, after every other module has read the old handle: the
 * account row stays (content and the audit log still point at its id) with the name
 * "Former employee", the pseudonym as handle, an address that cannot receive mail, no password, no
 * external id, and the final status `erased` (sign-in, SCIM reactivation and SSO linking all read it
 * and refuse). Every token dies at once: the token version moves and sessions are deleted.
 */
@Injectable()
export class IdentityPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner(
    'identity',
    [
      { table: 'sessions', columns: ['user_id'], section: 'sessions', erase: 'delete' },
      { table: 'refresh_tokens', columns: ['user_id'], erase: 'delete' },
      { table: 'external_identities', columns: ['user_id'], section: 'sign_in_identities', erase: 'delete' },
      { table: 'sso_handoffs', columns: ['user_id'], erase: 'delete' },
      // Two-factor and account links (verification, reset): secrets, never exported; gone on erasure.
      { table: 'totp_credentials', columns: ['user_id'], erase: 'delete' },
      { table: 'totp_recovery_codes', columns: ['user_id'], erase: 'delete' },
      { table: 'login_challenges', columns: ['user_id'], erase: 'delete' },
      { table: 'account_tokens', columns: ['user_id'], erase: 'delete' },
      // Who invited whom is the company's record; the inviter's id now names "Former employee".
      { table: 'invitations', columns: ['invited_by', 'redeemed_by'], section: 'invitations_sent', erase: 'null' },
    ],
    {
      last: true,
      covers: ['users.id'],
      exportMore: async (manager, userId) => ({
        account: await rows(
          manager,
          `SELECT id, email, handle, display_name AS "displayName", roles, status, created_at AS "createdAt" FROM users WHERE id = $1`,
          [userId],
        ),
        invitations_redeemed: await exportRows(manager, 'invitations', ['redeemed_by'], userId),
        two_factor: await rows(
          manager,
          'SELECT created_at AS "createdAt", enabled_at AS "enabledAt" FROM totp_credentials WHERE user_id = $1',
          [userId],
        ),
      }),
      eraseFirst: (tx, subject) => this.anonymiseAccount(tx, subject),
    },
  );

  private async anonymiseAccount(tx: Tx, subject: ErasureSubject): Promise<void> {
    await endAllSessions(tx, subject.userId);
    await tx.manager.query(
      `UPDATE users
          SET display_name = $2, handle = $3, email = $3 || '@erased.invalid', password_hash = NULL,
              external_id = NULL, roles = '{employee}', status = 'erased',
              avatar_file_id = NULL
        WHERE id = $1`,
      [subject.userId, FORMER_EMPLOYEE, subject.pseudonym],
    );
  }
}
