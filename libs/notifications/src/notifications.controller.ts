import { Body, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import {
  ApiController,
  ApiErrors,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  EnumParam,
  NoContent,
  type Page,
  PageQuery,
  UuidParam,
} from '@ruche/platform';
import { DigestService } from './digest.service.js';
import {
  DigestQuery,
  DigestView,
  MarkReadDto,
  MuteView,
  NotificationListQuery,
  NotificationView,
  PreferencesView,
  UnreadCountView,
  UpdatePreferencesDto,
} from './dto.js';
import { MUTABLE_TYPES, type MutableType } from './notification-kinds.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { NotificationsService } from './notifications.service.js';

const TypeParam = () => EnumParam('type', MUTABLE_TYPES);

@ApiController('notifications', 'notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly settings: NotificationSettingsService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's notifications, newest first (only those about what they may still see)" })
  @ApiPageResponse(NotificationView)
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationListQuery): Promise<Page<NotificationView>> {
    return this.notifications.list(user.id, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: "How many of the caller's notifications are unread (the bell's badge)" })
  @ApiOkResponse({ type: UnreadCountView })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountView> {
    return { count: await this.notifications.unreadCount(user.id) };
  }

  @Post('read')
  @ApiOperation({ summary: 'Mark some (`ids`), those of some kinds (`kinds`: a category) or all (`all: true`) notifications read; exactly one of the three' })
  @NoContent()
  async markRead(@CurrentUser() user: AuthUser, @Body() body: MarkReadDto): Promise<void> {
    await this.notifications.markRead(user.id, body);
  }

  @Get('preferences')
  @ApiOperation({ summary: 'Which kinds of notification the caller gets, and the email digest setting' })
  @ApiOkResponse({ type: PreferencesView })
  preferences(@CurrentUser() user: AuthUser): Promise<PreferencesView> {
    return this.settings.preferences(user.id);
  }

  @Put('preferences')
  @ApiOperation({ summary: 'Turn kinds on or off; kinds not given keep their setting' })
  @ApiOkResponse({ type: PreferencesView })
  setPreferences(@CurrentUser() user: AuthUser, @Body() body: UpdatePreferencesDto): Promise<PreferencesView> {
    return this.settings.setPreferences(user.id, body.preferences, body.digestEmail);
  }

  @Get('mutes')
  @ApiOperation({ summary: 'The posts and groups the caller muted, newest first' })
  @ApiPageResponse(MuteView)
  mutes(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<MuteView>> {
    return this.settings.mutes(user.id, query);
  }

  @Put('mutes/:type/:id')
  @ApiOperation({ summary: 'No more notifications about this post (comments, reactions, mentions) or this group' })
  @ApiParam({ name: 'type', enum: MUTABLE_TYPES })
  @NoContent()
  @ApiErrors({ notFound: 'No such post or group, or not visible to the caller' })
  async mute(@CurrentUser() user: AuthUser, @TypeParam() type: MutableType, @UuidParam('id') id: string): Promise<void> {
    await this.settings.mute(user.id, type, id);
  }

  @Delete('mutes/:type/:id')
  @ApiOperation({ summary: 'Notifications about this post or group again (idempotent)' })
  @ApiParam({ name: 'type', enum: MUTABLE_TYPES })
  @NoContent()
  async unmute(@CurrentUser() user: AuthUser, @TypeParam() type: MutableType, @UuidParam('id') id: string): Promise<void> {
    await this.settings.unmute(user.id, type, id);
  }
}

@ApiController('notifications', 'digest')
export class DigestController {
  constructor(private readonly digests: DigestService) {}

  @Get()
  @ApiOperation({ summary: 'What happened for me since `since` (default: the last 24 hours)' })
  @ApiOkResponse({ type: DigestView })
  digest(@CurrentUser() user: AuthUser, @Query() query: DigestQuery): Promise<DigestView> {
    return this.digests.digest(user.id, this.digests.sinceOf(query.since));
  }
}
