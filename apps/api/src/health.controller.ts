import { Controller, Get, Injectable, OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@ruche/platform';
import { DataSource } from 'typeorm';

/**
 * How long the readiness check may wait for the database. Shorter than a load balancer's probe
 * timeout (nginx, Docker and Kubernetes default to 2–3 s): a stuck instance answers 503 in time
 * rather than not at all.
 */
const READY_CHECK_TIMEOUT_MS = 1500;

const DB_STATES = ['up', 'down'] as const;
type DbState = (typeof DB_STATES)[number];

export class HealthView {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
  @ApiProperty({ enum: DB_STATES, description: 'What the last readiness check saw' })
  db: DbState;
}

export class ReadyView {
  @ApiProperty({ enum: ['ready'] })
  status: 'ready';
  @ApiProperty({ enum: ['up'] })
  db: 'up';
}

/**
 * Whether this instance should receive traffic. It stops being ready when it starts shutting
 * down (before anything closes, so the balancer drains it while requests still succeed), and
 * while its pool cannot run a query in time (exhausted by stuck work, or the database is away).
 */
@Injectable()
export class Readiness implements OnModuleDestroy {
  private draining = false;
  /** What the last check saw; the app only starts once its migrations ran, so it starts up. */
  private db: DbState = 'up';
  private inFlight: Promise<DbState> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  get lastSeenDb(): DbState {
    return this.db;
  }

  get shuttingDown(): boolean {
    return this.draining;
  }

  /** From here on readiness answers 503; requests are still served until the app closes. */
  drain(): void {
    this.draining = true;
  }

  /** The first of Nest's shutdown hooks: whoever closes the app, readiness fails first. */
  onModuleDestroy(): void {
    this.drain();
  }

  /**
   * One query through the same pool requests use, raced against a timeout. Probes arriving while
   * one is in flight share it: a struggling pool gets at most one extra waiter from health checks.
   */
  check(): Promise<DbState> {
    this.inFlight ??= this.probe().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async probe(): Promise<DbState> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<DbState>((resolve) => {
      timer = setTimeout(() => resolve('down'), READY_CHECK_TIMEOUT_MS);
    });
    const query = this.dataSource.query('SELECT 1').then(
      (): DbState => 'up',
      (): DbState => 'down',
    );
    try {
      this.db = await Promise.race([query, timeout]);
      return this.db;
    } finally {
      clearTimeout(timer);
    }
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /**
   * Liveness: the process answers HTTP. It never touches the pool, so a busy or stuck database
   * cannot make an orchestrator restart healthy processes in a loop; `db` is what the last
   * readiness check saw.
   */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers (never touches the database)' })
  @ApiOkResponse({ type: HealthView })
  health(): HealthView {
    return { status: 'ok', db: this.readiness.lastSeenDb };
  }

  /** Readiness: whether a load balancer should send this instance traffic. */
  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: whether a load balancer should send this instance traffic' })
  @ApiOkResponse({ type: ReadyView })
  @ApiServiceUnavailableResponse({
    description: 'Shutting down (shutting_down), or the database does not answer in time (not_ready)',
  })
  async ready(): Promise<ReadyView> {
    if (this.readiness.shuttingDown) {
      throw new ServiceUnavailableException({ status: 'shutting_down', message: 'This instance is shutting down' });
    }
    if ((await this.readiness.check()) === 'down') {
      throw new ServiceUnavailableException({ status: 'not_ready', db: 'down', message: 'The database does not answer in time' });
    }
    return { status: 'ready', db: 'up' };
  }
}
