import type { FieldIssue } from "@/lib/webhooks/payload-schema";

// JSON.parse accepts things PostgreSQL's jsonb and text columns refuse: "\u0000", unpaired UTF-16
// surrogates ("\ud800"), numbers that overflow to Infinity, and nesting deep enough to exhaust the
// server's stack. Any of them reaching the ingest statement would fail it and lose the delivery, so
// they are settled here: strings are repaired (U+FFFD, with a warning; the raw bytes stay intact in
// the delivery), the rest is rejected as invalid_payload with its path.

/** The example payload nests 3 levels; 32 leaves room for custom_questions of any shape. */
export const MAX_DEPTH = 32;
const MAX_PATH_LENGTH = 200;
const MAX_ISSUES = 10;

export type JsonbSafeResult = { value: unknown; repaired: string[]; problems: FieldIssue[] };

export function makeJsonbSafe(input: unknown): JsonbSafeResult {
  const repaired: string[] = [];
  const problems: FieldIssue[] = [];

  // Recursion is bounded by MAX_DEPTH; objects are copied only when something inside changed, and
  // always with Object.fromEntries (define, never assign: a "__proto__" key stays a plain key).
  function visit(value: unknown, path: string[], depth: number): unknown {
    if (typeof value === "string") {
      if (!needsRepair(value)) return value;
      if (repaired.length < MAX_ISSUES) repaired.push(formatPath(path));
      return repairText(value);
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value) && problems.length < MAX_ISSUES) {
        problems.push({ path: formatPath(path), message: "number is too large to store" });
      }
      return value;
    }
    if (value === null || typeof value !== "object") return value;
    if (depth >= MAX_DEPTH) {
      if (problems.length < MAX_ISSUES) {
        problems.push({ path: formatPath(path), message: `nested deeper than ${MAX_DEPTH} levels` });
      }
      return value;
    }
    if (Array.isArray(value)) {
      let changed = false;
      const out = value.map((item, index) => {
        const next = visit(item, [...path, String(index)], depth + 1);
        if (next !== item) changed = true;
        return next;
      });
      return changed ? out : value;
    }
    let changed = false;
    const entries = Object.entries(value).map(([key, item]): [string, unknown] => {
      if (needsRepair(key) && problems.length < MAX_ISSUES) {
        problems.push({ path: formatPath([...path, key]), message: "key contains a NUL or an unpaired surrogate" });
      }
      const next = visit(item, [...path, key], depth + 1);
      if (next !== item) changed = true;
      return [key, next];
    });
    return changed ? Object.fromEntries(entries) : value;
  }

  const value = visit(input, [], 0);
  return { value, repaired, problems };
}

function needsRepair(text: string): boolean {
  return text.includes("\u0000") || !text.isWellFormed();
}

/** Text PostgreSQL can store: NUL and unpaired surrogates become U+FFFD. */
export function repairText(text: string): string {
  return text.toWellFormed().replaceAll("\u0000", "\uFFFD");
}

/** Dotted path for humans ("customer.email", "order_details.custom_questions.0"); "" is the body. */
export function formatPath(path: readonly PropertyKey[]): string {
  const joined = repairText(path.map(String).join("."));
  return joined.length > MAX_PATH_LENGTH ? `${joined.slice(0, MAX_PATH_LENGTH)}…` : joined;
}
