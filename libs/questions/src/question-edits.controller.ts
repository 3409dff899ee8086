import { Body, Delete, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiController,
  type AuthUser,
  CurrentUser,
  ModeratorEditHistory,
  NoContent,
  RevisionView,
  UuidParam,
} from '@ruche/platform';
import { AnswerView, QuestionDetailView, UpdateAnswerDto, UpdateQuestionDto } from './dto.js';
import { QuestionEditsService } from './question-edits.service.js';

/** Editing and deleting questions and answers, and their edit history for moderators (#14). */
@ApiController('questions')
export class QuestionEditsController {
  constructor(private readonly edits: QuestionEditsService) {}

  @Patch('questions/:id')
  @ApiOperation({ summary: "Edit a question's title, body, topics or attachments (its asker); the previous text joins its history" })
  @ApiOkResponse({ type: QuestionDetailView })
  updateQuestion(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateQuestionDto,
  ): Promise<QuestionDetailView> {
    return this.edits.updateQuestion(user, id, body);
  }

  @Delete('questions/:id')
  @ApiOperation({ summary: 'Delete a question (its asker or a moderator)' })
  @NoContent()
  async removeQuestion(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.edits.removeQuestion(user, id);
  }

  @Get('questions/:id/history')
  @ApiOperation({ summary: "A question's earlier titles and texts, newest first (moderators)" })
  @ModeratorEditHistory()
  questionHistory(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<{ items: RevisionView[] }> {
    return this.edits.questionHistory(user, id);
  }

  @Patch('answers/:id')
  @ApiOperation({ summary: "Edit an answer's text and attachments (its author); the previous text joins its history" })
  @ApiOkResponse({ type: AnswerView })
  updateAnswer(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdateAnswerDto): Promise<AnswerView> {
    return this.edits.updateAnswer(user, id, body.body, body.attachmentIds);
  }

  @Delete('answers/:id')
  @ApiOperation({ summary: 'Delete an answer (its author or a moderator); an accepted one reopens its question' })
  @NoContent()
  async removeAnswer(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.edits.removeAnswer(user, id);
  }

  @Get('answers/:id/history')
  @ApiOperation({ summary: "An answer's earlier texts, newest first (moderators)" })
  @ModeratorEditHistory()
  answerHistory(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<{ items: RevisionView[] }> {
    return this.edits.answerHistory(user, id);
  }
}
