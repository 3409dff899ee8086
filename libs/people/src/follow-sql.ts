/**
 * The follow graph as SQL fragments, for modules that must fold "who follows whom" into one
 * set-based statement (the feed's home timelines: a fan-out is one INSERT ... SELECT, a home page
 * one query). The people module still owns the table; these are its only spellings of it outside
 * PeopleService. Arguments are SQL expressions (usually parameters such as `$1::uuid`).
 */

/** Ids of the people `follower` follows (follows_pkey, index-only). */
export const followeeIdsSql = (follower: string) => `SELECT f.followee_id FROM follows f WHERE f.follower_id = ${follower}`;

/** Ids of the people following `followee` (follows_followee_idx, index-only). */
export const followerIdsSql = (followee: string) => `SELECT f.follower_id FROM follows f WHERE f.followee_id = ${followee}`;

/** Condition "`follower` follows `followee`" (one probe of follows_pkey). */
export const followsSql = (follower: string, followee: string) =>
  `EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ${follower} AND f.followee_id = ${followee})`;
