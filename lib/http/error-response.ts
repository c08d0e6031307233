import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError } from "@/lib/http/app-error";
import { logger } from "@/lib/http/logger";

/** The JSON error body every route answers with. */
export type ErrorBody = { error: string; message: string; details?: unknown; requestId?: string };

export function errorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { error: error.code, message: error.message };
  if (error.details !== undefined) body.details = error.details;
  return body;
}

export function jsonError(error: AppError, headers?: HeadersInit): Response {
  return Response.json(errorBody(error), { status: error.status, headers });
}

/** Maps anything thrown in a route handler to a response; unknown errors become a logged 500. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return jsonError(error);
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return jsonError(new AppError("validation_failed", "The request is not valid.", details));
  }
  if (isDatabaseUnavailable(error)) {
    return jsonError(new AppError("unavailable", "The database is unavailable; try again shortly."), { "Retry-After": "5" });
  }
  const requestId = randomUUID();
  logger.error("unhandled error", { requestId, error });
  const body: ErrorBody = { error: "internal_error", message: "Something went wrong on our side.", requestId };
  return Response.json(body, { status: 500 });
}
