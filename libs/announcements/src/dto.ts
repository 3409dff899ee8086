import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import type { AnnouncementView as AnnouncementEventView } from '@ruche/contracts';
import type { UserSummary } from '@ruche/identity';
import { OptionalDateTime, OptionalId, PageQuery, TrimmedText, TrimmedTextList, UserSummaryView } from '@ruche/platform';

export const ANNOUNCEMENT_LIMITS = { title: 200, body: 20_000, places: 50, place: 100, scheduleDays: 366 } as const;

export class AudienceDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: ANNOUNCEMENT_LIMITS.places,
    description: 'Only people in one of these departments',
  })
  @IsOptional()
  @TrimmedTextList(ANNOUNCEMENT_LIMITS.places, ANNOUNCEMENT_LIMITS.place)
  departments?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: ANNOUNCEMENT_LIMITS.places,
    description: 'Only people in one of these locations',
  })
  @IsOptional()
  @TrimmedTextList(ANNOUNCEMENT_LIMITS.places, ANNOUNCEMENT_LIMITS.place)
  locations?: string[];
}

export class CreateAnnouncementDto {
  @TrimmedText(ANNOUNCEMENT_LIMITS.title)
  title: string;

  @TrimmedText(ANNOUNCEMENT_LIMITS.body, 'Plain text or Markdown (stored as written)')
  body: string;

  @OptionalId("A group's announcement (its owners and admins); omit for the whole company (admins)")
  groupId?: string;

  @ApiPropertyOptional({ type: AudienceDto, description: 'Narrows the audience; fixed when it is published' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience?: AudienceDto;

  @OptionalDateTime('When it goes out (in the future, within a year); omit: now')
  publishAt?: string;

  @OptionalDateTime('When it unpins (after publishAt); omit: pinned until read')
  expiresAt?: string;
}

export class AnnouncementListQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only what is pinned for me (published, not expired, not yet read)',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'pinned must be true or false' })
  pinned?: 'true' | 'false';
}

export const RECEIPT_LISTS = ['unread', 'read'] as const;
export type ReceiptList = (typeof RECEIPT_LISTS)[number];

export class ReceiptsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RECEIPT_LISTS, default: 'unread', description: 'Which people to list' })
  @IsOptional()
  @IsIn(RECEIPT_LISTS, { message: 'list must be unread or read' })
  list?: ReceiptList;
}

export class AudienceView {
  @ApiProperty({ type: [String] })
  departments: string[];
  @ApiProperty({ type: [String] })
  locations: string[];
}

export class AnnouncementView implements AnnouncementEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  title: string;
  @ApiProperty()
  body: string;
  @ApiProperty({ type: UserSummaryView })
  author: UserSummary;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  groupId: string | null;
  @ApiProperty({ type: AudienceView })
  audience: AudienceView;
  @ApiProperty({ format: 'date-time' })
  publishAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null while scheduled' })
  publishedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt: string | null;
  @ApiProperty({ description: 'Published and not expired' })
  live: boolean;
  @ApiProperty({ description: 'People it was addressed to when published' })
  recipientCount: number;
  @ApiProperty({ description: 'Whether the caller was addressed (people who joined later see it without counting)' })
  isRecipient: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the caller read it; null while unread' })
  acknowledgedAt: string | null;
}

/** How many were addressed, and of them how many read it and how many not yet. */
class ReceiptCountsView {
  @ApiProperty()
  recipients: number;
  @ApiProperty()
  read: number;
  @ApiProperty()
  unread: number;
}

export class DepartmentReceiptView extends ReceiptCountsView {
  @ApiProperty({ description: "The department as it was when published ('' when none)" })
  department: string;
}

export class ReceiptPersonView {
  @ApiProperty({ type: UserSummaryView })
  user: UserSummary;
  @ApiProperty()
  department: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  acknowledgedAt: string | null;
}

export class ReceiptsView extends ReceiptCountsView {
  @ApiProperty({ format: 'uuid' })
  announcementId: string;
  @ApiProperty({ type: [DepartmentReceiptView], description: 'By department, most recipients first' })
  byDepartment: DepartmentReceiptView[];
  @ApiProperty({ enum: RECEIPT_LISTS })
  list: ReceiptList;
  @ApiProperty({ type: [ReceiptPersonView], description: 'unread: by id; read: most recent first' })
  items: ReceiptPersonView[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class ReminderView {
  @ApiProperty({ format: 'date', description: 'The UTC day of this reminder (one a day)' })
  day: string;
  @ApiProperty({ description: 'Unread recipients reminded' })
  unread: number;
}
