import { DynamicModule, Module } from '@nestjs/common';
import { FeedModule } from '@ruche/feed';
import { GroupsModule } from '@ruche/groups';
import { IdentityModule } from '@ruche/identity';
import { IdeasModule } from '@ruche/ideas';
import { NotificationsModule } from '@ruche/notifications';
import { PeopleModule } from '@ruche/people';
import { PlatformModule, type RucheConfig } from '@ruche/platform';
import { migrations } from '../../../migrations/index.js';
import { HealthController } from './health.controller.js';

/** Wiring only: which domain modules make up the api. */
@Module({})
export class AppModule {
  static forRoot(config: RucheConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, migrations }),
        IdentityModule,
        PeopleModule,
        GroupsModule,
        FeedModule,
        IdeasModule,
        NotificationsModule,
      ],
      controllers: [HealthController],
    };
  }
}
