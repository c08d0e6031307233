import type { ErrorCode } from "@/lib/http/app-error";

// What every server action returns (docs/code-style.md §16). Client-safe: forms import the type and
// render `fieldErrors` next to the matching inputs, `message` above the form.

export type FieldErrors = Partial<Record<string, string>>;

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: FieldErrors };

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export function actionOk<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function actionFail(code: ErrorCode, message: string, fieldErrors?: FieldErrors): { ok: false; error: ActionError } {
  return { ok: false, error: fieldErrors ? { code, message, fieldErrors } : { code, message } };
}

/** First message per top-level field, from zod issues (client and server use the same shape). */
export function fieldErrorsFromIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "_form";
    out[key] ??= issue.message;
  }
  return out;
}
