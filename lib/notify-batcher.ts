import "server-only";
import { pgPool } from "@/lib/db";
import { logger } from "@/lib/http/logger";

// NOTIFY for wake-ups (lib/outbox/wake.ts, lib/feed/notify.ts): best effort, never throws, and the
// calls within one window go out as one statement. Under load ingest asks hundreds of times a second.
// Plain pg, not Prisma: this runs after every webhook and Prisma adds per-call overhead.

/**
 * One statement per 50 ms at most: measured under load, each round trip costs the app's one
 * JavaScript thread ~0.4 ms, so per-request NOTIFYs cost ingest 5–10% of its throughput; 50 ms is
 * invisible to a person watching the feed (docs/webhook-ingest.md, "After the response").
 */
export const NOTIFY_COALESCE_MS = 50;

/**
 * A sender for `channel`: each call queues a payload and resolves once the statement carrying it
 * has run (or failed and been logged). Equal payloads in one window are sent once.
 */
export function createNotifyBatcher(channel: string, coalesceMs = NOTIFY_COALESCE_MS): (payload: string) => Promise<void> {
  let pending: { payloads: Set<string>; sent: Promise<void> } | null = null;

  async function send(payloads: string[]): Promise<void> {
    try {
      await pgPool.query("SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p", [channel, payloads]);
    } catch (error) {
      logger.warn("notify failed", { channel, payloads: payloads.length, error });
    }
  }

  return (payload) => {
    if (!pending) {
      const payloads = new Set<string>();
      const sent = new Promise<void>((resolve) => {
        setTimeout(() => {
          pending = null;
          void send([...payloads]).then(resolve);
        }, coalesceMs);
      });
      pending = { payloads, sent };
    }
    pending.payloads.add(payload);
    return pending.sent;
  };
}
