/** An error answer from the api: `{ statusCode, error, message: string | string[] }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly messages: string[];

  constructor(status: number, body: unknown) {
    const raw = (body as { message?: unknown } | null)?.message;
    const messages = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
    super(messages[0] ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.messages = messages;
  }

  /**
   * Validation messages grouped by the field they name. class-validator starts each message
   * with the property path ("password must be at least 10 characters"), so the first word
   * tells the field; messages naming none of `fields` are returned under `_form`.
   */
  fieldErrors(fields: readonly string[]): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const message of this.messages) {
      const first = message.split(/[\s.[]/, 1)[0] ?? '';
      // "each value in skills must be ...": otherwise the first field named as a whole word.
      const named = fields.find((f) => new RegExp(`(^|\\s)${f}(\\s|$|[.[])`).test(message));
      const key = fields.includes(first) ? first : (named ?? '_form');
      (out[key] ??= []).push(message);
    }
    return out;
  }
}

/** The request never got an answer (offline, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
