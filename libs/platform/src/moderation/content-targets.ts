import { Injectable } from '@nestjs/common';

/** The kinds of content people can report; each is owned (and registered here) by one module. */
export const CONTENT_TYPES = ['post', 'comment', 'idea', 'question', 'answer', 'kudos'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

// Where a piece of content stands with moderation: the contracts layer's list (events carry it).
export { MODERATION_STATES, type ModerationState } from '@ruche/contracts';
import type { ModerationState } from '@ruche/contracts';

/** What moderation needs to know about one piece of content, whatever its type. */
export interface ContentTarget {
  id: string;
  type: string;
  authorId: string;
  /** The group the content lives in (its owners and admins moderate it), or null when company-wide. */
  groupId: string | null;
  /** A short plain-text extract for the review queue. */
  excerpt: string;
  state: ModerationState;
}

/**
 * Given ids of one content type, the ones that exist (deleted content is absent), by id. Answers
 * for a set so a page of the review queue costs one call per type.
 */
export type ContentResolver = (ids: string[]) => Promise<Map<string, ContentTarget>>;

/**
 * The module that owns a content type registers its resolver here; moderation uses it to check
 * report targets, find the group whose managers may act on them, and show excerpts. Keeps
 * moderation free of every content module and the content modules free of moderation. A type
 * nobody registered resolves to nothing (reports on it are 404).
 */
@Injectable()
export class ContentTargets {
  private readonly resolvers = new Map<string, ContentResolver>();

  register(type: string, resolver: ContentResolver): void {
    this.resolvers.set(type, resolver);
  }

  has(type: string): boolean {
    return this.resolvers.has(type);
  }

  async resolve(type: string, ids: readonly string[]): Promise<Map<string, ContentTarget>> {
    const resolver = this.resolvers.get(type);
    const unique = [...new Set(ids)];
    if (!resolver || unique.length === 0) return new Map();
    return resolver(unique);
  }

  async resolveOne(type: string, id: string): Promise<ContentTarget | null> {
    return (await this.resolve(type, [id])).get(id) ?? null;
  }
}
