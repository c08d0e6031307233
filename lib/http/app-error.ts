// One error type for the whole app, with a closed code → HTTP status table (docs/code-style.md §10).
// Codes are machine-readable and stable: clients and tests match on them.

export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_payload: 400,
  unsupported_event: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  store_mismatch: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  /** A status change TribeMade's state machine does not allow (lib/orders/transitions.ts). */
  invalid_transition: 409,
  /** Undo came after the status push was sent: TribeMade already has it and emailed the customer. */
  already_sent: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  internal_error: 500,
  upstream_error: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
