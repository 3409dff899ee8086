import { createHash } from 'node:crypto';
import { type Filter, parse as parseFilterText } from 'scim2-parse-filter';
import { scimPatch, type ScimPatchOperation } from 'scim-patch';
import { invalidValue, ScimError } from './scim-errors.js';

/** The schema URNs of RFC 7643 / 7644 that Ruche speaks. */
export const SCHEMA = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
} as const;

type Json = Record<string, unknown>;

/** What Ruche keeps of a SCIM User. */
export interface UserFields {
  email: string;
  displayName: string;
  externalId: string | null;
  active: boolean;
  title: string;
  department: string;
  managerId: string | null;
}

/** What Ruche keeps of a SCIM Group. */
export interface GroupFields {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

export const DISPLAY_NAME_MAX = 80;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}$/;
const EXTERNAL_ID_MAX = 256;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A weak ETag over the resource without its `meta` (cheap: a hash of what is sent anyway). */
export function versionOf(resource: Json): string {
  const { meta: _meta, ...rest } = resource;
  return `W/"${createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 22)}"`;
}

/**
 * ETags (RFC 7644 §3.14): a client that read version V may write only while the resource is still
 * V (`If-Match: *` or no header: any version). Checked under the write's row lock.
 */
export function assertIfMatch(ifMatch: string | undefined, resource: Json): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const version = String((resource.meta as Json | undefined)?.version);
  if (!ifMatch.split(',').some((v) => v.trim() === version)) {
    throw new ScimError(412, 'The resource changed since it was read (If-Match does not match its version)');
  }
}

// ---- reading resources ---------------------------------------------------------------------

function text(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidValue(`${name} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw invalidValue(`${name} must be at most ${max} characters`);
  if (trimmed.includes('\u0000')) throw invalidValue(`${name} must not contain NUL characters`);
  return trimmed;
}

/** SCIM booleans, and the strings some providers send for them ("True", "false"). */
function bool(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw invalidValue(`${name} must be true or false`);
}

/** The manager's id: `{ value }` as RFC 7643 §4.3 says, or the bare id some providers send. */
function managerOf(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const raw = isObject(value) ? value.value : value;
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw))
    throw invalidValue('manager.value must be the id of a User');
  return raw.toLowerCase();
}

/** The email of a User: `userName` when it is one (the usual case), else its primary or work email. */
function emailOf(resource: Json, userName: string): string {
  if (EMAIL.test(userName)) return userName.toLowerCase();
  const emails = Array.isArray(resource.emails) ? resource.emails.filter(isObject) : [];
  const chosen = emails.find((e) => e.primary === true) ?? emails.find((e) => e.type === 'work') ?? emails[0];
  const value = text(chosen?.value, 'emails.value', 254);
  if (value && EMAIL.test(value)) return value.toLowerCase();
  throw invalidValue('userName, or a primary email, must be an email address');
}

/**
 * A User resource (POST, PUT, or the result of a PATCH) as Ruche's fields. PUT replaces: what is
 * absent is cleared (title, department, manager, externalId), `active` defaults to true.
 */
export function readUser(resource: unknown): UserFields {
  if (!isObject(resource)) throw new ScimError(400, 'The body must be a SCIM User', 'invalidSyntax');
  const userName = text(resource.userName, 'userName', 254);
  if (!userName) throw invalidValue('userName is required');
  const email = emailOf(resource, userName);
  const name = isObject(resource.name) ? resource.name : {};
  const composed = [
    text(name.givenName, 'name.givenName', DISPLAY_NAME_MAX),
    text(name.familyName, 'name.familyName', DISPLAY_NAME_MAX),
  ]
    .filter(Boolean)
    .join(' ');
  const displayName =
    text(resource.displayName, 'displayName', DISPLAY_NAME_MAX) ||
    text(name.formatted, 'name.formatted', DISPLAY_NAME_MAX) ||
    composed ||
    email.split('@')[0];
  if (displayName.length > DISPLAY_NAME_MAX) throw invalidValue(`displayName must be at most ${DISPLAY_NAME_MAX} characters`);
  const enterprise = isObject(resource[SCHEMA.enterprise]) ? (resource[SCHEMA.enterprise] as Json) : {};
  return {
    email,
    displayName,
    externalId: text(resource.externalId, 'externalId', EXTERNAL_ID_MAX) || null,
    active: bool(resource.active, 'active') ?? true,
    title: text(resource.title, 'title', 100) ?? '',
    department: text(enterprise.department, 'department', 100) ?? '',
    managerId: managerOf(enterprise.manager),
  };
}

/** A Group resource as Ruche's fields; member ids are checked to be Users by the caller. */
export function readGroup(resource: unknown): GroupFields {
  if (!isObject(resource)) throw new ScimError(400, 'The body must be a SCIM Group', 'invalidSyntax');
  // A group's name in Ruche holds up to 100 characters.
  const displayName = text(resource.displayName, 'displayName', 100);
  if (!displayName) throw invalidValue('displayName is required');
  const members = resource.members === undefined || resource.members === null ? [] : resource.members;
  if (!Array.isArray(members)) throw invalidValue('members must be a list');
  const memberIds = members.map((m) => {
    const id = isObject(m) ? m.value : undefined;
    if (typeof id !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      throw invalidValue('each member must be { value: <id of a User> }');
    return id.toLowerCase();
  });
  return {
    displayName,
    externalId: text(resource.externalId, 'externalId', EXTERNAL_ID_MAX) || null,
    memberIds: [...new Set(memberIds)],
  };
}

// ---- filters ---------------------------------------------------------------------------------

/**
 * The one kind of filter identity providers send to find a resource before creating it: an `eq`
 * on one attribute (`userName eq "bjensen@example.com"`, `externalId eq "..."`). Attribute names
 * are case-insensitive (RFC 7644 §3.4.2.2). Anything else is a 400 `invalidFilter`.
 */
export function readFilter<K extends string>(
  filter: string | undefined,
  attributes: Record<string, K>,
): { by: K; value: string } | null {
  if (filter === undefined || filter.trim() === '') return null;
  if (filter.length > 1000) throw new ScimError(400, 'The filter is too long', 'invalidFilter');
  let parsed: Filter;
  try {
    parsed = parseFilterText(filter);
  } catch (error) {
    throw new ScimError(400, `The filter cannot be parsed: ${(error as Error).message}`, 'invalidFilter');
  }
  if (parsed.op !== 'eq' || !('attrPath' in parsed)) {
    throw new ScimError(
      400,
      `Only "<attribute> eq <value>" filters are supported, on ${Object.keys(attributes).join(', ')}`,
      'invalidFilter',
    );
  }
  const by = Object.entries(attributes).find(([name]) => name.toLowerCase() === parsed.attrPath.toLowerCase())?.[1];
  if (!by)
    throw new ScimError(
      400,
      `Filtering on ${parsed.attrPath} is not supported (only ${Object.keys(attributes).join(', ')})`,
      'invalidFilter',
    );
  if (typeof parsed.compValue !== 'string') throw new ScimError(400, 'The filter value must be a string', 'invalidFilter');
  return { by, value: parsed.compValue };
}

/** `startIndex` (1-based) and `count` (RFC 7644 §3.4.2.4): out-of-range values are clamped, not refused. */
export function readPaging(
  startIndex: unknown,
  count: unknown,
  maxCount = 200,
): { offset: number; limit: number; startIndex: number } {
  const start = Math.max(1, Math.min(Number.parseInt(String(startIndex ?? '1'), 10) || 1, 1_000_000_000));
  const parsedCount = Number.parseInt(String(count ?? String(maxCount)), 10);
  const limit = Math.max(0, Math.min(Number.isNaN(parsedCount) ? maxCount : parsedCount, maxCount));
  return { offset: start - 1, limit, startIndex: start };
}

// ---- PATCH -----------------------------------------------------------------------------------

/**
 * The operations of a PatchOp body, as scim-patch takes them. Providers differ in small ways the
 * RFC does not allow but everyone accepts: Entra ID capitalises `op` ("Replace") and sends
 * booleans as "False"; both are normalised here.
 */
export function readPatch(body: unknown): ScimPatchOperation[] {
  if (!isObject(body)) throw new ScimError(400, 'The body must be a PatchOp', 'invalidSyntax');
  if (!Array.isArray(body.schemas) || !body.schemas.includes(SCHEMA.patch))
    throw new ScimError(400, `schemas must contain ${SCHEMA.patch}`, 'invalidSyntax');
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0)
    throw new ScimError(400, 'Operations must be a non-empty list', 'invalidSyntax');
  if (operations.length > 1000) throw new ScimError(400, 'At most 1000 operations', 'tooMany');
  return operations.map((raw) => {
    if (!isObject(raw) || typeof raw.op !== 'string') throw new ScimError(400, 'Each operation needs an op', 'invalidSyntax');
    const op = raw.op.toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw new ScimError(400, `Unknown op "${raw.op}"`, 'invalidSyntax');
    if (raw.path !== undefined && typeof raw.path !== 'string') throw new ScimError(400, 'path must be a string', 'invalidPath');
    const path = raw.path as string | undefined;
    if (op === 'remove') {
      if (!path) throw new ScimError(400, 'remove needs a path', 'noTarget');
      return { op, path, ...(raw.value !== undefined ? { value: raw.value } : {}) } as ScimPatchOperation;
    }
    let value = raw.value;
    if (path?.toLowerCase() === 'active' && typeof value === 'string') value = bool(value, 'active');
    if (!path && isObject(value) && typeof value.active === 'string') value = { ...value, active: bool(value.active, 'active') };
    return (path ? { op, path, value } : { op, value }) as ScimPatchOperation;
  });
}

/** Applies PATCH operations to a rendered resource (scim-patch, RFC 7644 §3.5.2); the result is read like a PUT body. */
export function applyPatch(resource: Json, operations: ScimPatchOperation[]): Json {
  try {
    return scimPatch(structuredClone(resource) as never, operations, { mutateDocument: false, treatMissingAsAdd: true }) as Json;
  } catch (error) {
    if (error instanceof ScimError) throw error;
    const scimCode = (error as { scimCode?: string }).scimCode;
    throw new ScimError(
      400,
      (error as Error).message,
      scimCode === 'noTarget' ? 'noTarget' : scimCode === 'invalidPath' ? 'invalidPath' : 'invalidValue',
    );
  }
}
