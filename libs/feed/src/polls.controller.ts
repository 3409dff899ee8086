import { Body, Delete, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, type AuthUser, CurrentUser, UuidParam } from '@ruche/platform';
import { PollView, VotePollDto } from './dto.js';
import { PollsService } from './polls.service.js';

/** Voting in a post's poll (#14). A poll is created with its post (`POST /api/posts { poll }`). */
@ApiController('feed', 'posts')
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Put(':id/poll/vote')
  @ApiOperation({ summary: "Vote in a post's poll; the choice replaces any previous one" })
  @ApiOkResponse({ type: PollView, description: "The poll after the vote; the caller's choice replaces any previous one" })
  vote(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: VotePollDto): Promise<PollView> {
    return this.polls.vote(user, id, body.optionIds);
  }

  @Delete(':id/poll/vote')
  @ApiOperation({ summary: "Withdraw the caller's vote (idempotent)" })
  @ApiOkResponse({ type: PollView, description: "The poll without the caller's choice (idempotent)" })
  retract(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PollView> {
    return this.polls.retract(user, id);
  }
}
