import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  ApiController,
  ApiErrors,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  type Page,
  PageQuery,
  Permission,
  RequirePermission,
} from '@ruche/platform';
import { QuestionView } from './dto.js';
import { QuestionQueue, type UnansweredQuestionView } from './question-queue.js';

@ApiController('questions')
export class QuestionQueueController {
  constructor(private readonly queue: QuestionQueue) {}

  @Get('questions/unanswered')
  @RequirePermission(Permission.ReadUnansweredQuestions)
  @ApiOperation({
    summary:
      'The unanswered queue (moderators, admins, innovation): questions nobody answered after the last routing round, most recent first; each with unansweredAt',
  })
  @ApiPageResponse(QuestionView)
  @ApiErrors({ forbidden: 'Not a moderator or analytics reader' })
  unanswered(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<UnansweredQuestionView>> {
    return this.queue.unanswered(user.id, query);
  }
}
