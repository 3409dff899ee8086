import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorCode, httpStatusOf } from './domain-error.js';

/** The kinds of domain error a route documents, named as the factories that throw them (`notFound(...)`). */
const KINDS = {
  invalid: ErrorCode.Invalid,
  unauthenticated: ErrorCode.Unauthenticated,
  forbidden: ErrorCode.Forbidden,
  notFound: ErrorCode.NotFound,
  conflict: ErrorCode.Conflict,
  rateLimited: ErrorCode.RateLimited,
} as const;

/**
 * OpenAPI for the errors a route may answer, by kind and when (`true`: documented without words),
 * each at the status the exception filter gives that kind, so the document and the answers agree.
 */
export function ApiErrors(errors: Partial<Record<keyof typeof KINDS, string | true>>) {
  return applyDecorators(
    ...Object.entries(errors).map(([kind, when]) =>
      ApiResponse({ status: httpStatusOf(KINDS[kind as keyof typeof KINDS]), description: when === true ? undefined : when }),
    ),
  );
}
