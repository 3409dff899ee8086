import type { ApiErrorCode } from '@ruche/contracts';

/**
 * Domain errors carry a code; the HTTP filter (and the Socket.IO acks) map codes to responses in
 * one place, so services never think in status codes.
 */
export enum ErrorCode {
  Invalid = 'invalid',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  /** Missing, or not visible to the caller: the two must look the same from outside. */
  NotFound = 'not_found',
  Conflict = 'conflict',
  RateLimited = 'rate_limited',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /**
     * The particular refusal, sent as the answer's `code` (the kind alone otherwise), so a client
     * can word it in its reader's language; the message stays English, for logs and scripts.
     */
    readonly reason?: ApiErrorCode,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (message: string, reason?: ApiErrorCode) => new DomainError(ErrorCode.Invalid, message, reason);
export const unauthenticated = (message = 'Authentication required', reason?: ApiErrorCode) =>
  new DomainError(ErrorCode.Unauthenticated, message, reason);
export const forbidden = (message = 'You are not allowed to do this', reason?: ApiErrorCode) =>
  new DomainError(ErrorCode.Forbidden, message, reason);
export const notFound = (what: string) => new DomainError(ErrorCode.NotFound, `${what} not found`);
export const conflict = (message: string, reason?: ApiErrorCode) => new DomainError(ErrorCode.Conflict, message, reason);

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.Invalid:
      return 400;
    case ErrorCode.Unauthenticated:
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.Conflict:
      return 409;
    case ErrorCode.RateLimited:
      return 429;
  }
}
