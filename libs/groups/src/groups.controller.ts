import { Body, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiController,
  ApiErrors,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  NoContent,
  type Page,
  PageQuery,
  UuidParam,
} from '@ruche/platform';
import { BansService } from './bans.service.js';
import {
  BanView,
  CreateBanDto,
  CreateGroupDto,
  GroupCardView,
  GroupListQuery,
  GroupView,
  JoinRequestView,
  JoinView,
  MemberListQuery,
  MemberView,
  MyJoinRequestView,
  RequestDecisionView,
  SetRoleDto,
  UpdateGroupDto,
} from './dto.js';
import { GroupCatalogService } from './group-catalog.service.js';
import { MembershipsService } from './memberships.service.js';

const HIDDEN = 'The group does not exist, or it is private and the caller is not a member';

@ApiController('groups', 'groups')
export class GroupsController {
  constructor(
    private readonly catalog: GroupCatalogService,
    private readonly memberships: MembershipsService,
    private readonly bans: BansService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a group; the caller becomes its owner' })
  @ApiCreatedResponse({ type: GroupView })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateGroupDto): Promise<GroupView> {
    return this.catalog.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'Public groups and the private groups the caller belongs to, newest first' })
  @ApiPageResponse(GroupCardView)
  list(@CurrentUser() user: AuthUser, @Query() query: GroupListQuery): Promise<Page<GroupCardView>> {
    return this.catalog.list(user.id, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The group; a pending requester of a private group gets the card only (no guidelines)' })
  @ApiOkResponse({ type: GroupView })
  @ApiErrors({ notFound: HIDDEN })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<GroupView | GroupCardView> {
    return this.catalog.get(user.id, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit name, description, guidelines or visibility (owners and admins)' })
  @ApiOkResponse({ type: GroupView })
  @ApiErrors({ forbidden: 'Not an owner or admin of this group', notFound: HIDDEN })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdateGroupDto): Promise<GroupView> {
    return this.catalog.update(user, id, body);
  }

  @Post(':id/join')
  @HttpCode(200)
  @ApiOperation({ summary: 'Join a public group, or ask to join a private one (idempotent)' })
  @ApiOkResponse({ type: JoinView })
  @ApiErrors({ forbidden: 'Banned from this group' })
  join(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<JoinView> {
    return this.memberships.join(user, id);
  }

  @Get(':id/requests')
  @ApiOperation({ summary: 'Pending join requests, oldest first (owners and admins)' })
  @ApiPageResponse(JoinRequestView)
  requests(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: PageQuery,
  ): Promise<Page<JoinRequestView>> {
    return this.memberships.requests(user, id, query);
  }

  @Post(':id/requests/:userId/approve')
  @ApiOperation({ summary: 'Approve a pending join request (owners and admins): the requester becomes a member' })
  @HttpCode(200)
  @ApiOkResponse({ type: RequestDecisionView })
  @ApiErrors({ notFound: `${HIDDEN}; or no pending request from this person` })
  approve(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
  ): Promise<RequestDecisionView> {
    return this.memberships.approve(user, id, userId);
  }

  @Post(':id/requests/:userId/reject')
  @ApiOperation({ summary: 'Reject a pending join request (owners and admins)' })
  @HttpCode(200)
  @ApiOkResponse({ type: RequestDecisionView })
  @ApiErrors({ notFound: `${HIDDEN}; or no pending request from this person` })
  reject(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
  ): Promise<RequestDecisionView> {
    return this.memberships.reject(user, id, userId);
  }

  @Get(':id/members')
  @ApiOperation({ summary: 'Members in join order, with their roles' })
  @ApiPageResponse(MemberView)
  @ApiErrors({ notFound: HIDDEN })
  members(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: MemberListQuery,
  ): Promise<Page<MemberView>> {
    return this.memberships.members(user.id, id, query);
  }

  @Put(':id/members/:userId')
  @ApiOperation({ summary: "Set a member's role (owners); `owner` shares ownership" })
  @ApiOkResponse({ type: MemberView })
  @ApiErrors({ conflict: 'The last owner cannot step down' })
  setRole(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
    @Body() body: SetRoleDto,
  ): Promise<MemberView> {
    return this.memberships.setRole(user, id, userId, body.role);
  }

  @Delete(':id/members/:userId')
  @ApiOperation({ summary: 'Leave (self; also withdraws a pending request) or remove a member (owners; admins: members only)' })
  @NoContent()
  @ApiErrors({ conflict: 'The last owner cannot leave' })
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @UuidParam('userId') userId: string): Promise<void> {
    await this.memberships.remove(user, id, userId);
  }

  @Post(':id/bans')
  @ApiOperation({ summary: 'Ban someone from the group (owners, admins, moderators); removes their membership' })
  @ApiCreatedResponse({ type: BanView })
  @ApiErrors({ conflict: 'Already banned, or the last owner' })
  ban(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: CreateBanDto): Promise<BanView> {
    return this.bans.ban(user, id, body);
  }

  @Get(':id/bans')
  @ApiOperation({ summary: 'Bans in force, newest first (owners, admins, moderators)' })
  @ApiPageResponse(BanView)
  listBans(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: PageQuery): Promise<Page<BanView>> {
    return this.bans.list(user, id, query);
  }

  @Delete(':id/bans/:userId')
  @ApiOperation({ summary: 'Lift the ban in force' })
  @NoContent()
  async unban(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @UuidParam('userId') userId: string): Promise<void> {
    await this.bans.unban(user, id, userId);
  }
}

/** The caller's own side of groups. */
@ApiController('groups', 'me')
export class MyGroupsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get('group-requests')
  @ApiOperation({
    summary: 'My pending requests to join groups, newest first; withdraw one with DELETE /groups/:id/members/<my id>',
  })
  @ApiPageResponse(MyJoinRequestView)
  requests(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<MyJoinRequestView>> {
    return this.memberships.myRequests(user.id, query);
  }
}
