import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { IsId, OptionalDateTime, OptionalTrimmedText, PageQuery, TrimmedText, UserSummaryView } from '@ruche/platform';
import type { GroupEventView } from '@ruche/contracts';
import type { UserSummary } from '@ruche/identity';
import { GROUP_HANDLE_MAX, GROUP_HANDLE_PATTERN } from './group-handle.js';
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

/** An optional group handle, trimmed and lower-cased (reserved names are refused by the service). */
const OptionalHandle = () =>
  applyDecorators(
    ApiPropertyOptional({
      maxLength: GROUP_HANDLE_MAX,
      pattern: GROUP_HANDLE_PATTERN.source,
      description: "The group's email address is <handle>@<SMTP_INBOUND_DOMAIN>; omitted on create: made from the name",
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsString(),
    Matches(GROUP_HANDLE_PATTERN, { message: 'handle must be 2 to 40 lower-case letters, digits or single inner hyphens' }),
  );

export class CreateGroupDto {
  @TrimmedText(GROUP_LIMITS.name)
  name: string;

  @OptionalTrimmedText(GROUP_LIMITS.description)
  description?: string;

  @OptionalTrimmedText(
    GROUP_LIMITS.guidelines,
    'Community guidelines, Markdown (also returned rendered and sanitised, `guidelinesHtml`)',
  )
  guidelines: string;

  @ApiProperty({ enum: GROUP_VISIBILITIES })
  @IsIn(GROUP_VISIBILITIES, oneOf(GROUP_VISIBILITIES, 'visibility'))
  visibility: GroupVisibility;

  @OptionalHandle()
  handle?: string;
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
  guidelines: string;

  @ApiPropertyOptional({ enum: GROUP_VISIBILITIES })
  @IsOptional()
  @IsIn(GROUP_VISIBILITIES, oneOf(GROUP_VISIBILITIES, 'visibility'))
  visibility?: GroupVisibility;

  @OptionalHandle()
  handle?: string;
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

  @OptionalDateTime('When the ban ends (in the future); omit for a ban until lifted')
  until?: string;

  @TrimmedText(GROUP_LIMITS.banReason)
  reason: string;
}

export class GroupCardView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ description: "Unique; the group's email address is <handle>@<SMTP_INBOUND_DOMAIN>" })
  handle: string;
  @ApiProperty()
  description: string;
  @ApiProperty({ description: '`description` rendered once on the server: Markdown as sanitised HTML' })
  descriptionHtml: string;
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
  // Optional in the document only: GET /api/groups/:id answers a pending requester of a private
  // group with the card (GroupCardView), not what is inside, under this same schema.
  @ApiPropertyOptional({ description: 'Community guidelines, Markdown; absent for a pending requester of a private group' })
  guidelines: string;
  @ApiPropertyOptional({
    description: '`guidelines` rendered once on the server: Markdown as sanitised HTML; absent as `guidelines` is',
  })
  guidelinesHtml: string;
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
  @ApiProperty({ type: UserSummaryView })
  user: UserSummary;
  @ApiProperty({ enum: MEMBER_ROLES })
  role: MemberRole;
  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}

export class JoinRequestView {
  @ApiProperty({ type: UserSummaryView })
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
  @ApiProperty({ type: UserSummaryView })
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
