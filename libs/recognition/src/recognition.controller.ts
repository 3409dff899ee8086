import { Body, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { IdentityService } from '@ruche/identity';
import {
  ApiController,
  ApiItemsResponse,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  NoContent,
  type Page,
  UuidParam,
} from '@ruche/platform';
import { BADGE_RULES } from './badge-rules.js';
import { BadgesService } from './badges.service.js';
import {
  BadgeRuleView,
  BadgeView,
  GiveKudosDto,
  HelperDigestQuery,
  HelperDigestView,
  KudosListQuery,
  KudosView,
  RecognitionSettingsDto,
  RecognitionSettingsView,
} from './dto.js';
import { HelperDigestService } from './helper-digest.service.js';
import { KudosService } from './kudos.service.js';
import { RecognitionSettings } from './recognition-settings.service.js';

@ApiController('recognition')
export class RecognitionController {
  constructor(
    private readonly kudos: KudosService,
    private readonly badges: BadgesService,
    private readonly settings: RecognitionSettings,
    private readonly identity: IdentityService,
    private readonly helperDigests: HelperDigestService,
  ) {}

  @Get('groups/:id/helpers')
  @ApiOperation({
    summary:
      "A group's monthly “who helped” digest, for its owners and admins (404 for a private group you are not in, 403 for other non-managers)",
  })
  @ApiOkResponse({ type: HelperDigestView })
  helpers(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: HelperDigestQuery,
  ): Promise<HelperDigestView> {
    return this.helperDigests.read(user, id, query.month);
  }

  @Post('kudos')
  @ApiOperation({ summary: 'Thank someone for an answer, an idea review or a post you can see (not your own)' })
  @ApiCreatedResponse({ type: KudosView })
  give(@CurrentUser() user: AuthUser, @Body() body: GiveKudosDto): Promise<KudosView> {
    return this.kudos.give(user, body);
  }

  @Delete('kudos/:id')
  @ApiOperation({ summary: 'Take back kudos you gave' })
  @NoContent('Taken back (only by whoever gave it)')
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.kudos.remove(user, id);
  }

  @Get('users/:id/kudos')
  @ApiOperation({
    summary:
      "Kudos a person received and gave, newest first (targets you may see; opted-out recipients' only to them and the giver)",
  })
  @ApiPageResponse(KudosView)
  async list(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: KudosListQuery,
  ): Promise<Page<KudosView>> {
    await this.identity.getUser(id);
    return this.kudos.list(user, id, query);
  }

  @Get('users/:id/badges')
  @ApiOperation({ summary: "A person's badges (empty to others when they opted out of public recognition)" })
  @ApiItemsResponse(BadgeView)
  async badgesOf(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<{ items: BadgeView[] }> {
    await this.identity.getUser(id);
    if (id !== user.id && !(await this.settings.isPublic(id))) return { items: [] };
    return { items: (await this.badges.badgesOf([id])).get(id) ?? [] };
  }

  @Get('badges')
  @ApiOperation({ summary: 'Every badge and its rule' })
  @ApiItemsResponse(BadgeRuleView)
  rules(): { items: BadgeRuleView[] } {
    return { items: BADGE_RULES.map(({ badge, label, rule }) => ({ badge, label, rule })) };
  }

  @Get('me/recognition')
  @ApiOperation({ summary: 'Whether your kudos and badges are shown publicly' })
  @ApiOkResponse({ type: RecognitionSettingsView })
  async mine(@CurrentUser() user: AuthUser): Promise<RecognitionSettingsView> {
    return { publicRecognition: await this.settings.isPublic(user.id) };
  }

  @Put('me/recognition')
  @ApiOperation({ summary: 'Opt out of (or back into) public recognition' })
  @ApiOkResponse({ type: RecognitionSettingsView })
  set(@CurrentUser() user: AuthUser, @Body() body: RecognitionSettingsDto): Promise<RecognitionSettingsView> {
    return this.settings.set(user.id, body.publicRecognition);
  }
}
