import { rows } from '@ruche/platform';

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

// One helper for every module's raw queries (see @ruche/platform).
export { rows };
