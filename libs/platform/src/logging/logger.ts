import type { LoggerService } from '@nestjs/common';
import { currentRequestId } from './request-context.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

/**
 * One JSON object per line on stdout: machine-readable logs that any collector can ingest.
 * Also serves as Nest's logger so framework messages share the format. A line written while an
 * HTTP request is served carries its `requestId` (the one in the response's X-Request-Id header
 * and in error bodies), so a user's error report leads to every line of that request.
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly level: LogLevel = 'info') {}

  private write(level: LogLevel, message: unknown, context?: string, extra?: Record<string, unknown>) {
    if (LEVELS[level] < LEVELS[this.level]) return;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level };
    const requestId = currentRequestId();
    if (requestId) line.requestId = requestId;
    if (context) line.context = context;
    if (message instanceof Error) {
      line.msg = message.message;
      line.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
    } else {
      line.msg = String(message);
    }
    if (extra) Object.assign(line, extra);
    process.stdout.write(JSON.stringify(line) + '\n');
  }

  private static split(params: unknown[]): { context?: string; extra?: Record<string, unknown> } {
    const last = params[params.length - 1];
    const context = typeof last === 'string' ? last : undefined;
    const rest = context ? params.slice(0, -1) : params;
    const extra = rest.length ? { details: rest.map((p) => (p instanceof Error ? p.stack : p)) } : undefined;
    return { context, extra };
  }

  /** A Nest logger call at `level`, its parameters split into context and details. */
  private at(level: LogLevel, message: unknown, params: unknown[]) {
    const { context, extra } = JsonLogger.split(params);
    this.write(level, message, context, extra);
  }

  log(message: unknown, ...params: unknown[]) {
    this.at('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.at('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.at('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.at('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.debug(message, ...params);
  }
}
