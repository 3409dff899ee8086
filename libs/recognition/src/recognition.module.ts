import { Module } from '@nestjs/common';
import { FeedModule } from '@ruche/feed';
import { GroupsModule } from '@ruche/groups';
import { IdeasModule } from '@ruche/ideas';
import { IdentityModule } from '@ruche/identity';
import { PeopleModule } from '@ruche/people';
import { QuestionsModule } from '@ruche/questions';
import { BadgesService } from './badges.service.js';
import { HelperDigestSchedule } from './helper-digest-schedule.js';
import { HelperDigestService } from './helper-digest.service.js';
import { KudosModeration } from './kudos-moderation.js';
import { KudosService } from './kudos.service.js';
import { RecognitionController } from './recognition.controller.js';
import { RecognitionListeners } from './recognition-listeners.js';
import { RecognitionSettings } from './recognition-settings.service.js';
import { RecognitionPersonalData } from './recognition-personal-data.js';

/**
 * Recognition that rewards depth, not volume (issue #17): kudos (owned here: the kudos table, a
 * moderated content type) and badges earned from events (recognition_facts, badges). A listener:
 * it reacts to the owners' events and asks their exported services (questions, ideas, people);
 * no producer imports it. Also the monthly "who helped" digest of each group for its managers
 * (helper_digests), from the feed's measures of help in the group and kudos on its posts.
 */
@Module({
  imports: [IdentityModule, PeopleModule, QuestionsModule, IdeasModule, FeedModule, GroupsModule],
  controllers: [RecognitionController],
  providers: [
    RecognitionPersonalData,
    BadgesService,
    KudosService,
    KudosModeration,
    RecognitionListeners,
    RecognitionSettings,
    HelperDigestService,
    HelperDigestSchedule,
  ],
  exports: [BadgesService, RecognitionSettings, HelperDigestService, HelperDigestSchedule],
})
export class RecognitionModule {}
