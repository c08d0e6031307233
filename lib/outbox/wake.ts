import "server-only";
import { createNotifyBatcher } from "@/lib/notify-batcher";

// Wakes outbox drainers right after a write (docs/architecture.md, "Outbox": the cron is the durable
// path, this is the fast one). For now a NOTIFY on `tribedesk_outbox` for a listening drainer; best
// effort, and it never throws. Coalesced (lib/notify-batcher.ts): one NOTIFY per store says it all.

export const OUTBOX_CHANNEL = "tribedesk_outbox";

const notifyOutbox = createNotifyBatcher(OUTBOX_CHANNEL);

/** Resolves once the wake-up has been sent (or failed and been logged). */
export function wakeOutbox(storeId: string): Promise<void> {
  return notifyOutbox(storeId);
}
