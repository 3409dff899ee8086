import { API_ERROR_CODES, type ApiErrorBody, type ApiErrorCode, type FieldProblem } from '@ruche/contracts';

const KNOWN_CODES: ReadonlySet<string> = new Set(API_ERROR_CODES);

/**
 * An error answer from the api (`ApiErrorBody` in contracts): `code` says which refusal it is and
 * `errors` which fields a validation refused, so the app words both in the reader's language; the
 * English `message` is kept for what has no code.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly messages: string[];
  /** Absent from answers that carry none, or from a newer api than this app knows. */
  readonly code: ApiErrorCode | undefined;
  readonly problems: FieldProblem[];

  constructor(status: number, body: unknown) {
    const { message: raw, code, errors } = (body ?? {}) as Partial<ApiErrorBody>;
    const messages = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
    super(messages[0] ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.messages = messages;
    this.code = typeof code === 'string' && KNOWN_CODES.has(code) ? code : undefined;
    this.problems = Array.isArray(errors)
      ? errors.filter((p) => typeof p?.field === 'string' && typeof p?.constraint === 'string')
      : [];
  }

  /**
   * The refused fields grouped by the one of `fields` they are (`milestones.0.title` under
   * `milestones`), the rest under `_form`.
   */
  fieldProblems(fields: readonly string[]): Record<string, FieldProblem[]> {
    const out: Record<string, FieldProblem[]> = {};
    for (const problem of this.problems) {
      const top = problem.field.split('.', 1)[0] ?? '';
      const key = fields.includes(problem.field) ? problem.field : fields.includes(top) ? top : '_form';
      (out[key] ??= []).push(problem);
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

/** The api has no such thing for me: a 404, or a 400 for a malformed id (a page that cannot exist). */
export function isMissing(error: unknown): boolean {
  return isApiError(error, 404) || isApiError(error, 400);
}
