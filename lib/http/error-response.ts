import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { AppError } from "@/lib/http/app-error";
import { logger } from "@/lib/http/logger";

/** The JSON error body every route answers with. */
export type ErrorBody = { error: string; message: string; details?: unknown; requestId?: string };

export function jsonError(error: AppError, headers?: HeadersInit): Response {
  const body: ErrorBody = { error: error.code, message: error.message };
  if (error.details !== undefined) body.details = error.details;
  return Response.json(body, { status: error.status, headers });
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

// Node socket errors, PostgreSQL shutdown/too-many-connections SQLSTATEs, and Prisma's
// "can't reach database server" / "timed out" (P1001, P1002, P2024).
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P2024",
]);

/** Connection refused, pool acquire timeout, server shutting down or out of connections. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (/timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/i.test(current.message)) return true;
  }
  return false;
}
