import { Injectable } from '@nestjs/common';
import { DirectoryGroups } from '@ruche/groups';
import { IdentityService, ProvisioningService } from '@ruche/identity';
import { conflict, Database, isId, rows, SqlParams, Transactions, type Tx } from '@ruche/platform';
import { ScimError, invalidValue } from './scim-errors.js';
import {
  applyPatch,
  assertIfMatch,
  type GroupFields,
  readFilter,
  readGroup,
  readPaging,
  readPatch,
  SCHEMA,
  versionOf,
} from './scim-schema.js';

type Json = Record<string, unknown>;

/** Ruche's extension of a SCIM Group: who owns the group in Ruche (default: the first admin). */
export const RUCHE_GROUP_EXTENSION = 'urn:ruche:params:scim:schemas:extension:2.0:Group';

const GROUP_FILTERS = { displayName: 'displayName', externalId: 'externalId', id: 'id' } as const;

interface MappingRow {
  group_id: string;
  external_id: string | null;
  display_name: string;
  created_at: Date;
}

/**
 * SCIM Groups (RFC 7643 §4.2) as Ruche groups: private, owned by the first admin unless the
 * provider names an owner (RUCHE_GROUP_EXTENSION), members kept equal to the provider's list
 * through the groups module (DirectoryGroups), so joins and removals are the usual events. Every
 * write locks the group's SCIM row first: concurrent PATCHes of one group take turns, each adding
 * or removing members from what the one before it left. DELETE ends the sync; the Ruche group,
 * its members and its content stay.
 */
@Injectable()
export class ScimGroupsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly groups: DirectoryGroups,
    private readonly accounts: ProvisioningService,
    private readonly identity: IdentityService,
  ) {}

  async list(
    query: { filter?: string; startIndex?: string; count?: string; excludedAttributes?: string },
    base: string,
  ): Promise<Json> {
    const match = readFilter(query.filter, GROUP_FILTERS);
    const { offset, limit, startIndex } = readPaging(query.startIndex, query.count);
    const params = new SqlParams();
    const where: string[] = [];
    if (match?.by === 'displayName') where.push(`lower(display_name) = lower(${params.add(match.value)})`);
    if (match?.by === 'externalId') where.push(`external_id = ${params.add(match.value)}`);
    if (match?.by === 'id') where.push(isId(match.value) ? `group_id = ${params.add(match.value.toLowerCase())}::uuid` : 'false');
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await rows<{ n: string }>(this.db.manager, `SELECT count(*) AS n FROM scim_groups ${condition}`, [
      ...params.values,
    ]);
    const found = await rows<MappingRow>(
      this.db.manager,
      `SELECT group_id, external_id, display_name, created_at FROM scim_groups ${condition}
        ORDER BY created_at, group_id OFFSET ${params.add(offset)} LIMIT ${params.add(limit)}`,
      params.values,
    );
    const withMembers = !/\bmembers\b/i.test(query.excludedAttributes ?? '');
    const resources = await this.renderAll(this.db.manager, found, base, withMembers);
    return {
      schemas: [SCHEMA.list],
      totalResults: Number(count?.n ?? 0),
      startIndex,
      itemsPerPage: resources.length,
      Resources: resources,
    };
  }

  async get(id: string, base: string, excludedAttributes?: string): Promise<Json> {
    const row = await this.mapping(this.db.manager, id, false);
    return (await this.renderAll(this.db.manager, [row], base, !/\bmembers\b/i.test(excludedAttributes ?? '')))[0];
  }

  async create(body: unknown, base: string): Promise<Json> {
    const fields = readGroup(body);
    const ownerId = await this.ownerOf(body);
    await this.assertUsers(fields.memberIds);
    return this.transactions.run(async (tx) => {
      if (fields.externalId !== null) await this.assertExternalIdFree(tx, fields.externalId, null);
      const groupId = await this.groups.create(tx, ownerId, fields.displayName);
      await tx.manager.query('INSERT INTO scim_groups (group_id, external_id, display_name) VALUES ($1, $2, $3)', [
        groupId,
        fields.externalId,
        fields.displayName,
      ]);
      await this.groups.setMembers(tx, groupId, fields.memberIds);
      return this.renderOne(tx, groupId, base);
    });
  }

  async replace(id: string, body: unknown, ifMatch: string | undefined, base: string): Promise<Json> {
    const fields = readGroup(body);
    await this.assertUsers(fields.memberIds);
    return this.transactions.run(async (tx) => {
      const current = await this.lockCurrent(tx, id, ifMatch, base);
      return this.write(tx, current.row, fields, base);
    });
  }

  async patch(id: string, body: unknown, ifMatch: string | undefined, base: string): Promise<Json> {
    const operations = readPatch(body);
    return this.transactions.run(async (tx) => {
      const current = await this.lockCurrent(tx, id, ifMatch, base);
      // Members as bare `{ value }`, so a remove that names members by value matches them.
      const plain = {
        ...current.resource,
        members: ((current.resource.members as Json[] | undefined) ?? []).map((m) => ({ value: m.value })),
      };
      const fields = readGroup(applyPatch(plain, operations));
      await this.assertUsers(fields.memberIds);
      return this.write(tx, current.row, fields, base);
    });
  }

  /** Ends the sync: the Ruche group stays, with its members and content. */
  async remove(id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const row = await this.mapping(tx.manager, id, true);
      await tx.manager.query('DELETE FROM scim_groups WHERE group_id = $1', [row.group_id]);
    });
  }

  private async write(tx: Tx, row: MappingRow, fields: GroupFields, base: string): Promise<Json> {
    if (fields.externalId !== null) await this.assertExternalIdFree(tx, fields.externalId, row.group_id);
    if (fields.displayName !== row.display_name) await this.groups.rename(tx, row.group_id, fields.displayName);
    await tx.manager.query('UPDATE scim_groups SET external_id = $2, display_name = $3 WHERE group_id = $1', [
      row.group_id,
      fields.externalId,
      fields.displayName,
    ]);
    await this.groups.setMembers(tx, row.group_id, fields.memberIds);
    return this.renderOne(tx, row.group_id, base);
  }

  private async lockCurrent(
    tx: Tx,
    id: string,
    ifMatch: string | undefined,
    base: string,
  ): Promise<{ row: MappingRow; resource: Json }> {
    const row = await this.mapping(tx.manager, id, true);
    const [resource] = await this.renderAll(tx.manager, [row], base, true);
    assertIfMatch(ifMatch, resource);
    return { row, resource };
  }

  private async mapping(db: Tx['manager'], id: string, lock: boolean): Promise<MappingRow> {
    const [row] = isId(id)
      ? await rows<MappingRow>(
          db,
          `SELECT group_id, external_id, display_name, created_at FROM scim_groups WHERE group_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
          [id.toLowerCase()],
        )
      : [];
    if (!row) throw new ScimError(404, `Group ${id} not found`);
    return row;
  }

  private async renderOne(tx: Tx, groupId: string, base: string): Promise<Json> {
    return (await this.renderAll(tx.manager, [await this.mapping(tx.manager, groupId, false)], base, true))[0];
  }

  private async renderAll(db: Tx['manager'], found: MappingRow[], base: string, withMembers: boolean): Promise<Json[]> {
    const groups = await this.groups.get(
      db,
      found.map((r) => r.group_id),
    );
    const names = withMembers ? await this.identity.summaries([...groups.values()].flatMap((g) => g.memberIds)) : new Map();
    return found.map((row) => {
      const memberIds = groups.get(row.group_id)?.memberIds ?? [];
      const resource: Json = {
        schemas: [SCHEMA.group],
        id: row.group_id,
        ...(row.external_id ? { externalId: row.external_id } : {}),
        displayName: row.display_name,
        members: memberIds.map((id) => ({ value: id, display: names.get(id)?.displayName, $ref: `${base}/Users/${id}` })),
      };
      const version = versionOf({ ...resource, members: memberIds });
      if (!withMembers) delete resource.members;
      return {
        ...resource,
        meta: {
          resourceType: 'Group',
          created: row.created_at.toISOString(),
          location: `${base}/Groups/${row.group_id}`,
          version,
        },
      };
    });
  }

  private async ownerOf(body: unknown): Promise<string> {
    const extension = (body as Json | null)?.[RUCHE_GROUP_EXTENSION] as Json | undefined;
    const named = (extension?.owner as Json | undefined)?.value;
    if (named !== undefined) {
      if (!isId(named) || !(await this.accounts.existing([named.toLowerCase()])).has(named.toLowerCase()))
        throw invalidValue(`${RUCHE_GROUP_EXTENSION}:owner.value must be the id of a User`);
      return named.toLowerCase();
    }
    const admin = await this.accounts.firstAdminId();
    if (!admin) throw new ScimError(409, 'Ruche has no active admin to own the group yet', 'mutability');
    return admin;
  }

  private async assertUsers(ids: readonly string[]): Promise<void> {
    const known = await this.accounts.existing(ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw invalidValue(`members must be Users; unknown: ${unknown.slice(0, 5).join(', ')}`);
  }

  private async assertExternalIdFree(tx: Tx, externalId: string, except: string | null): Promise<void> {
    const [taken] = await rows(
      tx.manager,
      'SELECT 1 FROM scim_groups WHERE external_id = $1 AND group_id IS DISTINCT FROM $2::uuid',
      [externalId, except],
    );
    if (taken) throw conflict('Another group has this externalId');
  }
}
