import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsTimeZone, MaxLength, ValidateIf } from 'class-validator';
import {
  IsId,
  OptionalInt,
  OptionalTrimmedText,
  PageCursor,
  TrimmedText,
  TrimmedTextList,
  UserSummaryView,
} from '@ruche/platform';
import type { UserSummary } from '@ruche/identity';
import type { ImportAction, ImportChange, ImportField, ImportReport, ImportRowReport } from './people-import-plan.js';
import type { ImportStatus } from './people-import.service.js';
import { MAX_SKILL_LENGTH, MAX_SKILLS } from './skill.js';

export const PROFILE_LIMITS = { displayName: 80, title: 100, department: 100, location: 100, bio: 2000 } as const;

/** The languages Ruche writes emails in (BCP 47 primary tags). */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A partial update of the caller's profile. Absent (or null) fields are left as they are; an
 * empty string clears a text field; `skills` replaces the declared set.
 */
export class UpdateMeDto {
  // Decorators apply bottom-up: this one runs last and overrides TrimmedText's "required" in OpenAPI.
  @ApiPropertyOptional({ maxLength: PROFILE_LIMITS.displayName })
  @IsOptional()
  @TrimmedText(PROFILE_LIMITS.displayName)
  displayName?: string;

  @OptionalTrimmedText(PROFILE_LIMITS.title)
  title?: string;

  @OptionalTrimmedText(PROFILE_LIMITS.department)
  department?: string;

  @OptionalTrimmedText(PROFILE_LIMITS.location)
  location?: string;

  @OptionalTrimmedText(PROFILE_LIMITS.bio)
  bio?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_SKILLS,
    description: `Replaces the declared skills (at most ${MAX_SKILLS}, ${MAX_SKILL_LENGTH} characters each). Spellings that differ only in case, spacing or accents are one skill.`,
  })
  @IsOptional()
  @TrimmedTextList(MAX_SKILLS, MAX_SKILL_LENGTH)
  skills?: string[];

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language of emails and digests (BCP 47: en or fr)' })
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Europe/Paris', description: 'An IANA time zone, for emails, digests and schedules' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Paris' })
  timeZone?: string;
}

/** A person's language and time zone as set (null: not set: English, UTC). */
export interface LocaleSettings {
  locale: Locale | null;
  timeZone: string | null;
}

export class SkillView {
  @ApiProperty({ description: 'As first declared' })
  name: string;
  @ApiProperty({ description: 'The normalised key, usable in `/users/:id/skills/:skill/endorsement`' })
  skill: string;
  @ApiProperty()
  endorsements: number;
}

export class ProfileSkillView extends SkillView {
  @ApiProperty()
  endorsedByMe: boolean;
}

export interface ProfileFields {
  title: string;
  department: string;
  location: string;
  bio: string;
}

/** A search by `q` returns at most this many people (it is not paged). */
export const PEOPLE_SEARCH_LIMITS = { max: 20, default: 10 } as const;
export const DIRECTORY_LIMITS = { max: 100, default: 20 } as const;

/**
 * `GET /api/users`: with `q`, find colleagues by handle or name (mention autocomplete, pickers);
 * without it, browse the directory of active people alphabetically, keyset-paged. Either way
 * `department` and `location` narrow the list (case and accents ignored; empty means no filter).
 */
export class PeopleQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'Start of a handle, or part of a name; absent: the whole directory' })
  @IsOptional()
  @TrimmedText(100)
  q?: string;

  @OptionalTrimmedText(PROFILE_LIMITS.department, 'Only people of this department (case and accents ignored)')
  department?: string;

  @OptionalTrimmedText(PROFILE_LIMITS.location, 'Only people at this location (case and accents ignored)')
  location?: string;

  @OptionalInt(
    1,
    DIRECTORY_LIMITS.max,
    DIRECTORY_LIMITS.default,
    `Directory page size (default ${DIRECTORY_LIMITS.default}); with q at most ${PEOPLE_SEARCH_LIMITS.max} (default ${PEOPLE_SEARCH_LIMITS.default})`,
  )
  limit?: number;

  @PageCursor(500, 'Opaque cursor from a previous directory page (not with q)')
  cursor?: string;
}

/** A person as the directory lists them: who, and where they work. */
export interface DirectoryEntry extends UserSummary {
  title: string;
  department: string;
  location: string;
}

/** {@link DirectoryEntry} for OpenAPI: the views that list people with where they work extend it. */
export class DirectoryEntryView extends UserSummaryView implements DirectoryEntry {
  @ApiProperty()
  title: string;
  @ApiProperty()
  department: string;
  @ApiProperty()
  location: string;
}

/** A person in the org chart: who, their role, and how many people report to them directly. */
export class OrgPerson extends DirectoryEntryView {
  @ApiProperty()
  reportsCount: number;
}

/** `GET /api/users/:id/org`: the person, their managers nearest first, and their direct reports by name. */
export class OrgChartView {
  @ApiProperty({ type: OrgPerson })
  person: OrgPerson;
  @ApiProperty({ type: [OrgPerson], description: 'Nearest first, up to the top' })
  managers: OrgPerson[];
  @ApiProperty({ type: [OrgPerson], description: 'Direct reports by name' })
  reports: OrgPerson[];
  @ApiProperty({ description: 'More direct reports than the chart shows: page through `GET /api/users/:id/reports`' })
  moreReports: boolean;
}

/** A profile as `GET /api/users/:id` shows it. */
export class ProfileView extends DirectoryEntryView implements ProfileFields {
  @ApiProperty({ description: 'Markdown' })
  bio: string;
  @ApiProperty({ description: '`bio` rendered once on the server: Markdown as sanitised HTML' })
  bioHtml: string;
  @ApiPropertyOptional({ enum: LOCALES, nullable: true, description: "Only on one's own profile (null: not set, English)" })
  locale?: Locale | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "Only on one's own profile (null: not set, UTC)" })
  timeZone?: string | null;
  @ApiProperty({ type: [ProfileSkillView] })
  skills: ProfileSkillView[];
  @ApiProperty()
  followers: number;
  @ApiProperty()
  following: number;
  @ApiProperty()
  followedByMe: boolean;
  @ApiProperty({ type: OrgPerson, nullable: true, description: 'Who the person reports to; a deactivated manager says so' })
  manager: OrgPerson | null;
  @ApiProperty({ description: 'How many people report to them directly' })
  reportsCount: number;
}

const IMPORT_FIELDS = ['displayName', 'title', 'department', 'location', 'manager'] as const satisfies readonly ImportField[];
const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const satisfies readonly ImportAction[];
const IMPORT_STATUSES = ['dry_run', 'queued', 'applying', 'applied', 'failed'] as const satisfies readonly ImportStatus[];

export class ImportChangeView implements ImportChange {
  @ApiProperty({ enum: IMPORT_FIELDS, description: '`manager` is shown by email' })
  field: ImportField;
  @ApiProperty()
  before: string;
  @ApiProperty()
  after: string;
}

/** One row of an import's report. */
export class ImportRowReportView implements ImportRowReport {
  @ApiProperty({ description: 'Line in the file (the header is line 1)' })
  line: number;
  @ApiProperty()
  email: string;
  @ApiProperty({ enum: IMPORT_ACTIONS })
  action: ImportAction;
  @ApiProperty({ type: [ImportChangeView] })
  changes: ImportChangeView[];
  @ApiProperty({ type: [String] })
  errors: string[];
}

export class ImportReportView implements ImportReport {
  @ApiProperty()
  total: number;
  @ApiProperty()
  create: number;
  @ApiProperty()
  update: number;
  @ApiProperty()
  unchanged: number;
  @ApiProperty()
  errors: number;
  @ApiProperty({ type: [ImportRowReportView], description: "In the file's order" })
  rows: ImportRowReportView[];
}

/** `GET /api/admin/people/imports/:id`. */
export class PeopleImportView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  fileName: string;
  @ApiProperty({
    enum: IMPORT_STATUSES,
    description: 'dry_run: checked, nothing written yet; queued/applying: the job is on it; applied; failed (`error` says why)',
  })
  status: ImportStatus;
  @ApiProperty({ description: 'Rows in the file' })
  total: number;
  @ApiProperty({ description: 'Rows the job has gone through (progress while applying)' })
  processed: number;
  @ApiProperty({ type: ImportReportView, description: 'What the dry run found the file would change' })
  report: ImportReportView;
  @ApiProperty({
    type: ImportReportView,
    nullable: true,
    description: 'What applying did, row by row (checked again against the company as it was then); null until applied',
  })
  result: ImportReportView | null;
  @ApiProperty({ type: String, nullable: true })
  error: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
}

/** `PUT /api/admin/users/:id/manager`: the person's manager, or null for none. */
export class SetManagerDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The new manager, or null to clear it' })
  @ValidateIf((_o: object, value: unknown) => value !== null)
  @IsId()
  managerId: string | null;
}
