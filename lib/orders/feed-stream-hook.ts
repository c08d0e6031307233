import type { IncomingMessage, ServerResponse } from "node:http";
import { processSingleton } from "@/lib/process-singleton";

// How the production server (scripts/serve.ts) reaches the live feed's stream inside the Next.js
// build, the way it reaches the webhook receiver (lib/webhooks/ingest/server-hook.ts): the build
// registers its handler at start-up (instrumentation.ts), the server looks it up per request.
// Answered there, an open stream costs a socket and the hub's subscriber, not Next.js's per-request
// machinery for a response that stays open for minutes (docs/orders-feed.md, "Memory per stream").
// Plain node:http and no "server-only": scripts/serve.ts imports this outside Next.js.

export type ServerFeedStream = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const registry = processSingleton("feedStreamServer", () => ({ current: undefined as ServerFeedStream | undefined }));

export function registerServerFeedStream(handler: ServerFeedStream): void {
  registry.current = handler;
}

const STREAM_PATH = /^\/api\/orders\/stream(?:\?.*)?$/;

/** The build's handler for a `GET /api/orders/stream` request; undefined for anything else. */
export function serverFeedStream(request: IncomingMessage): ServerFeedStream | undefined {
  if (request.method !== "GET" || !STREAM_PATH.test(request.url ?? "")) return undefined;
  return registry.current;
}
