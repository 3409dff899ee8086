import type { UserSummary } from '../api/types';

/**
 * People this tab has seen (authors of loaded posts and comments, profiles opened, search
 * results): instant @mention suggestions before the directory answers, and @handle links.
 */
const people = new Map<string, UserSummary>();

export function rememberPeople(users: (UserSummary | null | undefined)[]): void {
  for (const user of users) {
    if (user?.id && user.handle && user.displayName)
      people.set(user.id, { id: user.id, handle: user.handle, displayName: user.displayName });
  }
}

export function forgetPeople(): void {
  people.clear();
}

export function personByHandle(handle: string): UserSummary | undefined {
  const wanted = handle.toLowerCase();
  for (const person of people.values()) if (person.handle.toLowerCase() === wanted) return person;
  return undefined;
}

/** People whose handle or any word of the name starts with `prefix`, best matches first. */
export function suggestPeople(prefix: string, excludeId?: string, limit = 6): UserSummary[] {
  const q = prefix.toLowerCase();
  const scored: [number, UserSummary][] = [];
  for (const person of people.values()) {
    if (person.id === excludeId) continue;
    const handle = person.handle.toLowerCase();
    const words = person.displayName.toLowerCase().split(/\s+/);
    const score = handle.startsWith(q) ? 0 : words.some((w) => w.startsWith(q)) ? 1 : handle.includes(q) ? 2 : -1;
    if (score >= 0) scored.push([score, person]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].displayName.localeCompare(b[1].displayName));
  return scored.slice(0, limit).map(([, person]) => person);
}
