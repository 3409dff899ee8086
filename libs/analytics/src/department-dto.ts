import { ApiProperty, PickType } from '@nestjs/swagger';
import { UserSummaryView } from '@ruche/platform';

export class DepartmentFiguresView {
  @ApiProperty({ description: 'People whose profile names the department now' })
  people: number;
  @ApiProperty({ description: 'Of them, who did anything visible in the period (as their department was then)' })
  activeUsers: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Replies received per post, question or idea they created' })
  engagementDepth: number | null;
  @ApiProperty()
  questions: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Share of their questions answered by someone else by the end of the period',
  })
  answeredRate: number | null;
  @ApiProperty({ nullable: true, type: Number })
  medianMinutesToFirstAnswer: number | null;
  @ApiProperty({ description: 'Replies (comments, answers, reviews) they wrote to people of another department' })
  crossDepartmentReplies: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Those among their replies to people whose department is known' })
  crossDepartmentShare: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Share of the department who submitted, voted on, commented on or reviewed ideas',
  })
  ideaParticipation: number | null;
}

/** The headline figures again, for the period before (to compare with). */
export class DepartmentTrendView extends PickType(DepartmentFiguresView, [
  'activeUsers',
  'engagementDepth',
  'answeredRate',
  'medianMinutesToFirstAnswer',
  'ideaParticipation',
] as const) {}

export class DepartmentView extends DepartmentFiguresView {
  @ApiProperty()
  department: string;
  @ApiProperty({ type: DepartmentTrendView, description: 'The same figures over the period of the same length just before' })
  previous: DepartmentTrendView;
}

export class DepartmentsView {
  @ApiProperty({ example: '2026-11-01' })
  from: string;
  @ApiProperty({ example: '2026-11-30' })
  to: string;
  @ApiProperty({ description: 'Departments with fewer people than this are not shown' })
  smallestDepartment: number;
  @ApiProperty({ type: [DepartmentView], description: 'Largest first' })
  items: DepartmentView[];
}

export class WaitingQuestionView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ type: [String] })
  topics: string[];
  @ApiProperty()
  createdAt: string;
}

export class FallingGroupView {
  @ApiProperty({ format: 'uuid' })
  groupId: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  score: number;
  @ApiProperty()
  previousScore: number;
}

export class PossibleMentorView {
  @ApiProperty({ type: UserSummaryView })
  user: UserSummaryView;
  @ApiProperty({ type: [String], description: "The department's topics they know best" })
  topics: string[];
}

export class DepartmentActionsView {
  @ApiProperty({ type: [String], description: "The department's topics: those of the questions its people asked and answered" })
  topics: string[];
  @ApiProperty({
    type: [WaitingQuestionView],
    description: 'Questions on those topics nobody has answered yet, the longest waiting first',
  })
  unansweredQuestions: WaitingQuestionView[];
  @ApiProperty({
    type: [FallingGroupView],
    description: 'Groups its people are active in whose health is falling, the steepest first',
  })
  fallingGroups: FallingGroupView[];
  @ApiProperty({
    type: [PossibleMentorView],
    description: 'People of the department who know its topics best, who could guide others',
  })
  possibleMentors: PossibleMentorView[];
}

export class DepartmentDashboardView extends DepartmentView {
  @ApiProperty({ example: '2026-11-01' })
  from: string;
  @ApiProperty({ example: '2026-11-30' })
  to: string;
  @ApiProperty({ type: DepartmentActionsView, description: 'The three most useful things to do next' })
  actions: DepartmentActionsView;
}
