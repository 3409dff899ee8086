import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { COLLEAGUE_REASONS, type ColleagueReason, DirectoryEntryView } from '@ruche/people';
import { GroupCardView } from '@ruche/groups';
import { OptionalInt } from '@ruche/platform';

export const SUGGESTION_LIMITS = { max: 20, default: 6 } as const;

export class SuggestionsQuery {
  @OptionalInt(1, SUGGESTION_LIMITS.max, SUGGESTION_LIMITS.default, 'At most this many of each: colleagues, groups, skills')
  limit?: number;
}

export class SuggestedColleagueView extends DirectoryEntryView {
  @ApiProperty({
    enum: COLLEAGUE_REASONS,
    description:
      'manager: your manager; report: reports to you; department: same department; group: shares a group with you; popular: among the most followed (when little else is known)',
  })
  reason: ColleagueReason;
}

export class SuggestedGroupView extends GroupCardView {
  @ApiProperty({ description: 'How many people of your department belong to it' })
  colleagues: number;
}

export class SuggestedSkillView {
  @ApiProperty({ description: 'Its most common spelling' })
  name: string;
  @ApiProperty({ description: 'The normalised key' })
  skill: string;
  @ApiProperty({ description: 'How many people of your department (or the company) declared it' })
  people: number;
}

/** `GET /api/me/suggestions`: where a new person starts (#16). */
export class SuggestionsView {
  @ApiProperty({ type: [SuggestedColleagueView], description: 'Not yet followed, active, closest first' })
  colleagues: SuggestedColleagueView[];
  @ApiProperty({ type: [SuggestedGroupView], description: 'Public groups not joined, popular in your department first' })
  groups: SuggestedGroupView[];
  @ApiProperty({ type: [SuggestedSkillView], description: 'Skills your department declares that you have not' })
  skills: SuggestedSkillView[];
}

export const FIRST_RUN_OUTCOMES = ['finished', 'skipped'] as const;
export type FirstRunOutcome = (typeof FIRST_RUN_OUTCOMES)[number];

export class FirstRunDto {
  @ApiProperty({ enum: FIRST_RUN_OUTCOMES })
  @IsIn(FIRST_RUN_OUTCOMES, { message: `outcome must be one of ${FIRST_RUN_OUTCOMES.join(', ')}` })
  outcome: FirstRunOutcome;
}

export class FirstRunView {
  @ApiProperty({
    description:
      'Show the first-run screen now: the company onboarding path was given to you (a new account) and you have neither finished nor skipped it',
  })
  due: boolean;
  @ApiProperty({ enum: FIRST_RUN_OUTCOMES, nullable: true, type: String, description: 'null: neither finished nor skipped yet' })
  outcome: FirstRunOutcome | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
}
