import { Body, Delete, Get, Param, Patch, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { UserSummary } from '@ruche/identity';
import {
  ApiController,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  NoContent,
  type Page,
  PageQuery,
  Permission,
  RequirePermission,
  UserSummaryView,
  UuidParam,
} from '@ruche/platform';
import {
  type DirectoryEntry,
  DirectoryEntryView,
  OrgChartView,
  OrgPerson,
  PeopleQuery,
  ProfileView,
  SetManagerDto,
  UpdateMeDto,
} from './dto.js';
import { OrgChartService } from './org-chart.service.js';
import { PeopleDirectory } from './people-directory.service.js';
import { PeopleService } from './people.service.js';

@ApiController('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly directory: PeopleDirectory,
    private readonly orgChart: OrgChartService,
  ) {}

  /**
   * With `q`: colleagues by handle or name, best first (`nextCursor` is always null). Without it:
   * the directory of active people by name, keyset-paged, each with title, department and location.
   */
  @Get('users')
  @ApiOperation({
    summary:
      'With `q`: colleagues by handle or name, best first (one page: `nextCursor` null). Without: the directory of active people by name, with title, department and location',
  })
  @ApiPageResponse(
    [DirectoryEntryView, UserSummaryView],
    'Directory entries; with `q`, people as { id, handle, displayName } only',
  )
  list(@Query() query: PeopleQuery): Promise<Page<UserSummary | DirectoryEntry>> {
    return this.directory.list(query);
  }

  @Get('users/:id')
  @ApiOperation({ summary: "A person's profile: skills with endorsements, follow counts, manager" })
  @ApiOkResponse({ type: ProfileView })
  profile(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ProfileView> {
    return this.people.profile(user.id, id);
  }

  /** Direct reports, paged (by id: stable while the team changes). */
  @Get('users/:id/reports')
  @ApiOperation({ summary: "A person's direct reports, paged" })
  @ApiPageResponse(OrgPerson)
  reports(@UuidParam('id') id: string, @Query() page: PageQuery): Promise<Page<OrgPerson>> {
    return this.orgChart.reports(id, page);
  }

  /** The org chart around a person: their managers up to the top (nearest first) and direct reports. */
  @Get('users/:id/org')
  @ApiOperation({ summary: 'The org chart around a person: their managers up to the top (nearest first) and direct reports' })
  @ApiOkResponse({ type: OrgChartView })
  org(@UuidParam('id') id: string): Promise<OrgChartView> {
    return this.orgChart.chart(id);
  }

  /** Sets (or clears, with null) a person's manager; 409 `manager_cycle` when they would end up above themselves. */
  @Put('admin/users/:id/manager')
  @ApiOperation({
    summary: "Set (or clear, with null) a person's manager (admins); 409 manager_cycle when they would end up above themselves",
  })
  @RequirePermission(Permission.ManageDirectory)
  @ApiOkResponse({ type: OrgChartView, description: 'The org chart around the person, as GET /users/:id/org' })
  setManager(@UuidParam('id') id: string, @Body() body: SetManagerDto): Promise<OrgChartView> {
    return this.orgChart.setManager(id, body.managerId);
  }

  @Patch('me')
  @ApiOperation({
    summary: "Edit the caller's profile: absent fields are kept, an empty string clears, `skills` replaces the set",
  })
  @ApiOkResponse({ type: ProfileView })
  updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto): Promise<ProfileView> {
    return this.people.updateProfile(user.id, body);
  }

  @Put('users/:id/follow')
  @ApiOperation({ summary: 'Follow a person (idempotent)' })
  @NoContent()
  async follow(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.people.follow(user.id, id);
  }

  @Delete('users/:id/follow')
  @ApiOperation({ summary: 'Stop following a person (idempotent)' })
  @NoContent()
  async unfollow(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.people.unfollow(user.id, id);
  }

  @Get('users/:id/followers')
  @ApiOperation({ summary: 'Who follows a person, paged' })
  @ApiPageResponse(UserSummaryView)
  followers(@UuidParam('id') id: string, @Query() page: PageQuery): Promise<Page<UserSummary>> {
    return this.people.followers(id, page);
  }

  @Get('users/:id/following')
  @ApiOperation({ summary: 'Whom a person follows, paged' })
  @ApiPageResponse(UserSummaryView)
  following(@UuidParam('id') id: string, @Query() page: PageQuery): Promise<Page<UserSummary>> {
    return this.people.following(id, page);
  }

  /** `:skill` is any spelling of a skill the person declared (URL-encoded). */
  @Put('users/:id/skills/:skill/endorsement')
  @ApiOperation({ summary: "Endorse a skill a person declared (idempotent; not one's own)" })
  @NoContent()
  async endorse(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Param('skill') skill: string): Promise<void> {
    await this.people.endorse(user.id, id, skill);
  }

  @Delete('users/:id/skills/:skill/endorsement')
  @ApiOperation({ summary: 'Take back an endorsement (idempotent)' })
  @NoContent()
  async unendorse(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Param('skill') skill: string): Promise<void> {
    await this.people.unendorse(user.id, id, skill);
  }
}
