import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, ApiErrors, ApiPageResponse, type AuthUser, CurrentUser, type Page, UuidParam } from '@ruche/platform';
import { AnnouncementsService } from './announcements.service.js';
import {
  AnnouncementListQuery,
  AnnouncementView,
  CreateAnnouncementDto,
  ReceiptsQuery,
  ReceiptsView,
  ReminderView,
} from './dto.js';

@ApiController('announcements', 'announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Post()
  @ApiOperation({
    summary: 'Publish a must-read announcement: company-wide (admins) or to a group (its owners and admins), now or at publishAt',
  })
  @ApiCreatedResponse({ type: AnnouncementView })
  @ApiErrors({
    forbidden: 'Not an admin (company-wide), or not an owner or admin of the group',
    notFound: 'No such group, or a private group the caller is not in',
  })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateAnnouncementDto): Promise<AnnouncementView> {
    return this.announcements.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'Mine, unread first; pinned=true: published, not expired, not yet read by me' })
  @ApiPageResponse(AnnouncementView)
  list(@CurrentUser() user: AuthUser, @Query() query: AnnouncementListQuery): Promise<Page<AnnouncementView>> {
    return this.announcements.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One announcement its audience (or an announcer) may see' })
  @ApiOkResponse({ type: AnnouncementView })
  @ApiErrors({ notFound: true })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AnnouncementView> {
    return this.announcements.get(user, id);
  }

  @Post(':id/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark it read (idempotent): it unpins' })
  @ApiOkResponse({ type: AnnouncementView })
  @ApiErrors({ conflict: 'Not published yet' })
  acknowledge(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AnnouncementView> {
    return this.announcements.acknowledge(user, id);
  }

  @Get(':id/receipts')
  @ApiOperation({ summary: 'Read and unread, overall and by department, and the people (author and admins)' })
  @ApiOkResponse({ type: ReceiptsView })
  @ApiErrors({ forbidden: 'Not the author, nor an admin of its scope' })
  receipts(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: ReceiptsQuery): Promise<ReceiptsView> {
    return this.announcements.receipts(user, id, query);
  }

  @Post(':id/remind')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remind the unread (author and admins), once a day' })
  @ApiOkResponse({ type: ReminderView })
  @ApiErrors({ conflict: 'Already reminded today, or not live' })
  remind(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ReminderView> {
    return this.announcements.remind(user, id);
  }
}
