import { Module } from '@nestjs/common';
import { IdentityModule } from '@ruche/identity';
import { PeopleModule } from '@ruche/people';
import { QuestionsModule } from '@ruche/questions';
import { ExpertSearch } from './expert-search.service.js';
import { ExpertiseController } from './expertise.controller.js';
import { ExpertiseIndex } from './expertise-index.service.js';
import { ExpertiseListeners } from './expertise-listeners.js';
import { ExpertiseService } from './expertise.service.js';
import { SkillSynonyms } from './skill-synonyms.service.js';
import { TopicVolunteers } from './topic-volunteers.service.js';
import { TopicsController } from './topics.controller.js';
import { ExpertisePersonalData } from './expertise-personal-data.js';

/**
 * Who knows what: the expertise table kept up to date from events (skills and endorsements from
 * people, posts, answers, idea reviews), expert search, the skill synonym table. Owns the
 * expertise* and skill_synonyms tables (raw SQL, like the feed). Provides platform's
 * ExpertFinderPort, which questions asks through, with topic followers and helpers (topic_follows,
 * topic_helpers: routing's fallback) and topic pages (issue #17).
 */
@Module({
  imports: [IdentityModule, PeopleModule, QuestionsModule],
  controllers: [ExpertiseController, TopicsController],
  providers: [
    ExpertisePersonalData,
    SkillSynonyms,
    ExpertiseIndex,
    ExpertiseListeners,
    ExpertSearch,
    TopicVolunteers,
    ExpertiseService,
  ],
  exports: [ExpertiseService, ExpertSearch, SkillSynonyms],
})
export class ExpertiseModule {}
