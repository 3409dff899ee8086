import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, UuidParam } from '@ruche/platform';
import { type ActiveSessionView, SessionsService } from './sessions.service.js';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('me/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOperation({ summary: 'Your open sessions (device, address, created, last seen), the current one marked' })
  list(@CurrentUser() user: AuthUser): Promise<{ items: ActiveSessionView[]; nextCursor: null }> {
    return this.sessions.list(user);
  }

  @Post('revoke-others')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign out every other session: their tokens fail on next use, their sockets close' })
  revokeOthers(@CurrentUser() user: AuthUser): Promise<{ revoked: number }> {
    return this.sessions.revokeOthers(user);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out one session (yours; another person’s is 404)' })
  async revoke(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.sessions.revoke(user, id);
  }
}
