import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import type { RucheConfig } from '@ruche/platform';

/**
 * Socket.IO on the api's HTTP server. With REDIS_URL, the Redis adapter lets room operations
 * (a member removed from a group leaving its room) reach sockets held by other instances.
 * Event delivery itself does not need it: every instance reads the outbox in order.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private redisAdapter: ReturnType<typeof createAdapter> | undefined;
  private readonly closers: (() => Promise<unknown>)[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: RucheConfig,
  ) {
    super(app);
  }

  /** Connects to Redis when configured; call before the app starts listening. */
  async connect(): Promise<void> {
    if (!this.config.redisUrl) return;
    const pub = createClient({ url: this.config.redisUrl });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    this.redisAdapter = createAdapter(pub, sub);
    this.closers.push(
      () => pub.quit(),
      () => sub.quit(),
    );
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...(options as ServerOptions),
      path: '/socket.io',
      serveClient: false,
      cors: this.config.corsOrigins ? { origin: this.config.corsOrigins, credentials: true } : undefined,
      maxHttpBufferSize: 64 * 1024,
    });
    if (this.redisAdapter) server.adapter(this.redisAdapter);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.allSettled(this.closers.map((close) => close()));
  }
}
