import { DynamicModule, Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type MixedList } from 'typeorm';
import { Database, guardPool } from './database/unit-of-work.js';
import { JwtAuthGuard, PermissionGuard } from './auth/guards.js';
import { RateLimitGuard } from './auth/rate-limit.guard.js';
import { SocketAuthentication } from './auth/socket-authentication.js';
import { WriteRateLimitGuard } from './auth/write-rate-limit.guard.js';
import { RUCHE_CONFIG, type RucheConfig } from './config/config.js';
import { pgConnectionOptions } from './database/pg-options.js';
import { HttpErrorFilter } from './errors/http-exception.filter.js';
import { EventBus } from './events/event-bus.js';
import { OutboxPublisher } from './events/outbox-publisher.js';
import { OutboxRetention } from './events/outbox-retention.js';
import { JobEngine } from './jobs/job-engine.js';
import { Metrics } from './metrics/metrics.js';
import { SocketRooms } from './events/socket-rooms.js';
import { SubjectVisibility } from './events/subject-visibility.js';
import { BadgeShelfPort, ExpertFinderPort } from './experts/expert-finder.js';
import { SearchSources } from './search/search-sources.js';
import { PersonalDataRegistry } from './privacy/personal-data.js';
import { Transactions } from './events/transactions.js';
import { ContentModeration } from './moderation/content-moderation.js';
import { ContentScreening } from './moderation/content-screening.js';
import { ContentTargets } from './moderation/content-targets.js';
import { GuidelinesGate } from './moderation/guidelines-gate.js';
import { AccountMailPort } from './auth/account-mail.js';
import { PublishingGate } from './auth/publishing-gate.js';

/** What platform provides and every domain module may inject (the global guards and filter are not injected). */
const SERVICES = [
  Database,
  EventBus,
  SubjectVisibility,
  SearchSources,
  PersonalDataRegistry,
  ExpertFinderPort,
  BadgeShelfPort,
  SocketRooms,
  SocketAuthentication,
  OutboxPublisher,
  JobEngine,
  OutboxRetention,
  Metrics,
  Transactions,
  ContentTargets,
  ContentScreening,
  GuidelinesGate,
  PublishingGate,
  AccountMailPort,
  ContentModeration,
  RateLimitGuard,
];

export interface PlatformOptions {
  config: RucheConfig;
  /** Migration classes, in order; they run on start (`synchronize` is never used). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

/**
 * Config, database, error mapping, deny-by-default auth guards and the event outbox: what every
 * domain module stands on.
 */
@Global()
@Module({})
export class PlatformModule implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  /** Every connection the pool hands out is checked against the open unit of work. */
  onModuleInit(): void {
    guardPool(this.dataSource, this.config.strictUnitOfWork);
  }

  static forRoot({ config, migrations }: PlatformOptions): DynamicModule {
    if (!config.databaseUrl) throw new Error('PlatformModule needs a database URL (start the embedded database first)');
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrations,
          migrationsRun: true,
          migrationsTransactionMode: 'each',
          installExtensions: false,
          extra: { max: config.database.poolMax, application_name: 'ruche-api', ...pgConnectionOptions(config.database) },
          logging: ['error', 'migration'],
        }),
      ],
      providers: [
        { provide: RUCHE_CONFIG, useValue: config },
        ...SERVICES,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        // After authentication (it counts per person), before any handler opens a transaction.
        { provide: APP_GUARD, useClass: WriteRateLimitGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
      exports: [RUCHE_CONFIG, ...SERVICES, TypeOrmModule],
    };
  }
}
