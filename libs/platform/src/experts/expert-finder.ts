import { Injectable } from '@nestjs/common';

/** A topic as people wrote it, and the canonical key it folds to. */
export interface TopicRef {
  /** Canonical key. */
  topic: string;
  /** How it is shown: as the caller wrote it, trimmed. */
  label: string;
}

/** Someone who volunteered for a topic (issue #17): a helper (with a weekly cap) or a follower. */
export interface TopicVolunteer {
  userId: string;
  /** The topic key they volunteered for (one of those asked about). */
  topic: string;
  /** How the topic is shown. */
  label: string;
  /** Helpers only: at most this many questions routed to them as a helper in 7 days. */
  weeklyCap?: number;
}

/** Who to find on some topics: at most `limit` people, none of `exclude`. */
export interface TopicPeopleQuery {
  limit: number;
  exclude?: readonly string[];
}

/**
 * What a producer may ask of expertise, which listens to everyone's events and so may be imported
 * by no producer: how topics fold (case, accents, synonyms) and who knows a topic best.
 */
export interface ExpertFinder {
  /** Whether a topic name keeps anything once folded (not only spaces, accents or `#`). */
  hasTopicKey(name: string): boolean;
  /** Canonical keys for names as people write them, first spelling of each kept, in order; names that fold to nothing are left out. */
  topicKeys(names: readonly string[]): Promise<TopicRef[]>;
  /** The words of a text that carry meaning, folded like topics and joined by spaces. */
  significantWords(text: string): string;
  /** The best active experts on these topic keys, not in `exclude`, best first (at most `limit`). */
  topExperts(topics: readonly string[], options: TopicPeopleQuery): Promise<string[]>;
  /** Active helpers of these topic keys, not in `exclude`, longest-standing first (at most `limit`; one entry per person). */
  topicHelpers(topics: readonly string[], options: TopicPeopleQuery): Promise<TopicVolunteer[]>;
  /** Active followers of these topic keys, not in `exclude`, longest-standing first (at most `limit`; one entry per person). */
  topicFollowers(topics: readonly string[], options: TopicPeopleQuery): Promise<TopicVolunteer[]>;
}

/**
 * The port questions asks through and expertise fills at start (`provide`), as search sources are
 * registered: the dependency points from expertise down to platform, never from questions to
 * expertise. Asked before anything provided it (expertise not loaded), it fails loudly: a wiring
 * error, not an empty answer that would route every question to nobody.
 */
@Injectable()
export class ExpertFinderPort implements ExpertFinder {
  private finder: ExpertFinder | null = null;

  provide(finder: ExpertFinder): void {
    this.finder = finder;
  }

  private get provided(): ExpertFinder {
    if (!this.finder) throw new Error('No ExpertFinder provided: the expertise module is not loaded');
    return this.finder;
  }

  hasTopicKey(name: string): boolean {
    return this.provided.hasTopicKey(name);
  }

  topicKeys(names: readonly string[]): Promise<TopicRef[]> {
    return this.provided.topicKeys(names);
  }

  significantWords(text: string): string {
    return this.provided.significantWords(text);
  }

  topExperts(topics: readonly string[], options: TopicPeopleQuery): Promise<string[]> {
    return this.provided.topExperts(topics, options);
  }

  topicHelpers(topics: readonly string[], options: TopicPeopleQuery): Promise<TopicVolunteer[]> {
    return this.provided.topicHelpers(topics, options);
  }

  topicFollowers(topics: readonly string[], options: TopicPeopleQuery): Promise<TopicVolunteer[]> {
    return this.provided.topicFollowers(topics, options);
  }
}

/** What recognition may tell expert search about people (#17): the badges they show publicly, by label. */
export interface BadgeShelf {
  publicBadges(userIds: readonly string[]): Promise<Map<string, string[]>>;
}

/**
 * The port expertise asks for badges through and recognition fills at start: both are listeners,
 * siblings that never import each other. Nothing provided (recognition not loaded): no badges.
 */
@Injectable()
export class BadgeShelfPort implements BadgeShelf {
  private shelf: BadgeShelf | null = null;

  provide(shelf: BadgeShelf): void {
    this.shelf = shelf;
  }

  publicBadges(userIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.shelf && userIds.length > 0 ? this.shelf.publicBadges(userIds) : Promise.resolve(new Map());
  }
}
