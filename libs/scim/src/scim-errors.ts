import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode, toErrorBody } from '@ruche/platform';

export const SCIM_MEDIA_TYPE = 'application/scim+json';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 §3.12's `scimType` values that Ruche sends. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers';

/** A refusal in SCIM's terms (RFC 7644 §3.12): an HTTP status, a detail, and for 400/409 a `scimType`. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
  }
}

export const invalidValue = (detail: string) => new ScimError(400, detail, 'invalidValue');

/**
 * Every error of the SCIM endpoints in the SCIM error schema, as `application/scim+json`: identity
 * providers read `status` and `scimType`. Ruche's own refusals are mapped (a taken email is a 409
 * `uniqueness`, invalid input a 400 `invalidValue`); anything unexpected is a 500 and logged.
 */
@Catch()
export class ScimExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('scim');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, detail, scimType } = this.describe(exception);
    if (status >= 500)
      this.logger.error({ msg: 'scim request failed', error: String(exception), stack: (exception as Error)?.stack });
    if (status === 401) void reply.header('www-authenticate', 'Bearer realm="scim"');
    void reply
      .code(status)
      .header('content-type', `${SCIM_MEDIA_TYPE}; charset=utf-8`)
      .send({ schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail });
  }

  private describe(exception: unknown): { status: number; detail: string; scimType?: ScimType } {
    if (exception instanceof ScimError)
      return { status: exception.status, detail: exception.message, scimType: exception.scimType };
    const body = toErrorBody(exception);
    const detail = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    if (exception instanceof DomainError && exception.code === ErrorCode.Conflict)
      return { status: 409, detail, scimType: 'uniqueness' };
    if (body.statusCode === 409) return { status: 409, detail, scimType: 'uniqueness' };
    if (body.statusCode === 400) return { status: 400, detail, scimType: 'invalidValue' };
    return { status: body.statusCode, detail };
  }
}
