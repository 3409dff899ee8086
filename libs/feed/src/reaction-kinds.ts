import { REACTION_KINDS, type ReactionKind } from '@ruche/contracts';

export { REACTION_KINDS, type ReactionCounts, type ReactionKind } from '@ruche/contracts';

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
