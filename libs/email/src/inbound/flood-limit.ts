/**
 * Fixed one-minute windows per key (a client address, a sender address), in this process: a
 * flood is refused before any database work, so it costs the database nothing. Per instance on
 * purpose (like the auth rate limits): the inbound endpoint runs on a few worker instances, and
 * a counter in PostgreSQL would turn every refused message into a write. Memory is bounded: at
 * most `maxKeys` windows, the oldest dropped first.
 */
export class FloodLimit {
  private readonly windows = new Map<string, { start: number; hits: number }>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit on `key`; false when it goes over `limit` in the current window. */
  hit(key: string, limit: number): boolean {
    const now = this.now();
    const found = this.windows.get(key);
    if (found && now - found.start < this.windowMs) {
      found.hits++;
      return found.hits <= limit;
    }
    this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) {
      const oldest = this.windows.keys().next();
      if (!oldest.done) this.windows.delete(oldest.value);
    }
    this.windows.set(key, { start: now, hits: 1 });
    return 1 <= limit;
  }
}
