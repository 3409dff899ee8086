import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import type { UserSummary } from '@ruche/contracts';
import { Omittable, OptionalId, OptionalTrimmedText, PageQuery, TrimmedText, UserSummaryView } from '@ruche/platform';

export const TRAINING_LIMITS = { title: 140, description: 4000, stepTitle: 140, stepBody: 8000, steps: 20 } as const;

/** Who a path is for: new employees (or a group's newcomers), or people who just became community owners. */
export const AUDIENCES = ['newcomers', 'community_owners'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * What a step asks for, and so what completes it: `read` is ticked by the person; every other kind
 * by doing it (accepting the guidelines, a first post — in `groupId` when given — a first question,
 * joining `groupId`, being paired with a mentor, declaring skills, following a colleague: the last two
 * are what the first-run screen asks, #16).
 */
export const STEP_KINDS = [
  'read',
  'accept_guidelines',
  'first_post',
  'first_question',
  'join_group',
  'meet_mentor',
  'declare_skills',
  'follow_people',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export type PathStatus = 'draft' | 'published' | 'archived';

export class StepDto {
  @ApiProperty({ enum: STEP_KINDS })
  @IsIn(STEP_KINDS)
  kind: StepKind;

  @TrimmedText(TRAINING_LIMITS.stepTitle)
  title: string;

  @OptionalTrimmedText(TRAINING_LIMITS.stepBody, 'The guidance shown with the step (Markdown)')
  body?: string;

  @OptionalId(
    'join_group: the group to join (required); first_post: where the post must be made. A public group, or the path’s own',
  )
  groupId?: string;
}

export class CreatePathDto {
  @TrimmedText(TRAINING_LIMITS.title)
  title: string;

  @OptionalTrimmedText(TRAINING_LIMITS.description)
  description?: string;

  @ApiProperty({ enum: AUDIENCES })
  @IsIn(AUDIENCES)
  audience: Audience;

  @OptionalId('A group’s own path for its newcomers (its owners and admins publish it); absent: a company path (admins)')
  groupId?: string;

  @ApiProperty({ type: [StepDto], minItems: 1, maxItems: TRAINING_LIMITS.steps })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TRAINING_LIMITS.steps)
  @ValidateNested({ each: true })
  @Type(() => StepDto)
  steps: StepDto[];
}

/** Changes to a draft (a published path's steps are frozen); absent fields stay as they are. */
export class UpdatePathDto {
  @ApiPropertyOptional({ maxLength: TRAINING_LIMITS.title })
  @Omittable()
  @TrimmedText(TRAINING_LIMITS.title)
  title?: string;

  @OptionalTrimmedText(TRAINING_LIMITS.description)
  description?: string;

  @ApiPropertyOptional({ type: [StepDto], minItems: 1, maxItems: TRAINING_LIMITS.steps, description: 'Replaces the steps' })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TRAINING_LIMITS.steps)
  @ValidateNested({ each: true })
  @Type(() => StepDto)
  steps?: StepDto[];
}

export class PathListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['mine', 'managed'], description: 'mine: paths I follow; managed: paths I may edit' })
  @IsOptional()
  @IsIn(['mine', 'managed'])
  filter?: 'mine' | 'managed';
}

export class StepView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  position: number;
  @ApiProperty({ enum: STEP_KINDS })
  kind: StepKind;
  @ApiProperty()
  title: string;
  @ApiProperty()
  body: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  groupId: string | null;
  @ApiProperty({ description: 'Whether the caller has done it (false when not following the path)' })
  done: boolean;
}

export class MyProgressView {
  @ApiProperty()
  enrolled: boolean;
  @ApiProperty()
  done: number;
  @ApiProperty()
  total: number;
  @ApiProperty({ type: String, nullable: true })
  completedAt: string | null;
}

export class PathView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  title: string;
  @ApiProperty()
  description: string;
  @ApiProperty({ enum: AUDIENCES })
  audience: Audience;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  groupId: string | null;
  @ApiProperty({ enum: ['draft', 'published', 'archived'] })
  status: PathStatus;
  @ApiProperty({ type: String, nullable: true })
  publishedAt: string | null;
  @ApiProperty({ type: UserSummaryView })
  createdBy: UserSummary;
  @ApiProperty({ description: 'The caller may edit, publish and archive it, and read its progress' })
  canManage: boolean;
  @ApiProperty({ type: [StepView] })
  steps: StepView[];
  @ApiProperty({ type: MyProgressView })
  progress: MyProgressView;
}

export class DepartmentProgressView {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null: people with no department, and departments with fewer than 5 people on the path, together',
  })
  department: string | null;
  @ApiProperty()
  enrolled: number;
  @ApiProperty()
  completed: number;
}

export class StepProgressView {
  @ApiProperty({ format: 'uuid' })
  stepId: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ description: 'How many people following the path have done it' })
  done: number;
}

/** What the path's owners see: how far the people given it have got, overall, per step and by department. */
export class PathProgressView {
  @ApiProperty()
  enrolled: number;
  @ApiProperty()
  completed: number;
  @ApiProperty({ type: [StepProgressView] })
  steps: StepProgressView[];
  @ApiProperty({ type: [DepartmentProgressView] })
  byDepartment: DepartmentProgressView[];
}
