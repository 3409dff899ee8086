import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsTimeZone, MaxLength, ValidateIf } from 'class-validator';
import { IsId, OptionalInt, OptionalTrimmedText, TrimmedText, TrimmedTextList } from '@ruche/platform';
import type { UserSummary } from '@ruche/identity';
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

export interface SkillView {
  name: string;
  /** The normalised key, usable in `/users/:id/skills/:skill/endorsement`. */
  skill: string;
  endorsements: number;
}

export interface ProfileSkillView extends SkillView {
  endorsedByMe: boolean;
}

export interface ProfileFields {
  title: string;
  department: string;
  location: string;
  bio: string;
}

export interface ProfileView extends UserSummary, ProfileFields {
  /** `bio` rendered once on the server (Markdown, sanitised HTML: #14). */
  bioHtml: string;
  /** Only on one's own profile. */
  locale?: Locale | null;
  /** Only on one's own profile. */
  timeZone?: string | null;
  skills: ProfileSkillView[];
  followers: number;
  following: number;
  followedByMe: boolean;
  /** Who the person reports to (org directory, #15); a deactivated manager says so. */
  manager: OrgPerson | null;
  /** How many people report to them directly. */
  reportsCount: number;
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

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous directory page (not with q)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** A person as the directory lists them: who, and where they work. */
export interface DirectoryEntry extends UserSummary {
  title: string;
  department: string;
  location: string;
}

/** {@link DirectoryEntry} for OpenAPI: the views that list people with where they work extend it. */
export class DirectoryEntryView implements DirectoryEntry {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  handle: string;
  @ApiProperty()
  displayName: string;
  @ApiProperty()
  title: string;
  @ApiProperty()
  department: string;
  @ApiProperty()
  location: string;
}

/** A person in the org chart: who, their role, and how many people report to them directly. */
export interface OrgPerson extends DirectoryEntry {
  reportsCount: number;
}

/** `GET /api/users/:id/org`: the person, their managers nearest first, and their direct reports by name. */
export interface OrgChartView {
  person: OrgPerson;
  managers: OrgPerson[];
  reports: OrgPerson[];
  /** More direct reports than the chart shows: page through `GET /api/users/:id/reports`. */
  moreReports: boolean;
}

/** `PUT /api/admin/users/:id/manager`: the person's manager, or null for none. */
export class SetManagerDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The new manager, or null to clear it' })
  @ValidateIf((_o: object, value: unknown) => value !== null)
  @IsId()
  managerId: string | null;
}
