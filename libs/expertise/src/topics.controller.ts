import { Body, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { QuestionQueue, QuestionsService } from '@ruche/questions';
import { ApiController, type AuthUser, CurrentUser, NoContent } from '@ruche/platform';
import { MyTopicsView, TopicHelperDto, TopicHelperView, TopicPageView } from './dto.js';
import { ExpertSearch } from './expert-search.service.js';
import { TopicVolunteers } from './topic-volunteers.service.js';

/** Experts, open questions and recent answers shown on a topic page. */
const PAGE_ITEMS = { experts: 5, questions: 10, answers: 10 } as const;

/**
 * Topics as places (issue #17): follow one, volunteer as a helper with a weekly cap (question
 * routing falls back on both when fewer than a round of experts are found), and its page. `:topic`
 * is any spelling of the topic (URL-encoded; case, accents and synonyms fold: "K8s" is kubernetes).
 */
@ApiController('topics')
export class TopicsController {
  constructor(
    private readonly volunteers: TopicVolunteers,
    private readonly experts: ExpertSearch,
    private readonly questions: QuestionsService,
    private readonly queue: QuestionQueue,
  ) {}

  @Get('topics/:topic')
  @ApiOperation({
    summary: "A topic's page: its experts, open questions and recent answers (what you may see), who follows and helps",
  })
  @ApiOkResponse({ type: TopicPageView })
  async page(@CurrentUser() user: AuthUser, @Param('topic') name: string): Promise<TopicPageView> {
    const { topic, label } = await this.volunteers.resolve(name);
    const experts = await this.experts.search({ q: topic, limit: PAGE_ITEMS.experts });
    const open = await this.questions.list(user.id, { topic, status: 'open', limit: PAGE_ITEMS.questions });
    const answers = await this.queue.recentAnswers(user.id, topic, PAGE_ITEMS.answers);
    return {
      topic,
      label,
      experts: experts.items,
      openQuestions: open.items,
      recentAnswers: answers,
      ...(await this.volunteers.standing(user.id, topic)),
    };
  }

  @Get('me/topics')
  @ApiOperation({ summary: 'The topics you follow and help with (and your weekly caps)' })
  @ApiOkResponse({ type: MyTopicsView })
  mine(@CurrentUser() user: AuthUser): Promise<MyTopicsView> {
    return this.volunteers.mine(user.id);
  }

  @Put('topics/:topic/follow')
  @ApiOperation({ summary: 'Follow a topic' })
  @NoContent('Following (idempotent): questions on it may be routed to you when experts are few')
  async follow(@CurrentUser() user: AuthUser, @Param('topic') name: string): Promise<void> {
    await this.volunteers.follow(user.id, name);
  }

  @Delete('topics/:topic/follow')
  @ApiOperation({ summary: 'Stop following a topic' })
  @NoContent('Not following (idempotent)')
  async unfollow(@CurrentUser() user: AuthUser, @Param('topic') name: string): Promise<void> {
    await this.volunteers.unfollow(user.id, name);
  }

  @Put('topics/:topic/helper')
  @ApiOperation({ summary: 'Volunteer as a helper for a topic, asked at most weeklyCap times in any 7 days (or change the cap)' })
  @ApiOkResponse({ type: TopicHelperView })
  help(@CurrentUser() user: AuthUser, @Param('topic') name: string, @Body() body: TopicHelperDto): Promise<TopicHelperView> {
    return this.volunteers.help(user.id, name, body.weeklyCap);
  }

  @Delete('topics/:topic/helper')
  @ApiOperation({ summary: 'Stop volunteering as a helper for a topic' })
  @NoContent('No longer a helper (idempotent)')
  async stopHelping(@CurrentUser() user: AuthUser, @Param('topic') name: string): Promise<void> {
    await this.volunteers.stopHelping(user.id, name);
  }
}
