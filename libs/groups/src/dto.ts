import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional } from 'class-validator';
import { IsId, OptionalTrimmedText, PageQuery, TrimmedText } from '@ruche/platform';
import type { GroupEventView } from '@ruche/contracts';
import type { UserSummary } from '@ruche/identity';
import {
  GROUP_ROLES,
  GROUP_VISIBILITIES,
  type GroupRole,
  type GroupVisibility,
  MEMBER_ROLES,
  type MemberRole,
} from './group-rules.js';

export const GROUP_LIMITS = { name: 100, description: 2000, guidelines: 20_000, banReason: 1000, search: 100 } as const;

const oneOf = (values: readonly string[], property: string) => ({ message: `${property} must be one of ${values.join(', ')}` });

export class CreateGroupDto {
  @TrimmedText(GROUP_LIMITS.name)
  name: string;

  @OptionalTrimmedText(GROUP_LIMITS.description)
  description?: string;

  @OptionalTrimmedText(GROUP_LIMITS.guidelines, 'Community guidelines, Markdown (stored as written, never rendered by the API)')
  guidelines?: string;

  @ApiProperty({ enum: GROUP_VISIBILITIES })
  @IsIn(GROUP_VISIBILITIES, oneOf(GROUP_VISIBILITIES, 'visibility'))
  visibility: GroupVisibility;
}

/** A partial update: absent (or null) fields are kept; an empty string clears description or guidelines. */
export class UpdateGroupDto {
  // Decorators apply bottom-up: this one runs last and overrides TrimmedText's "required" in OpenAPI.
  @ApiPropertyOptional({ maxLength: GROUP_LIMITS.name })
  @IsOptional()
  @TrimmedText(GROUP_LIMITS.name)
  name?: string;

  @OptionalTrimmedText(GROUP_LIMITS.description)
  description?: string;

  @OptionalTrimmedText(GROUP_LIMITS.guidelines, 'Community guidelines, Markdown')
  guidelines?: string;

  @ApiPropertyOptional({ enum: GROUP_VISIBILITIES })
  @IsOptional()
  @IsIn(GROUP_VISIBILITIES, oneOf(GROUP_VISIBILITIES, 'visibility'))
  visibility?: GroupVisibility;
}

export class GroupListQuery extends PageQuery {
  @OptionalTrimmedText(GROUP_LIMITS.search, 'Part of the group name (case-insensitive)')
  q?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only groups the caller belongs to' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;
}

export class MemberListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MEMBER_ROLES })
  @IsOptional()
  @IsIn(MEMBER_ROLES, oneOf(MEMBER_ROLES, 'role'))
  role?: MemberRole;
}

export class SetRoleDto {
  @ApiProperty({
    enum: MEMBER_ROLES,
    description: '`owner` shares ownership; the previous owner stays owner until they step down',
  })
  @IsIn(MEMBER_ROLES, oneOf(MEMBER_ROLES, 'role'))
  role: MemberRole;
}

export class CreateBanDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  userId: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the ban ends (in the future); omit for a ban until lifted' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'until must be an ISO-8601 date-time' })
  until?: string;

  @TrimmedText(GROUP_LIMITS.banReason)
  reason: string;
}

export class GroupCardView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  description: string;
  @ApiProperty({ enum: GROUP_VISIBILITIES })
  visibility: GroupVisibility;
  @ApiProperty({ description: 'Owners, admins and members (pending requests are not counted)' })
  memberCount: number;
  @ApiProperty({ enum: GROUP_ROLES, nullable: true, type: String, description: "The caller's role, null when not a member" })
  myRole: GroupRole | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  createdBy: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class GroupView extends GroupCardView implements Omit<GroupEventView, 'myRole'> {
  @ApiProperty({ description: 'Community guidelines, Markdown' })
  guidelines: string;
}

/** A group as events carry it: the same for every recipient, so without `myRole`. */
export type { GroupEventView } from '@ruche/contracts';

export class JoinView {
  @ApiProperty({ format: 'uuid' })
  groupId: string;
  @ApiProperty({
    enum: GROUP_ROLES,
    description: '`member` for a public group, `pending` for a private one (or the role already held)',
  })
  myRole: GroupRole;
}

export class MemberView {
  @ApiProperty({ description: '{ id, handle, displayName }' })
  user: UserSummary;
  @ApiProperty({ enum: MEMBER_ROLES })
  role: MemberRole;
  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}

export class JoinRequestView {
  @ApiProperty({ description: '{ id, handle, displayName }' })
  user: UserSummary;
  @ApiProperty({ format: 'date-time' })
  requestedAt: string;
}

/** One of my own pending requests: the group's card (`myRole: "pending"`) and when I asked. */
export class MyJoinRequestView {
  @ApiProperty({ type: GroupCardView })
  group: GroupCardView;
  @ApiProperty({ format: 'date-time' })
  requestedAt: string;
}

export class RequestDecisionView {
  @ApiProperty({ format: 'uuid' })
  groupId: string;
  @ApiProperty({ format: 'uuid' })
  userId: string;
  @ApiProperty({ enum: ['approved', 'rejected'] })
  decision: 'approved' | 'rejected';
  @ApiProperty({ enum: ['member'], nullable: true, type: String })
  role: 'member' | null;
}

export class BanView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  groupId: string;
  @ApiProperty({ description: '{ id, handle, displayName }' })
  user: UserSummary;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null: until lifted' })
  until: string | null;
  @ApiProperty()
  reason: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  bannedBy: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
