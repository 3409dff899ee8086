import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody, ApiErrorCode } from '@ruche/contracts';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { DomainError, httpStatusOf } from './domain-error.js';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Every domain refusal carries a `code` (its reason, or its kind); see `ApiErrorBody` in contracts. */
export type ErrorBody = ApiErrorBody;

/** Seconds a client should wait before retrying a 503 (a busy pool, a lock queue: short-lived). */
const RETRY_UNAVAILABLE_SECONDS = 2;
/** The auth endpoints' window is a minute; the write limit sets its own, exact, header. */
const RETRY_RATE_LIMITED_SECONDS = 60;

/**
 * PostgreSQL errors that can only come from input the validators let through (a NUL byte, an
 * out-of-range value, a unique race, a row that breaks a check): they are the client's fault, so
 * never a 500. The SQLSTATE's condition name goes out as `code`, so a client can tell a duplicate
 * from a bad value without parsing prose; constraint and column names stay inside.
 */
const POSTGRES_ERRORS: Record<string, { status: number; code: ApiErrorCode; message: string }> = {
  '23505': { status: 409, code: 'unique_violation', message: 'Already exists' },
  '23P01': { status: 409, code: 'exclusion_violation', message: 'Conflicts with an existing item' },
  '23503': { status: 404, code: 'foreign_key_violation', message: 'Referenced item not found' },
  '23514': { status: 400, code: 'check_violation', message: 'Invalid input: a value is outside what is allowed' },
  '23502': { status: 400, code: 'not_null_violation', message: 'Invalid input: a required value is missing' },
  '22021': { status: 400, code: 'character_not_in_repertoire', message: 'Invalid input: text is not valid Unicode' },
  '22P05': { status: 400, code: 'untranslatable_character', message: 'Invalid input: text is not valid Unicode' },
  '22001': { status: 400, code: 'string_data_right_truncation', message: 'Invalid input: a value is too long' },
  '22003': { status: 400, code: 'numeric_value_out_of_range', message: 'Invalid input: a number is out of range' },
  '22P02': { status: 400, code: 'invalid_text_representation', message: 'Invalid input: a value has the wrong format' },
  '22007': { status: 400, code: 'invalid_datetime_format', message: 'Invalid input: a date has the wrong format' },
  '22008': { status: 400, code: 'datetime_field_overflow', message: 'Invalid input: a date is out of range' },
  '54000': { status: 400, code: 'program_limit_exceeded', message: 'Invalid input: too large' },
};

function fromPostgres(error: QueryFailedError): { status: number; code: ApiErrorCode; message: string } | undefined {
  const code = (error.driverError as { code?: string } | undefined)?.code;
  if (code === undefined) return undefined;
  // Any other data exception (class 22) is a value PostgreSQL could not take: still the input's fault.
  return POSTGRES_ERRORS[code] ?? (code.startsWith('22') ? { status: 400, code: 'data_exception', message: 'Invalid input' } : undefined);
}

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = httpStatusOf(exception.code);
    return {
      statusCode,
      error: REASONS[statusCode] ?? 'Error',
      message: exception.message,
      code: exception.reason ?? exception.code,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return { statusCode, error: REASONS[statusCode] ?? 'Error', message: response };
    // The validation pipe's answer names the fields it refused (`code`, `errors`): passed on as given.
    const { message, code, errors } = response as Pick<ApiErrorBody, 'code' | 'errors'> & { message?: string | string[] };
    return { statusCode, error: REASONS[statusCode] ?? 'Error', message: message ?? exception.message, code, errors };
  }
  // Errors raised by Fastify before a route runs (bad JSON, body too large, wrong content type).
  const fastifyStatus = (exception as { statusCode?: number } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return {
      statusCode: fastifyStatus,
      error: REASONS[fastifyStatus] ?? 'Error',
      message: (exception as Error).message,
    };
  }
  if (exception instanceof QueryFailedError) {
    const mapped = fromPostgres(exception);
    if (mapped) return { statusCode: mapped.status, error: REASONS[mapped.status], message: mapped.message, code: mapped.code };
  }
  if (isDatabaseUnavailable(exception)) {
    return { statusCode: 503, error: REASONS[503], message: 'The service is busy, try again shortly' };
  }
  return { statusCode: 500, error: REASONS[500], message: 'Internal server error' };
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body: ErrorBody = { ...toErrorBody(exception), requestId: request.id };
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      // Warn, not error: an overloaded moment is expected and must not page anyone per request.
      this.logger.warn({ msg: 'service unavailable', method: request.method, url: request.url, error: String(exception) });
      if (!reply.hasHeader('retry-after')) void reply.header('retry-after', String(RETRY_UNAVAILABLE_SECONDS));
    } else if (body.statusCode >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error({ msg: 'unhandled error', method: request.method, url: request.url, error: String(exception), stack: (exception as Error)?.stack });
    }
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS && !reply.hasHeader('retry-after')) {
      void reply.header('retry-after', String(RETRY_RATE_LIMITED_SECONDS));
    }
    void reply.status(body.statusCode).send(body);
  }
}
