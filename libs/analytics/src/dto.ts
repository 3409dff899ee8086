import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { OptionalInt } from '@ruche/platform';

export class PeriodQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day (UTC), included; default 29 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-31', description: 'Last day (UTC), included; default today. At most 366 days in all' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date (YYYY-MM-DD)' })
  to?: string;
}

export const HEALTH_MAX_WEEKS = 26;

export class HealthQuery {
  @OptionalInt(1, HEALTH_MAX_WEEKS, 4, 'Length of the window, in weeks up to now')
  weeks: number = 4;
}

/** The activity counted for a day and for a department alike. */
class ActivityCountsView {
  @ApiProperty()
  activeUsers: number;
  @ApiProperty()
  posts: number;
  @ApiProperty({ description: 'Comments on posts and on ideas' })
  comments: number;
  @ApiProperty()
  reactions: number;
  @ApiProperty()
  questions: number;
  @ApiProperty()
  answers: number;
  @ApiProperty()
  ideas: number;
  @ApiProperty()
  votes: number;
  @ApiProperty()
  reviews: number;
  @ApiProperty()
  crossDepartmentInteractions: number;
}

export class DayView extends ActivityCountsView {
  @ApiProperty({ example: '2026-01-01' })
  date: string;
  @ApiProperty()
  estimatedEmailsAvoided: number;
  @ApiProperty({ description: 'Email the bridge sent that day (every kind: digests, notifications, announcements)' })
  emailsSent: number;
  @ApiProperty({ description: 'Email that arrived at the bridge that day, whatever became of it' })
  emailsReceived: number;
}

export class EmailsAvoidedTermsView {
  @ApiProperty({ description: 'P: posts that reached at least postMinReaders readers, less those that arrived by email' })
  postsReachingReaders: number;
  @ApiProperty({ description: 'K: must-read announcements acknowledged' })
  announcementsAcknowledged: number;
  @ApiProperty({ description: 'Q: questions answered in the open (by someone else)' })
  questionsAnsweredInOpen: number;
  @ApiProperty({ description: 'R: comments, idea comments and answers, less those that arrived by email' })
  replies: number;
}

export class EmailsAvoidedFormulaView {
  @ApiProperty({ example: 2, description: 'Which formula computed estimatedEmailsAvoided' })
  version: number;
  @ApiProperty({ type: EmailsAvoidedTermsView })
  terms: EmailsAvoidedTermsView;
  @ApiProperty({ example: 1 })
  postMinReaders: number;
  @ApiProperty({ description: 'The formula in words (English), to show next to the number' })
  text: string;
}

export class EmailBridgeView {
  @ApiProperty({ description: 'Email sent by Ruche in the period (per day in byDay)' })
  sent: number;
  @ApiProperty({ description: 'Email received by Ruche in the period, whatever became of it' })
  received: number;
  @ApiProperty({ description: 'Replies that arrived by email and became comments or answers' })
  repliesByEmail: number;
  @ApiProperty({ description: 'Posts that arrived by email at a group address' })
  postsByEmail: number;
}

/** Named apart from the department dashboard's DepartmentView, which is another schema. */
export class DepartmentActivityView extends ActivityCountsView {
  @ApiProperty({ nullable: true, type: String, description: 'null: people with no department on their profile' })
  department: string | null;
}

export class EmailsAvoidedDetailView {
  @ApiProperty()
  posts: number;
  @ApiProperty()
  comments: number;
  @ApiProperty()
  questions: number;
  @ApiProperty()
  answers: number;
  @ApiProperty()
  postReaders: number;
}

export class IdeaFunnelView {
  @ApiProperty()
  submitted: number;
  @ApiProperty()
  inReview: number;
  @ApiProperty()
  selected: number;
  @ApiProperty()
  implemented: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Idea participants (submitted, voted, commented, reviewed) / active users',
  })
  participationRate: number | null;
}

/** The period's activity counts (ideas as a funnel rather than one number), rates and the email figures. */
export class OverviewView extends OmitType(ActivityCountsView, ['ideas'] as const) {
  @ApiProperty({ example: '2026-01-01' })
  from: string;
  @ApiProperty({ example: '2026-01-31' })
  to: string;
  @ApiProperty({ nullable: true, type: Number })
  answeredRate: number | null;
  @ApiProperty({ nullable: true, type: Number })
  medianMinutesToFirstAnswer: number | null;
  @ApiProperty({ type: IdeaFunnelView })
  ideas: IdeaFunnelView;
  @ApiProperty({ nullable: true, type: Number, description: 'Replies per post, question and idea created in the period' })
  engagementDepth: number | null;
  @ApiProperty({ nullable: true, type: Number })
  postsWithReplyShare: number | null;
  @ApiProperty({ nullable: true, type: Number })
  crossDepartmentShare: number | null;
  @ApiProperty({ description: 'P + K + Q + R, formula version 2 (see emailsAvoidedFormula and README)' })
  estimatedEmailsAvoided: number;
  @ApiProperty({ type: EmailsAvoidedDetailView })
  estimatedEmailsAvoidedDetail: EmailsAvoidedDetailView;
  @ApiProperty({ type: EmailsAvoidedFormulaView, description: 'The formula used, its terms and its text' })
  emailsAvoidedFormula: EmailsAvoidedFormulaView;
  @ApiProperty({ type: EmailBridgeView, description: 'The email the bridge still carries, in and out' })
  emailBridge: EmailBridgeView;
  @ApiProperty({ type: [DayView], description: 'One entry per day of the period' })
  byDay: DayView[];
  @ApiProperty({ type: [DepartmentActivityView], description: 'One entry per department (of the actor, as it was then)' })
  byDepartment: DepartmentActivityView[];
}

export class UnansweredPostView {
  @ApiProperty({ format: 'uuid' })
  postId: string;
  @ApiProperty({ format: 'uuid' })
  authorId: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ description: 'Hours since it was posted' })
  waitingHours: number;
}

export class HealthTrendView {
  @ApiProperty({ description: 'score - previousScore' })
  delta: number;
  @ApiProperty({ enum: ['up', 'down', 'flat'] })
  direction: 'up' | 'down' | 'flat';
}

export class HealthScorePartsView {
  @ApiProperty({ description: '0..1' })
  participation: number;
  @ApiProperty({ description: '0..1' })
  answered: number;
  @ApiProperty({ description: '0..1' })
  responsiveness: number;
  @ApiProperty({ description: '0..1' })
  growth: number;
}

export class HealthWeekView {
  @ApiProperty({ format: 'date-time' })
  weekStart: string;
  @ApiProperty()
  posts: number;
  @ApiProperty()
  replies: number;
  @ApiProperty()
  activeMembers: number;
}

export class GroupHealthView {
  @ApiProperty({ format: 'uuid' })
  groupId: string;
  @ApiProperty()
  weeks: number;
  @ApiProperty({ format: 'date-time' })
  from: string;
  @ApiProperty({ format: 'date-time' })
  to: string;
  @ApiProperty({ description: 'Members now' })
  memberCount: number;
  @ApiProperty({ description: 'Members now who posted, commented or reacted in the group in the window' })
  activeMembers: number;
  @ApiProperty()
  postsPerWeek: number;
  @ApiProperty()
  repliesPerWeek: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Share of the window’s posts with a reply from someone else' })
  answeredShare: number | null;
  @ApiProperty({ nullable: true, type: Number })
  medianReplyMinutes: number | null;
  @ApiProperty()
  newMembers: number;
  @ApiProperty()
  lostMembers: number;
  @ApiProperty({ description: '0–100 (see README)' })
  score: number;
  @ApiProperty({ description: 'The score of the window before, of the same length' })
  previousScore: number;
  @ApiProperty({ type: HealthTrendView, description: 'How the score moved since the window before' })
  trend: HealthTrendView;
  @ApiProperty({ type: HealthScorePartsView })
  scoreParts: HealthScorePartsView;
  @ApiProperty({ type: [HealthWeekView], description: 'Oldest first' })
  byWeek: HealthWeekView[];
  @ApiProperty({
    type: [UnansweredPostView],
    description: 'Posts of the window without a reply from someone else, oldest first (at most 20)',
  })
  unansweredPosts: UnansweredPostView[];
}
