import type { IncomingMessage, ServerResponse } from "node:http";
import { processSingleton } from "@/lib/process-singleton";

// How the production server (scripts/serve.ts) reaches the webhook receiver inside the Next.js
// build. The receiver is app code (Prisma, the ingest pool, the group-commit queue) and must be
// the build's own module instances, so the build registers it at start-up (instrumentation.ts)
// as a process singleton (lib/process-singleton.ts), and the server looks it up per request. Plain node:http and no
// "server-only": scripts/serve.ts imports this outside Next.js.

/** Answers the request; resolves once its after-answer work (outbox and feed wake-ups) is done. */
export type ServerReceiver = (request: IncomingMessage, response: ServerResponse, token: string) => Promise<void>;

/** Counts a delivery the server's gate refused, by its URL's token (lib/webhooks/ingest/refusals.ts). */
export type RefusalCounter = (token: string) => void;

const registry = processSingleton("webhookReceiver", () => ({
  current: undefined as ServerReceiver | undefined,
  refused: undefined as RefusalCounter | undefined,
}));

export function registerServerReceiver(receiver: ServerReceiver, refused?: RefusalCounter): void {
  registry.current = receiver;
  registry.refused = refused;
}

export function serverReceiver(): ServerReceiver | undefined {
  return registry.current;
}

/** Counts a refused request, if it is a webhook delivery and the build registered a counter. */
export function serverRefusals(): ((request: IncomingMessage) => void) | undefined {
  const { refused } = registry;
  if (!refused) return undefined;
  return (request) => {
    const token = webhookToken(request);
    if (token !== null) refused(token);
  };
}

const WEBHOOK_PATH = /^\/api\/webhooks\/tribemade\/([^/?#]+)(?:\?.*)?$/;

/**
 * The token of a `POST /api/webhooks/tribemade/<token>` request; null for anything else, which
 * Next.js answers as before (other methods 405, a trailing slash its redirect, a bad escape 404).
 */
export function webhookToken(request: IncomingMessage): string | null {
  if (request.method !== "POST") return null;
  const match = WEBHOOK_PATH.exec(request.url ?? "");
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
