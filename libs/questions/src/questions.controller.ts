import { Body, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiController,
  ApiErrors,
  ApiItemsResponse,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  NoContent,
  type Page,
  UuidParam,
} from '@ruche/platform';
import { AnswerVotesService } from './answer-votes.service.js';
import { AnswersService } from './answers.service.js';
import { ClaimsService } from './claims.service.js';
import {
  AcceptDto,
  AnswerDto,
  AnswerView,
  AskQuestionDto,
  ClaimResultView,
  ClaimView,
  QuestionDetailView,
  QuestionListQuery,
  QuestionView,
  SimilarQuery,
  SimilarQuestionView,
  VoteView,
} from './dto.js';
import { QuestionsService } from './questions.service.js';

@ApiController('questions')
export class QuestionsController {
  constructor(
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
    private readonly votes: AnswerVotesService,
    private readonly claims: ClaimsService,
  ) {}

  @Post('questions')
  @ApiOperation({ summary: 'Ask: the best experts on the topics (up to 5, not you) are asked at once; routedTo says who' })
  @ApiCreatedResponse({ type: QuestionView })
  @ApiErrors({ invalid: 'Invalid fields, or a topic without letters or digits' })
  ask(@CurrentUser() user: AuthUser, @Body() body: AskQuestionDto): Promise<QuestionView> {
    return this.questions.ask(user, body);
  }

  @Get('questions')
  @ApiOperation({ summary: 'Questions, newest first; by topic, status, or routed to you (for=me)' })
  @ApiPageResponse(QuestionView)
  list(@CurrentUser() user: AuthUser, @Query() query: QuestionListQuery): Promise<Page<QuestionView>> {
    return this.questions.list(user.id, query);
  }

  // Before `questions/:id`, so "similar" is never read as an id.
  @Get('questions/similar')
  @ApiOperation({ summary: 'Existing questions with a title like this one: read them before asking again' })
  @ApiItemsResponse(SimilarQuestionView)
  similar(@CurrentUser() user: AuthUser, @Query() query: SimilarQuery): Promise<{ items: SimilarQuestionView[] }> {
    return this.questions.similar(user.id, query.title, query.limit);
  }

  @Get('questions/:id')
  @ApiOperation({ summary: 'One question the caller may see, with its answers' })
  @ApiOkResponse({ type: QuestionDetailView })
  @ApiErrors({ notFound: true })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<QuestionDetailView> {
    return this.questions.get(user.id, id);
  }

  @Post('questions/:id/answers')
  @ApiOperation({ summary: 'Answer a question the caller may see' })
  @ApiCreatedResponse({ type: AnswerView })
  answer(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: AnswerDto): Promise<AnswerView> {
    return this.answers.answer(user, id, body.body, body.attachmentIds);
  }

  @Post('questions/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'The asker accepts one answer to their question' })
  @ApiOkResponse({ type: QuestionDetailView })
  @ApiErrors({
    forbidden: 'Not the asker',
    notFound: 'No such question, or the answer is not an answer to it',
    conflict: 'Another answer is already accepted',
  })
  accept(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: AcceptDto): Promise<QuestionDetailView> {
    return this.answers.accept(user, id, body.answerId.toLowerCase());
  }

  @Post('questions/:id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: "I'm on it: one active claim per question, for RUCHE_CLAIM_MINUTES" })
  @ApiOkResponse({ type: ClaimResultView })
  @ApiErrors({ conflict: 'Someone else is on it, or an answer is accepted' })
  claim(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<{ claim: ClaimView }> {
    return this.claims.claim(user, id);
  }

  @Delete('questions/:id/claim')
  @ApiOperation({ summary: "Release the caller's claim (idempotent when unclaimed)" })
  @NoContent()
  @ApiErrors({ forbidden: 'The claim is someone else’s' })
  async release(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.claims.release(user, id);
  }

  @Put('answers/:id/vote')
  @ApiOperation({ summary: 'Upvote an answer (idempotent)' })
  @ApiOkResponse({ type: VoteView })
  vote(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<VoteView> {
    return this.votes.vote(user, id);
  }

  @Delete('answers/:id/vote')
  @ApiOperation({ summary: 'Take back an upvote (idempotent)' })
  @ApiOkResponse({ type: VoteView })
  unvote(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<VoteView> {
    return this.votes.unvote(user, id);
  }
}
