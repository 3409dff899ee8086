import { Module } from '@nestjs/common';
import { GroupsModule } from '@ruche/groups';
import { IdentityModule } from '@ruche/identity';
import { PeopleModule } from '@ruche/people';
import { FirstRunController } from './first-run.controller.js';
import { FirstRunService } from './first-run.service.js';
import { TrainingController } from './training.controller.js';
import { TrainingListeners } from './training-listeners.js';
import { TrainingProgressService } from './training-progress.service.js';
import { TrainingService } from './training.service.js';
import { TrainingPersonalData } from './training-personal-data.js';

/**
 * Training paths (#17): short onboarding paths of ordered steps for new employees, a group's
 * newcomers and new community owners, with progress tracked from what people actually do. Owns
 * the training_* tables (raw SQL). A listener: it reads the owners' events and asks their exported
 * services (groups for roles and readability, people for departments); nobody imports it. Also the
 * first-run screen (#16), the onboarding path's front door, composed from people's and groups' suggestions.
 */
@Module({
  imports: [IdentityModule, PeopleModule, GroupsModule],
  controllers: [TrainingController, FirstRunController],
  providers: [TrainingPersonalData, TrainingService, TrainingProgressService, TrainingListeners, FirstRunService],
  exports: [TrainingService],
})
export class TrainingModule {}
