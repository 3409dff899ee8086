import { Module } from '@nestjs/common';
import { FilesModule } from '@ruche/files';
import { PreviewsModule } from '@ruche/previews';
import { IdentityModule } from '@ruche/identity';
import { PeopleModule } from '@ruche/people';
import { AnswerVotesService } from './answer-votes.service.js';
import { AnswersService } from './answers.service.js';
import { ClaimsService } from './claims.service.js';
import { QuestionEditsController } from './question-edits.controller.js';
import { QuestionEditsService } from './question-edits.service.js';
import { QuestionMentions } from './question-mentions.js';
import { QuestionInsights } from './question-insights.js';
import { QuestionModeration } from './question-moderation.js';
import { QuestionQueue } from './question-queue.js';
import { QuestionQueueController } from './question-queue.controller.js';
import { QuestionRouting } from './question-routing.js';
import { QuestionSearch } from './question-search.js';
import { QuestionViews } from './question-views.js';
import { QuestionsController } from './questions.controller.js';
import { QuestionsService } from './questions.service.js';
import { QuestionsVisibility } from './questions-visibility.js';
import { QuestionLinkPreviews } from './question-link-previews.js';
import { QuestionsPersonalData } from './questions-personal-data.js';

/**
 * Questions and answers, Twelpforce style: topics, routing to experts (expertise picks them,
 * asked through platform's ExpertFinderPort: questions never imports expertise), answers, votes,
 * the accepted answer, claims, re-routing. Owns the questions, answers, answer_votes and
 * question_routes tables (raw SQL, like the feed). Moderated like the feed
 * (QuestionModeration), through the platform only.
 */
@Module({
  imports: [IdentityModule, PeopleModule, FilesModule, PreviewsModule],
  controllers: [QuestionsController, QuestionQueueController, QuestionEditsController],
  providers: [
    QuestionsPersonalData,
    QuestionsVisibility,
    QuestionViews,
    QuestionLinkPreviews,
    QuestionRouting,
    QuestionModeration,
    QuestionsService,
    QuestionMentions,
    QuestionEditsService,
    AnswersService,
    AnswerVotesService,
    ClaimsService,
    QuestionSearch,
    QuestionQueue,
    QuestionInsights,
  ],
  exports: [QuestionsVisibility, QuestionsService, AnswersService, QuestionRouting, QuestionQueue, QuestionInsights],
})
export class QuestionsModule {}
