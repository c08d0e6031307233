import type { IncomingMessage, ServerResponse } from "node:http";
import { processSingleton } from "@/lib/process-singleton";

// How the production server (scripts/serve.ts) reaches the webhook receiver inside the Next.js
// build. The receiver is app code (Prisma, the ingest pool, the group-commit queue) and must be
// the build's own module instances, so the build registers it at start-up (instrumentation.ts)
// as a process singleton (lib/process-singleton.ts), and the server looks it up per request. Plain node:http and no
// "server-only": scripts/serve.ts imports this outside Next.js.

/** Answers the request; resolves once its after-answer work (outbox and feed wake-ups) is done. */
export type ServerReceiver = (request: IncomingMessage, response: ServerResponse, token: string) => Promise<void>;

const registry = processSingleton("webhookReceiver", () => ({ current: undefined as ServerReceiver | undefined }));

export function registerServerReceiver(receiver: ServerReceiver): void {
  registry.current = receiver;
}

export function serverReceiver(): ServerReceiver | undefined {
  return registry.current;
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
