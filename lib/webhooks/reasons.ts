import { ERROR_STATUS } from "@/lib/http/app-error";
import { REJECTION_REASONS, type RejectionReason } from "@/lib/webhooks/payload-schema";

// How the inspector names a rejected delivery's reason. Client-safe.

function isRejectionReason(reason: string): reason is RejectionReason {
  return (REJECTION_REASONS as readonly string[]).includes(reason);
}

/** The HTTP status the sender got for a rejection reason (the reason is the error code it was answered with). */
export function reasonStatus(reason: string): number | null {
  return isRejectionReason(reason) ? ERROR_STATUS[reason] : null;
}

/** invalid_payload → "Invalid payload" */
export function reasonLabel(reason: string): string {
  const text = reason.replaceAll("_", " ").replace(/\bjson\b/g, "JSON");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
