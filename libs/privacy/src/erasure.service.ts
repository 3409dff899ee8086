import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AccountStatesService } from '@ruche/identity';
import {
  aboutAccount,
  DomainError,
  ErrorCode,
  PersonalDataRegistry,
  RUCHE_CONFIG,
  type RucheConfig,
  Transactions,
} from '@ruche/platform';

export interface ErasureOutcome {
  userId: string;
  /** All that is kept of the person: the erased account's handle, in the audit log. */
  pseudonym: string;
  mode: 'anonymise' | 'delete';
}

/**
 * Erasure (#15), by the person or an admin: in one transaction, every module holding personal data
 * erases its share through its registration (platform's PersonalDataRegistry), identity last (it
 * anonymises the account, ends every session and sets the final status `erased`), and the
 * `user.erased` event closes the person's sockets and gives the audit log its row with the
 * pseudonym only. `RUCHE_ERASURE` decides whether their content stays under "Former employee" or
 * is deleted. If any part fails, nothing is erased.
 *
 * Concurrent erasures of one account: identity locks the account row first, so the second waits,
 * then finds it erased and answers 404: one erasure, one audit row.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountStatesService,
    private readonly registry: PersonalDataRegistry,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  /** The person erases their own account (their password first when they have one). */
  async eraseSelf(userId: string, password: string | undefined): Promise<ErasureOutcome> {
    await this.accounts.confirmPassword(userId, password);
    return this.erase(userId, null);
  }

  /** An admin erases someone else's account (their own goes through {@link eraseSelf}). */
  async eraseByAdmin(actorId: string, userId: string, confirm: (handle: string) => void): Promise<ErasureOutcome> {
    if (actorId === userId) throw new DomainError(ErrorCode.Invalid, 'Erase your own account from your settings');
    return this.erase(userId, actorId, confirm);
  }

  /** `confirm` checks the typed confirmation against the locked account's handle (throws to refuse). */
  private erase(userId: string, adminId: string | null, confirm?: (handle: string) => void): Promise<ErasureOutcome> {
    const mode = this.config.erasure;
    return this.transactions.run(async (tx) => {
      const { handle } = await this.accounts.lockForErasure(tx, userId);
      confirm?.(handle);
      const pseudonym = `former_${randomBytes(10).toString('hex')}`;
      const subject = { userId, handle, pseudonym, mode };
      for (const owner of this.registry.all()) await owner.erase(tx, subject);
      await tx.emit({
        type: 'user.erased',
        payload: { userId, pseudonym, mode, by: adminId ? 'admin' : 'self' },
        ...aboutAccount(userId),
        actorId: adminId,
      });
      return { userId, pseudonym, mode };
    });
  }
}
