import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server, type ServerOptions } from 'socket.io';
import type { RucheConfig } from '@ruche/platform';

/**
 * Socket.IO on the api's HTTP server.
 *
 * Event delivery never goes through the adapter: every instance follows the outbox in order and
 * emits to its own sockets (`server.local`), so it needs no broker and survives a broker outage.
 * The adapter serves the server-wide socket operations (`fetchSockets`, `disconnectSockets`,
 * `socketsJoin`/`socketsLeave` and broadcasts not marked local) across instances: with REDIS_URL,
 * the Redis streams adapter (a stream survives a short Redis or network hiccup, where pub/sub loses
 * what was sent meanwhile); without it, the in-memory adapter, and those operations reach this
 * instance's sockets only.
 *
 * Socket.IO's connection-state recovery stays off: it replays raw packets with no visibility
 * check. A reconnecting client passes its `lastEventId` and gets the outbox replay, re-checked.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private redisAdapter: ReturnType<typeof createAdapter> | undefined;
  private readonly closers: (() => Promise<unknown>)[] = [];
  private readonly detached = new WeakSet<Server>();

  constructor(
    app: INestApplicationContext,
    private readonly config: RucheConfig,
  ) {
    super(app);
  }

  /** Connects to Redis when configured; call before the app starts listening. */
  async connect(): Promise<void> {
    if (!this.config.redisUrl || this.config.role === 'worker') return;
    const client = createClient({ url: this.config.redisUrl });
    // Errors surface as failed operations; without a listener, one would crash the process.
    client.on('error', () => undefined);
    await client.connect();
    // The adapter opens its own reading connections from this one (a blocking XREAD each) and ends
    // them only once a read returns (up to 5 s after closing): kept here to end them with the app.
    const readers: { destroy(): void }[] = [];
    const duplicate = client.duplicate.bind(client);
    client.duplicate = ((...args: Parameters<typeof duplicate>) => {
      const reader = duplicate(...args);
      readers.push(reader);
      return reader;
    }) as typeof client.duplicate;
    const prefix = this.config.redisPrefix;
    this.redisAdapter = createAdapter(client, {
      streamName: `${prefix}:socket.io`,
      channelPrefix: `${prefix}:socket.io`,
      sessionKeyPrefix: `${prefix}:sio:session:`,
      // Ruche sends plain JSON: skip the per-packet search for binary data.
      onlyPlaintext: true,
    });
    // Runs after the server closed its namespaces, which stops the adapter's reading loops first.
    this.closers.push(async () => {
      for (const reader of readers) reader.destroy();
      await client.close();
    });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // Socket.IO's connection-state recovery stays off whatever a gateway asks (see the class comment).
    const { connectionStateRecovery: _recovery, ...rest } = (options ?? {}) as ServerOptions;
    const settings = {
      ...rest,
      path: '/socket.io',
      serveClient: false,
      cors: this.config.corsOrigins ? { origin: this.config.corsOrigins, credentials: true } : undefined,
      maxHttpBufferSize: 64 * 1024,
    } as ServerOptions;
    if (this.config.role === 'worker') {
      // A worker holds no sockets. The gateway still needs a server to bind to: one attached to no
      // HTTP server, so a /socket.io/ request is an ordinary request there, which the worker
      // answers with its 404 like any route that is not an operations one.
      const detached = new Server(settings);
      this.detached.add(detached);
      return detached;
    }
    const server: Server = super.createIOServer(port, settings);
    if (this.redisAdapter) server.adapter(this.redisAdapter);
    return server;
  }

  override async close(server: Server): Promise<void> {
    // A detached server has no engine to close (Socket.IO's close would throw and never call back).
    if (!this.detached.has(server)) await super.close(server);
    await Promise.allSettled(this.closers.map((close) => close()));
  }
}
