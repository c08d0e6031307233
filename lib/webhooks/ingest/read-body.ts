import "server-only";
import type { IncomingMessage } from "node:http";

// Reads a request body once, as bytes, stopping as soon as it passes the cap: a sender cannot make
// us buffer more than cap + one chunk. The first `cap` bytes are kept so an oversized delivery can
// still be recorded and inspected. A sender that trickles its body cannot hold the request (and
// its place in the ingest queue) longer than `timeoutMs`.

export type CappedBody = { bytes: Uint8Array; truncated: boolean };

/** The body did not arrive in time. */
export class BodyReadTimeout extends Error {}

/** The sender hung up before its body was complete. */
export class BodyAborted extends Error {}

export async function readBodyCapped(request: Request, cap: number, timeoutMs = Infinity): Promise<CappedBody> {
  if (!request.body) return { bytes: new Uint8Array(0), truncated: false };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  let timedOut = false;
  // Cancelling ends the pending read (done: true); the flag tells that apart from the body's end.
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true;
        void reader.cancel().catch(() => {});
      }, timeoutMs)
    : undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) throw new BodyReadTimeout(`the body did not arrive within ${timeoutMs} ms`);
      if (done) break;
      const room = cap - size;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        size += room;
        truncated = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    clearTimeout(timer);
    // Stop the sender's upload instead of draining it; ignore errors from an already-closed stream.
    if (truncated) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
  return { bytes: concat(chunks, size), truncated };
}

/**
 * The same for node:http's request (the production server answers webhooks before Next.js,
 * server-receiver.ts). Past the cap it stops reading; the caller closes the connection after its
 * answer rather than let Node drain the rest of the upload.
 */
export function readNodeBodyCapped(request: IncomingMessage, cap: number, timeoutMs: number): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const settle = (outcome: CappedBody | Error) => {
      clearTimeout(timer);
      request.off("data", onData).off("end", onEnd).off("error", onAborted).off("close", onAborted);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      const room = cap - size;
      if (chunk.byteLength <= room) {
        chunks.push(chunk);
        size += chunk.byteLength;
        return;
      }
      chunks.push(chunk.subarray(0, room));
      request.pause();
      settle({ bytes: concat(chunks, cap), truncated: true });
    };
    const onEnd = () => settle({ bytes: concat(chunks, size), truncated: false });
    // An error ("aborted") or "close" before "end": the connection dropped mid-body.
    const onAborted = () => settle(new BodyAborted("the sender hung up before the body was complete"));
    const timer = setTimeout(() => settle(new BodyReadTimeout(`the body did not arrive within ${timeoutMs} ms`)), timeoutMs);
    request.on("data", onData).on("end", onEnd).on("error", onAborted).on("close", onAborted);
  });
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
