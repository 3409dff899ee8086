import { Module } from '@nestjs/common';
import { IdeasModule } from '@ruche/ideas';
import { IdentityModule } from '@ruche/identity';
import { PeopleModule } from '@ruche/people';
import { QuestionsModule } from '@ruche/questions';
import { BadgesService } from './badges.service.js';
import { KudosModeration } from './kudos-moderation.js';
import { KudosService } from './kudos.service.js';
import { RecognitionController } from './recognition.controller.js';
import { RecognitionListeners } from './recognition-listeners.js';
import { RecognitionSettings } from './recognition-settings.service.js';

/**
 * Recognition that rewards depth, not volume (issue #17): kudos (owned here: the kudos table, a
 * moderated content type) and badges earned from events (recognition_facts, badges). A listener:
 * it reacts to the owners' events and asks their exported services (questions, ideas, people);
 * no producer imports it.
 */
@Module({
  imports: [IdentityModule, PeopleModule, QuestionsModule, IdeasModule],
  controllers: [RecognitionController],
  providers: [BadgesService, KudosService, KudosModeration, RecognitionListeners, RecognitionSettings],
  exports: [BadgesService, RecognitionSettings],
})
export class RecognitionModule {}
