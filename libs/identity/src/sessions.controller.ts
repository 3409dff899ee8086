import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, type AuthUser, CurrentUser, UuidParam } from '@ruche/platform';
import { SessionsService } from './sessions.service.js';
import { ActiveSessionView, RevokedSessionsView } from './views.js';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('me/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOperation({ summary: 'Your open sessions (device, address, created, last seen), the current one marked' })
  @ApiPageResponse(ActiveSessionView, 'Every open session on one page (`nextCursor` always null)')
  list(@CurrentUser() user: AuthUser): Promise<{ items: ActiveSessionView[]; nextCursor: null }> {
    return this.sessions.list(user);
  }

  @Post('revoke-others')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign out every other session: their tokens fail on next use, their sockets close' })
  @ApiOkResponse({ type: RevokedSessionsView })
  revokeOthers(@CurrentUser() user: AuthUser): Promise<RevokedSessionsView> {
    return this.sessions.revokeOthers(user);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out one session (yours; another person’s is 404)' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiNotFoundResponse({ description: 'No such session of yours' })
  async revoke(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.sessions.revoke(user, id);
  }
}
