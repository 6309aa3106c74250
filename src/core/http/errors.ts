/** Field-level validation problem: `field` is the input's name, `message` an instruction to the user. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Errors with a stable machine-readable type. The central error handler turns them into an HTML error page
 * or, under /api/, an RFC 9457 problem+json body with `type` = `/problems/{type}`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

export const NotFound = (message = "The requested resource does not exist.") =>
  new AppError(404, "not-found", message);
export const Forbidden = (message = "You are not allowed to do this.") =>
  new AppError(403, "forbidden", message);
export const Conflict = (message: string) => new AppError(409, "conflict", message);
export const BadRequest = (message: string) => new AppError(400, "bad-request", message);
export const ValidationFailed = (fields: FieldError[], message = "The input is invalid.") =>
  new AppError(422, "validation-failed", message, fields);
