import type { EntityManager } from 'typeorm';

/** What an `analytics_activity` row records. */
export type ActivityKind =
  | 'post'
  | 'comment'
  | 'reaction'
  | 'follow'
  | 'member_joined'
  | 'member_left'
  | 'question'
  | 'answer'
  | 'answer_accepted'
  | 'idea'
  | 'idea_comment'
  | 'vote'
  | 'idea_merged'
  | 'review'
  | 'idea_status';

export interface ActivityRow {
  eventId: number;
  kind: ActivityKind;
  actorId: string | null;
  actorDepartment: string;
  subjectType: string | null;
  subjectId: string | null;
  parentType: string | null;
  parentId: string | null;
  parentCreatedAt: Date | null;
  groupId: string | null;
  counterpartId: string | null;
  counterpartDepartment: string | null;
  delta: 1 | -1;
  voteCount: number | null;
  audienceSize: number | null;
  status: string | null;
  createdAt: Date;
}

/**
 * Rows of a query. TypeORM answers UPDATE and DELETE with `[rows, rowCount]` and everything else
 * with `rows`: this evens it out.
 */
export async function rows<T>(db: EntityManager, text: string, values: unknown[] = []): Promise<T[]> {
  const result: unknown = await db.query(text, values);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
