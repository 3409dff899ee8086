import { Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, ApiErrors, ApiPageResponse, type AuthUser, CurrentUser, NoContent, UuidParam } from '@ruche/platform';
import { SessionsService } from './sessions.service.js';
import { ActiveSessionView, RevokedSessionsView } from './views.js';

@ApiController('identity', 'me/sessions')
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
  @ApiOperation({ summary: 'Sign out one session (yours; another person’s is 404)' })
  @NoContent('Signed out')
  @ApiErrors({ notFound: 'No such session of yours' })
  async revoke(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.sessions.revoke(user, id);
  }
}
