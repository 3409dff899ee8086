/**
 * Group handles: the local part of a group's email address (`<handle>@<SMTP_INBOUND_DOMAIN>`).
 * Lower-case letters, digits and inner single hyphens, 2 to 40 characters, unique; the mail
 * system's own addresses and the reply addresses' prefix are reserved. The database holds the
 * same rule (migration AddGroupHandles: `groups_handle_format`, `groups_handle_not_reserved`).
 */
export const GROUP_HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?!-)){0,38}[a-z0-9]$/;
export const GROUP_HANDLE_MAX = 40;

export const RESERVED_GROUP_HANDLES: ReadonlySet<string> = new Set([
  'reply',
  'admin',
  'administrator',
  'postmaster',
  'hostmaster',
  'webmaster',
  'noreply',
  'no-reply',
  'abuse',
  'mailer-daemon',
  'bounce',
  'bounces',
  'root',
  'security',
  'ruche',
]);

/** Why `handle` cannot be a group's handle, or null when it can (taken or not). */
export function handleProblem(handle: string): string | null {
  if (!GROUP_HANDLE_PATTERN.test(handle) || handle.includes('--'))
    return 'handle must be 2 to 40 lower-case letters, digits or single inner hyphens';
  if (RESERVED_GROUP_HANDLES.has(handle)) return `"${handle}" is reserved`;
  return null;
}

/** The handle a name suggests (accents folded, other characters hyphens), before uniqueness. */
export function handleFromName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, GROUP_HANDLE_MAX)
    .replace(/-+$/, '');
  return base.length >= 2 ? base : 'group';
}

/** `base`, or `base-2`, `base-3`, ... : the first that is neither reserved nor in `taken`. */
export function firstFreeHandle(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = n === 1 ? base : `${base.slice(0, GROUP_HANDLE_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!RESERVED_GROUP_HANDLES.has(candidate) && !taken.has(candidate)) return candidate;
  }
}
