import { DynamicModule, Module } from '@nestjs/common';
import { AnalyticsModule } from '@ruche/analytics';
import { AnnouncementsModule } from '@ruche/announcements';
import { EmailInboundModule, EmailModule } from '@ruche/email';
import { ExpertiseModule } from '@ruche/expertise';
import { FeedModule } from '@ruche/feed';
import { FilesModule } from '@ruche/files';
import { PreviewsModule } from '@ruche/previews';
import { PushModule } from '@ruche/push';
import { GroupsModule } from '@ruche/groups';
import { IdentityModule } from '@ruche/identity';
import { IdeasModule } from '@ruche/ideas';
import { MentoringModule } from '@ruche/mentoring';
import { ModerationModule } from '@ruche/moderation';
import { NotificationsModule } from '@ruche/notifications';
import { PeopleModule } from '@ruche/people';
import { PlatformModule, type RucheConfig } from '@ruche/platform';
import { PrivacyModule } from '@ruche/privacy';
import { QuestionsModule } from '@ruche/questions';
import { RecognitionModule } from '@ruche/recognition';
import { RealtimeModule } from '@ruche/realtime';
import { ScimModule } from '@ruche/scim';
import { SearchModule } from '@ruche/search';
import { TrainingModule } from '@ruche/training';
import { migrations } from '../../../migrations/index.js';
import { HealthController, Readiness } from './health.controller.js';

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
        FilesModule,
        PreviewsModule,
        FeedModule,
        IdeasModule,
        ModerationModule,
        ExpertiseModule,
        MentoringModule,
        QuestionsModule,
        RecognitionModule,
        AnnouncementsModule,
        RealtimeModule,
        NotificationsModule,
        AnalyticsModule,
        SearchModule,
        ScimModule,
        TrainingModule,
        PrivacyModule,
        EmailModule,
        EmailInboundModule,
        PushModule,
      ],
      controllers: [HealthController],
      providers: [Readiness],
    };
  }
}
