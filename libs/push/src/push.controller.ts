import { Body, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, type AuthUser, CurrentUser } from '@ruche/platform';
import type { FastifyRequest } from 'fastify';
import { PushSettingsView, PushTestView, QuietHoursDto, SubscribeDto, SubscriptionView, UnsubscribeDto } from './dto.js';
import { NotificationPush } from './notification-push.js';
import { PushSettingsService } from './push-settings.service.js';

@ApiController('push', 'push')
export class PushController {
  constructor(
    private readonly settings: PushSettingsService,
    private readonly push: NotificationPush,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The key to subscribe with, how many of your browsers are subscribed, your quiet hours' })
  @ApiOkResponse({ type: PushSettingsView })
  view(@CurrentUser() user: AuthUser): Promise<PushSettingsView> {
    return this.settings.view(user.id);
  }

  @Post('subscriptions')
  @ApiOperation({ summary: "Subscribe this browser (the body is the browser's PushSubscription as JSON)" })
  @ApiOkResponse({ type: SubscriptionView })
  async subscribe(@CurrentUser() user: AuthUser, @Body() body: SubscribeDto, @Req() request: FastifyRequest): Promise<SubscriptionView> {
    const saved = await this.settings.subscribe(user.id, body, request.headers['user-agent']);
    this.push.listen();
    return saved;
  }

  @Delete('subscriptions')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe a browser of yours by its endpoint (idempotent)' })
  async unsubscribe(@CurrentUser() user: AuthUser, @Body() body: UnsubscribeDto): Promise<void> {
    await this.settings.unsubscribe(user.id, body.endpoint);
  }

  @Put('quiet-hours')
  @ApiOperation({ summary: 'When nothing is pushed to you, in your time zone (both null: never quiet)' })
  @ApiOkResponse({ type: PushSettingsView })
  quietHours(@CurrentUser() user: AuthUser, @Body() body: QuietHoursDto): Promise<PushSettingsView> {
    return this.settings.setQuietHours(user.id, body);
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a test notification to every browser of yours (quiet hours do not apply)' })
  @ApiOkResponse({ type: PushTestView })
  test(@CurrentUser() user: AuthUser): Promise<PushTestView> {
    return this.push.test(user.id);
  }
}
