import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError, type ZodType } from "zod";
import { actionFail, fieldErrorsFromIssues, type ActionError, type ActionResult } from "@/lib/http/action-result";
import { AppError } from "@/lib/http/app-error";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { logger } from "@/lib/http/logger";

/**
 * The body of every server action: parse the input with the form's own schema, run, and turn
 * whatever is thrown into the result union. Next's redirect()/notFound() pass through.
 */
export async function runAction<S extends ZodType, T>(
  name: string,
  schema: S,
  input: unknown,
  run: (data: S["_output"]) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return actionFail("validation_failed", "Check the highlighted fields.", fieldErrorsFromIssues(parsed.error.issues));
    }
    return { ok: true, data: await run(parsed.data) };
  } catch (error) {
    unstable_rethrow(error);
    return toActionFailure(name, error);
  }
}

export function toActionFailure(name: string, error: unknown): { ok: false; error: ActionError } {
  if (error instanceof AppError) {
    const fieldErrors = isFieldErrors(error.details) ? error.details : undefined;
    return actionFail(error.code, error.message, fieldErrors);
  }
  if (error instanceof ZodError) {
    return actionFail("validation_failed", "Check the highlighted fields.", fieldErrorsFromIssues(error.issues));
  }
  if (isDatabaseUnavailable(error)) {
    return actionFail("unavailable", "The database is unavailable; try again shortly.");
  }
  logger.error("server action failed", { action: name, error });
  return actionFail("internal_error", "Something went wrong on our side; try again.");
}

function isFieldErrors(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === "string")
  );
}
