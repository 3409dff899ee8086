import type { UserSummary } from '@ruche/contracts';
import type { AuthUser } from '@ruche/platform';

/** A person's summary as SQL returns it (`summaryColumns`, `summaryJson`), before {@link summaryFromRow}. */
export interface SummaryRow {
  id: string;
  handle: string;
  displayName: string;
  avatarFileId: string | null;
  inactive: boolean;
}

// What a summary shows of a `users` row, written once for the two forms below: no photo for an
// account that is not active, and a deactivated account says so.
const SUMMARY_FIELDS = (u: string): [keyof SummaryRow, string][] => [
  ['id', `${u}.id`],
  ['handle', `${u}.handle`],
  ['displayName', `${u}.display_name`],
  ['avatarFileId', `CASE WHEN ${u}.status = 'active' THEN ${u}.avatar_file_id END`],
  ['inactive', `${u}.status = 'deactivated'`],
];

/**
 * The select list of a {@link SummaryRow} from the `users` row aliased `u`; with a `prefix`, its
 * columns are named `<prefix><field>` so they can stand beside another table's (read them back
 * with {@link summaryRowAt}).
 */
export const summaryColumns = (u: string, prefix = ''): string =>
  SUMMARY_FIELDS(u)
    .map(([key, sql]) => `${sql} AS "${prefix}${key}"`)
    .join(', ');

/** A {@link SummaryRow}'s fields as {@link summaryColumns} names them with `prefix`. */
export type PrefixedSummaryRow<P extends string> = { [K in keyof SummaryRow as `${P}${K}`]: SummaryRow[K] };

/** The {@link SummaryRow} that {@link summaryColumns} selected with `prefix` into a wider row. */
export function summaryRowAt<P extends string>(row: PrefixedSummaryRow<P>, prefix: P): SummaryRow {
  // The mapped type proves the fields are there; TypeScript cannot follow a generic template key.
  const fields: Record<string, unknown> = row;
  const at = <K extends keyof SummaryRow>(key: K) => fields[`${prefix}${key}`] as SummaryRow[K];
  return { id: at('id'), handle: at('handle'), displayName: at('displayName'), avatarFileId: at('avatarFileId'), inactive: at('inactive') };
}

/**
 * A {@link SummaryRow} as one JSON object, for a statement that returns the people it shows with
 * its own rows (the home feed: one round trip instead of a second statement for its people).
 */
export const summaryJson = (u: string): string =>
  `json_build_object(${SUMMARY_FIELDS(u).map(([key, sql]) => `'${key}', ${sql}`).join(', ')})`;

/** The summary others see; the photo's link when there is one (see `avatarUrl`). */
export const summaryFromRow = (u: SummaryRow): UserSummary => ({
  id: u.id,
  handle: u.handle,
  displayName: u.displayName,
  ...(u.avatarFileId ? { avatarUrl: avatarUrl(u.id, u.avatarFileId) } : {}),
  ...(u.inactive ? { deactivated: true as const } : {}),
});

/**
 * The photo's link (libs/files serves it): the file id is the version, so a new photo is a new URL
 * (cached for long), and it is unguessable, so the link is as private as the summaries carrying it.
 */
export const avatarUrl = (userId: string, fileId: string): string => `/api/users/${userId}/avatar?v=${fileId}`;

/** Shown in place of a person whose account cannot be loaded (not expected: foreign keys). */
export const unknownUser = (id: string): UserSummary => ({ id, handle: 'unknown', displayName: 'Unknown user' });

/** The person `id` from summaries loaded for a page, or {@link unknownUser}. */
export const summaryIn = (people: ReadonlyMap<string, UserSummary>, id: string): UserSummary => people.get(id) ?? unknownUser(id);

/** The caller as others see them, without a read: what a write they just made shows as its author. */
export const summaryOf = (user: Pick<AuthUser, 'id' | 'handle' | 'displayName'>): UserSummary => ({
  id: user.id,
  handle: user.handle,
  displayName: user.displayName,
});
