import "server-only";
import type { FeedOrderEvent } from "@/lib/orders/schemas";

// The live feed's server-sent event frames (lib/orders/feed-stream.ts), encoded once: a frame for a
// store's change is one Uint8Array written to every open stream of that store.
//
// Events:  ready   {mode, at}         once, first
//          order   {change, order}    a new (created) or changed (updated) order, as a feed row
//          resync  {}                 re-read the list: changes may have been missed
//          bye     {}                 the stream is ending on purpose; the browser reconnects
//          revoked {}                 the session or the membership ended; the browser stops
// plus a `: ping` comment every heartbeat so proxies keep the connection open.

export type FeedStreamEvent =
  | { event: "ready"; data: { mode: "listen" | "poll"; at: string } }
  | { event: "order"; data: FeedOrderEvent }
  | { event: "resync"; data: Record<string, never> }
  | { event: "bye"; data: Record<string, never> }
  | { event: "revoked"; data: Record<string, never> };

const encoder = new TextEncoder();

export function encodeFrame(message: FeedStreamEvent, id?: number): Uint8Array {
  const lines = [`event: ${message.event}`, `data: ${JSON.stringify(message.data)}`];
  if (id !== undefined) lines.unshift(`id: ${id}`);
  return encoder.encode(`${lines.join("\n")}\n\n`);
}

export const PING_FRAME = encoder.encode(": ping\n\n");
export const BYE_FRAME = encodeFrame({ event: "bye", data: {} });
export const REVOKED_FRAME = encodeFrame({ event: "revoked", data: {} });

export function retryFrame(ms: number): Uint8Array {
  return encoder.encode(`retry: ${ms}\n\n`);
}
