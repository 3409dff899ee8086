import { Body, Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RevisionView } from '@ruche/contracts';
import { type AuthUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@ruche/platform';
import { AnswerView, QuestionDetailView, UpdateAnswerDto, UpdateQuestionDto } from './dto.js';
import { QuestionEditsService } from './question-edits.service.js';

const HISTORY = 'Previous texts, newest first: `{ items: [{ title?, body, editedAt, editedBy }] }` (moderators)';

/** Editing and deleting questions and answers, and their edit history for moderators (#14). */
@ApiTags('questions')
@ApiBearerAuth()
@Controller()
export class QuestionEditsController {
  constructor(private readonly edits: QuestionEditsService) {}

  @Patch('questions/:id')
  @ApiOkResponse({ type: QuestionDetailView })
  updateQuestion(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateQuestionDto,
  ): Promise<QuestionDetailView> {
    return this.edits.updateQuestion(user, id, body);
  }

  @Delete('questions/:id')
  @HttpCode(204)
  async removeQuestion(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.edits.removeQuestion(user, id);
  }

  @Get('questions/:id/history')
  @RequirePermission(Permission.ModerateContent)
  @ApiOkResponse({ description: HISTORY })
  questionHistory(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<{ items: RevisionView[] }> {
    return this.edits.questionHistory(user, id);
  }

  @Patch('answers/:id')
  @ApiOkResponse({ type: AnswerView })
  updateAnswer(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdateAnswerDto): Promise<AnswerView> {
    return this.edits.updateAnswer(user, id, body.body, body.attachmentIds);
  }

  @Delete('answers/:id')
  @HttpCode(204)
  async removeAnswer(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.edits.removeAnswer(user, id);
  }

  @Get('answers/:id/history')
  @RequirePermission(Permission.ModerateContent)
  @ApiOkResponse({ description: HISTORY })
  answerHistory(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<{ items: RevisionView[] }> {
    return this.edits.answerHistory(user, id);
  }
}
