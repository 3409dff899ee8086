import { Injectable } from '@nestjs/common';
import { IdentityService, type UserSummary } from '@ruche/identity';
import { invalid, type Page } from '@ruche/platform';
import { decodeNameCursor, encodeNameCursor } from './directory-cursor.js';
import { DIRECTORY_LIMITS, type DirectoryEntry, PEOPLE_SEARCH_LIMITS, type PeopleQuery } from './dto.js';
import { PeopleService } from './people.service.js';

const EMPTY: Page<never> = { items: [], nextCursor: null };

/** An empty filter box means "no filter", not "people with an empty department". */
const filled = (value: string | undefined) => (value ? value : undefined);

/**
 * `GET /api/users`: the search by name or handle, or the alphabetical directory of active people,
 * both narrowed by department and location. Names come from identity, places from profiles, each
 * through its owner's service.
 */
@Injectable()
export class PeopleDirectory {
  constructor(
    private readonly identity: IdentityService,
    private readonly people: PeopleService,
  ) {}

  async list(query: PeopleQuery): Promise<Page<UserSummary | DirectoryEntry>> {
    // Everything is checked before anything is read.
    if (query.q !== undefined) {
      if (query.cursor !== undefined) throw invalid('cursor pages the directory only; a search by q is not paged');
      if ((query.limit ?? 0) > PEOPLE_SEARCH_LIMITS.max) {
        throw invalid(`limit must not be greater than ${PEOPLE_SEARCH_LIMITS.max} when searching by q`);
      }
    }
    const after = query.q === undefined && query.cursor !== undefined ? decodeNameCursor(query.cursor) : null;
    const place = { department: filled(query.department), location: filled(query.location) };
    const within = place.department || place.location ? await this.people.idsInPlace(place) : undefined;
    if (within?.length === 0) return EMPTY;

    if (query.q !== undefined) {
      return {
        items: await this.identity.search(query.q, query.limit ?? PEOPLE_SEARCH_LIMITS.default, within),
        nextCursor: null,
      };
    }
    const limit = query.limit ?? DIRECTORY_LIMITS.default;
    // One extra row says whether there is a next page.
    const found = await this.identity.directory({ limit: limit + 1, after, within });
    const page = found.slice(0, limit);
    const profiles = await this.people.profileSummaries(page.map((p) => p.id));
    const last = page[page.length - 1];
    return {
      items: page.map(({ sortKey: _sortKey, ...person }) => {
        const { title, department, location } = profiles.get(person.id)!;
        return { ...person, title, department, location };
      }),
      nextCursor: found.length > limit && last ? encodeNameCursor([last.sortKey, last.id]) : null,
    };
  }
}
