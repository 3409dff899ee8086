import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UserSummary } from '@ruche/identity';
import { type AuthUser, CurrentUser, type Page, PageQuery, Permission, RequirePermission, UuidParam } from '@ruche/platform';
import { type DirectoryEntry, type OrgChartView, type OrgPerson, PeopleQuery, type ProfileView, SetManagerDto, UpdateMeDto } from './dto.js';
import { OrgChartService } from './org-chart.service.js';
import { PeopleDirectory } from './people-directory.service.js';
import { PeopleService } from './people.service.js';

@ApiTags('people')
@ApiBearerAuth()
@Controller()
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
  list(@Query() query: PeopleQuery): Promise<Page<UserSummary | DirectoryEntry>> {
    return this.directory.list(query);
  }

  @Get('users/:id')
  profile(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ProfileView> {
    return this.people.profile(user.id, id);
  }

  /** Direct reports, paged (by id: stable while the team changes). */
  @Get('users/:id/reports')
  reports(@UuidParam('id') id: string, @Query() page: PageQuery): Promise<Page<OrgPerson>> {
    return this.orgChart.reports(id, page);
  }

  /** The org chart around a person: their managers up to the top (nearest first) and direct reports. */
  @Get('users/:id/org')
  org(@UuidParam('id') id: string): Promise<OrgChartView> {
    return this.orgChart.chart(id);
  }

  /** Sets (or clears, with null) a person's manager; 409 `manager_cycle` when they would end up above themselves. */
  @Put('admin/users/:id/manager')
  @RequirePermission(Permission.ManageDirectory)
  setManager(@UuidParam('id') id: string, @Body() body: SetManagerDto): Promise<OrgChartView> {
    return this.orgChart.setManager(id, body.managerId);
  }

  @Patch('me')
  updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto): Promise<ProfileView> {
    return this.people.updateProfile(user.id, body);
  }

  @Put('users/:id/follow')
  @HttpCode(204)
  async follow(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.people.follow(user.id, id);
  }

  @Delete('users/:id/follow')
  @HttpCode(204)
  async unfollow(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.people.unfollow(user.id, id);
  }

  @Get('users/:id/followers')
  followers(@UuidParam('id') id: string, @Query() page: PageQuery): Promise<Page<UserSummary>> {
    return this.people.followers(id, page);
  }

  @Get('users/:id/following')
  following(@UuidParam('id') id: string, @Query() page: PageQuery): Promise<Page<UserSummary>> {
    return this.people.following(id, page);
  }

  /** `:skill` is any spelling of a skill the person declared (URL-encoded). */
  @Put('users/:id/skills/:skill/endorsement')
  @HttpCode(204)
  async endorse(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Param('skill') skill: string): Promise<void> {
    await this.people.endorse(user.id, id, skill);
  }

  @Delete('users/:id/skills/:skill/endorsement')
  @HttpCode(204)
  async unendorse(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Param('skill') skill: string): Promise<void> {
    await this.people.unendorse(user.id, id, skill);
  }
}
