/**
 * The one error type of the domain: a stable code a program can switch on, an HTTP status, and a message a person
 * can act on. Route handlers turn it into `{ error, message }`; server actions into a form error.
 */
export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

export class AppError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  readonly details?: unknown;

  constructor(code: string, message: string, status: ErrorStatus = 400, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const notFound = (code: string, message: string) => new AppError(code, message, 404);
export const conflict = (code: string, message: string) => new AppError(code, message, 409);
export const invalid = (code: string, message: string, details?: unknown) =>
  new AppError(code, message, 400, details);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Postgres unique_violation, as raised through any of the three drivers. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === "23505")
      return constraint === undefined || candidate.constraint === constraint;
    current = candidate.cause;
  }
  return false;
}
