import { z } from "zod";

// "Add missing orders" (docs/webhook-ingest.md, "Refusals are counted"): the ids a member pastes,
// one per line, and what the dialog shows for each. Client-safe.

export const MAX_MISSING_IDS = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Lines of pasted text → distinct lower-cased ids; blank lines and surrounding spaces or quotes ignored. */
export function parseOrderIds(text: string): { ids: string[]; invalid: string[] } {
  const lines = text
    .split(/[\r\n,]+/)
    .map((line) =>
      line
        .trim()
        .replace(/^["'`]+|["'`]+$/g, "")
        .toLowerCase(),
    )
    .filter((line) => line.length > 0);
  const ids = [...new Set(lines.filter((line) => UUID.test(line)))];
  const invalid = [...new Set(lines.filter((line) => !UUID.test(line)))];
  return { ids, invalid };
}

export const addMissingOrdersSchema = z.object({
  text: z
    .string()
    .max(20_000)
    .superRefine((text, ctx) => {
      const { ids, invalid } = parseOrderIds(text);
      if (invalid.length > 0) {
        const shown = invalid.slice(0, 3).map((line) => `“${line.slice(0, 40)}”`);
        ctx.addIssue({
          code: "custom",
          message: `Not a TribeMade order id: ${shown.join(", ")}${invalid.length > 3 ? "…" : ""}`,
        });
      } else if (ids.length === 0) ctx.addIssue({ code: "custom", message: "Paste at least one order id." });
      else if (ids.length > MAX_MISSING_IDS)
        ctx.addIssue({ code: "custom", message: `At most ${MAX_MISSING_IDS} ids at once (${ids.length} pasted).` });
    }),
});

export const missingProgressSchema = z.object({ requestId: z.uuid() });

/**
 * Per id: `known` — the desk already has it (link); `queued` — waiting for TribeMade; `added` — created
 * from TribeMade's answer; `not_found` — this store's key does not know it; `failed` — gave up on
 * another error (the message says which).
 */
export type MissingOrderState = "known" | "queued" | "added" | "not_found" | "failed";

export type MissingOrderResult = {
  tribemadeOrderId: string;
  state: MissingOrderState;
  /** Order.id, when the desk has the order. */
  orderId: string | null;
  /** The last error, for `failed` and a `queued` id that is being retried. */
  error: string | null;
};

export type MissingOrdersDto = { requestId: string; results: MissingOrderResult[] };
