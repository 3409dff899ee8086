/** The reactions a post can receive. Adding one needs a migration (CHECK and counter column). */
export const REACTION_KINDS = ['like', 'celebrate', 'insightful', 'support'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export type ReactionCounts = Record<ReactionKind, number>;

export const isReactionKind = (value: unknown): value is ReactionKind => REACTION_KINDS.includes(value as ReactionKind);

/** The counter column of each kind: a whitelist, so a kind is never interpolated into SQL unchecked. */
export const COUNT_COLUMN: Record<ReactionKind, string> = {
  like: 'like_count',
  celebrate: 'celebrate_count',
  insightful: 'insightful_count',
  support: 'support_count',
};

/** Kinds in their canonical order, whatever order they came in. */
export const inKindOrder = (kinds: readonly string[]): ReactionKind[] => REACTION_KINDS.filter((kind) => kinds.includes(kind));
