import { Injectable } from '@nestjs/common';
import { AccountStatesService, type ProvisionedAccount, ProvisioningService } from '@ruche/identity';
import { type OrgFields, OrgFieldsService } from '@ruche/people';
import { Transactions, type Tx } from '@ruche/platform';
import { ScimError } from './scim-errors.js';
import {
  applyPatch,
  assertIfMatch,
  readFilter,
  readPaging,
  readPatch,
  readUser,
  SCHEMA,
  type UserFields,
  versionOf,
} from './scim-schema.js';

type Json = Record<string, unknown>;

/** What `active: false` and DELETE record as the reason, in the audit log. */
const DEACTIVATED_BY_PROVIDER = 'Deactivated by the identity provider (SCIM)';
const REACTIVATED_BY_PROVIDER = 'Reactivated by the identity provider (SCIM)';

/** The filterable attributes of a User and what each matches in Ruche. */
const USER_FILTERS = { userName: 'email', externalId: 'externalId', id: 'id', 'emails.value': 'email' } as const;

/**
 * SCIM Users (RFC 7643 §4.1, 7644 §3) over Ruche's accounts (identity) and profiles (people).
 * Every write locks the account row first, so concurrent PATCHes of one person take turns: each
 * applies its operations to what the one before it left, and none is lost. `active: false` and
 * DELETE deactivate (reversible; an admin's suspension is separate and stays).
 */
@Injectable()
export class ScimUsersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: ProvisioningService,
    private readonly states: AccountStatesService,
    private readonly org: OrgFieldsService,
  ) {}

  render(account: ProvisionedAccount, org: OrgFields, base: string): Json {
    const location = `${base}/Users/${account.id}`;
    const enterprise: Json = {};
    if (org.department) enterprise.department = org.department;
    if (org.managerId) enterprise.manager = { value: org.managerId, $ref: `${base}/Users/${org.managerId}` };
    const resource: Json = {
      schemas: [SCHEMA.user, SCHEMA.enterprise],
      id: account.id,
      ...(account.externalId ? { externalId: account.externalId } : {}),
      userName: account.email,
      name: { formatted: account.displayName },
      displayName: account.displayName,
      emails: [{ value: account.email, type: 'work', primary: true }],
      ...(org.title ? { title: org.title } : {}),
      active: !account.deactivated,
      [SCHEMA.enterprise]: enterprise,
    };
    return {
      ...resource,
      meta: { resourceType: 'User', created: account.createdAt.toISOString(), location, version: versionOf(resource) },
    };
  }

  async list(query: { filter?: string; startIndex?: string; count?: string }, base: string): Promise<Json> {
    const match = readFilter(query.filter, USER_FILTERS);
    const { offset, limit, startIndex } = readPaging(query.startIndex, query.count);
    const { total, items } = await this.accounts.find(match, offset, limit);
    const org = await this.org.of(items.map((a) => a.id));
    return {
      schemas: [SCHEMA.list],
      totalResults: total,
      startIndex,
      itemsPerPage: items.length,
      Resources: items.map((a) => this.render(a, org.get(a.id)!, base)),
    };
  }

  async get(id: string, base: string): Promise<Json> {
    const account = await this.accounts.get(id);
    if (!account) throw new ScimError(404, `User ${id} not found`);
    return this.render(account, (await this.org.of([account.id])).get(account.id)!, base);
  }

  async create(body: unknown, base: string): Promise<Json> {
    const fields = readUser(body);
    return this.transactions.run(async (tx) => {
      const created = await this.accounts.create(tx, {
        email: fields.email,
        displayName: fields.displayName,
        externalId: fields.externalId,
        profile: { title: fields.title, department: fields.department },
      });
      return this.write(tx, created, fields, base);
    });
  }

  /** PUT: the body replaces the resource (what it leaves out is cleared). */
  replace(id: string, body: unknown, ifMatch: string | undefined, base: string): Promise<Json> {
    const fields = readUser(body);
    return this.rewrite(id, ifMatch, base, () => fields);
  }

  /** PATCH: the operations apply to the current resource, read under the row lock; the result is written like a PUT. */
  patch(id: string, body: unknown, ifMatch: string | undefined, base: string): Promise<Json> {
    const operations = readPatch(body);
    return this.rewrite(id, ifMatch, base, (current) => readUser(applyPatch(current, operations)));
  }

  /** Locks the account, checks If-Match, and writes what `next` makes of the current resource. */
  private rewrite(id: string, ifMatch: string | undefined, base: string, next: (current: Json) => UserFields): Promise<Json> {
    return this.transactions.run(async (tx) => {
      const { account, resource } = await this.lockCurrent(tx, id, ifMatch, base);
      return this.write(tx, account, next(resource), base);
    });
  }

  /** DELETE deactivates: the person's content stays, attributed to a deactivated account; `active: true` brings them back. */
  async remove(id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const account = await this.lockOrNotFound(tx, id);
      await this.states.setDeactivated(tx, null, account.id, true, DEACTIVATED_BY_PROVIDER, 'scim');
    });
  }

  private async lockOrNotFound(tx: Tx, id: string): Promise<ProvisionedAccount> {
    try {
      return await this.accounts.lock(tx, id);
    } catch {
      throw new ScimError(404, `User ${id} not found`);
    }
  }

  private async lockCurrent(
    tx: Tx,
    id: string,
    ifMatch: string | undefined,
    base: string,
  ): Promise<{ account: ProvisionedAccount; resource: Json }> {
    const account = await this.lockOrNotFound(tx, id);
    const resource = this.render(account, (await this.org.of([account.id])).get(account.id)!, base);
    assertIfMatch(ifMatch, resource);
    return { account, resource };
  }

  private async write(tx: Tx, account: ProvisionedAccount, fields: UserFields, base: string): Promise<Json> {
    let next = await this.accounts.update(tx, account.id, {
      email: fields.email,
      displayName: fields.displayName,
      externalId: fields.externalId,
    });
    await this.org.set(tx, account.id, { title: fields.title, department: fields.department, managerId: fields.managerId });
    if (fields.active === next.deactivated) {
      await this.states.setDeactivated(
        tx,
        null,
        account.id,
        !fields.active,
        fields.active ? REACTIVATED_BY_PROVIDER : DEACTIVATED_BY_PROVIDER,
        'scim',
      );
      next = await this.accounts.lock(tx, account.id);
    }
    return this.render(next, (await this.org.of([account.id])).get(account.id)!, base);
  }
}
