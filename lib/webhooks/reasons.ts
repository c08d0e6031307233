import { ERROR_STATUS } from "@/lib/http/app-error";
import { REJECTION_REASONS, type RejectionReason } from "@/lib/webhooks/payload-schema";

// How the inspector names a rejected delivery's reason. Client-safe.

function isRejectionReason(reason: string): reason is RejectionReason {
  return (REJECTION_REASONS as readonly string[]).includes(reason);
}

/**
 * The HTTP status the sender got for a rejection reason (the reason is the error code it was
 * answered with), except internal_error: a delivery that could not be stored is answered 503
 * `unavailable`, so that TribeMade sends it again (docs/webhook-ingest.md).
 */
export function reasonStatus(reason: string): number | null {
  if (reason === "internal_error") return ERROR_STATUS.unavailable;
  return isRejectionReason(reason) ? ERROR_STATUS[reason] : null;
}

/** invalid_payload → "Invalid payload" */
export function reasonLabel(reason: string): string {
  const text = reason.replaceAll("_", " ").replace(/\bjson\b/g, "JSON");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
