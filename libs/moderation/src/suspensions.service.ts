import { Injectable } from '@nestjs/common';
import { AccountStatesService, type UserView } from '@ruche/identity';
import { Transactions } from '@ruche/platform';

/**
 * Company-wide suspension (admins). The account's status belongs to identity, which signs the
 * person out everywhere and emits `user.suspended` / `user.reinstated`; the reason travels with the
 * event into the audit log.
 */
@Injectable()
export class SuspensionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly states: AccountStatesService,
  ) {}

  set(actorId: string, userId: string, input: { suspended: boolean; reason: string }): Promise<UserView> {
    return this.transactions.run((tx) =>
      this.states.setSuspended(tx, actorId, userId, input.suspended, input.reason),
    );
  }
}
