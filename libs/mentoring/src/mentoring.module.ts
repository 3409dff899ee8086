import { Module } from '@nestjs/common';
import { ExpertiseModule } from '@ruche/expertise';
import { IdentityModule } from '@ruche/identity';
import { MentoringController } from './mentoring.controller.js';
import { MentoringListeners } from './mentoring-listeners.js';
import { MentoringService } from './mentoring.service.js';
import { MentoringPersonalData } from './mentoring-personal-data.js';

/**
 * Mentoring pairs: who will guide others on which skills, requests, pairing with the willing
 * mentor who knows the skill best. Owns the mentoring_* tables (raw SQL). Sits above expertise:
 * it folds skills into topic keys and ranks mentors with expertise's exported service and SQL,
 * and expertise knows nothing of it. Offers follow the skill synonym table (MentoringListeners).
 */
@Module({
  imports: [IdentityModule, ExpertiseModule],
  controllers: [MentoringController],
  providers: [MentoringPersonalData, MentoringService, MentoringListeners],
  exports: [MentoringService],
})
export class MentoringModule {}
