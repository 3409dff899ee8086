import { Body, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, ApiErrors, type AuthUser, CurrentUser } from '@ruche/platform';
import { FirstRunDto, FirstRunView, SUGGESTION_LIMITS, SuggestionsQuery, SuggestionsView } from './first-run-dto.js';
import { FirstRunService } from './first-run.service.js';

/** The first-run screen (#16): the caller's own suggestions and state; nobody reads another's. */
@ApiController('training', 'me')
export class FirstRunController {
  constructor(private readonly firstRun: FirstRunService) {}

  @Get('suggestions')
  @ApiOperation({
    summary: 'Colleagues to follow, public groups to join and skills to declare, for the caller (the first-run screen)',
    description:
      'Colleagues: manager, direct reports, same department, then people sharing a group; never oneself, someone already followed or an inactive account. Groups: public ones only, not joined, requested or banned from. Skills: the most declared in the department, not yet declared.',
  })
  @ApiOkResponse({ type: SuggestionsView, description: 'The suggestions, closest first' })
  @ApiErrors({ invalid: `limit is not an integer from 1 to ${SUGGESTION_LIMITS.max}, or an unknown parameter` })
  suggestions(@CurrentUser() user: AuthUser, @Query() query: SuggestionsQuery): Promise<SuggestionsView> {
    return this.firstRun.suggestions(user.id, query.limit ?? SUGGESTION_LIMITS.default);
  }

  @Get('first-run')
  @ApiOperation({ summary: 'Whether the first-run screen is due for the caller, and how it ended' })
  @ApiOkResponse({ type: FirstRunView, description: 'The first-run state' })
  state(@CurrentUser() user: AuthUser): Promise<FirstRunView> {
    return this.firstRun.state(user.id);
  }

  @Put('first-run')
  @ApiOperation({ summary: 'Finish or skip the first run (idempotent: the first answer stays)' })
  @ApiOkResponse({ type: FirstRunView, description: 'The first-run state, no longer due' })
  @ApiErrors({ invalid: 'outcome is not finished or skipped' })
  finish(@CurrentUser() user: AuthUser, @Body() body: FirstRunDto): Promise<FirstRunView> {
    return this.firstRun.finish(user.id, body.outcome);
  }
}
