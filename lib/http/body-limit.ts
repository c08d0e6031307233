import type { IncomingMessage, ServerResponse } from "node:http";

// A request body limit for the production server (scripts/serve.ts), in front of Next.js. Next.js
// bounds server actions (1 MB) but not route handlers: `request.json()` in a handler, next-auth's
// callback included, buffers whatever arrives. Bodies over the limit are refused with 413 before
// Next.js sees them (by Content-Length), or as soon as the bytes received pass it (chunked uploads).
// Webhooks answered by the server's own receiver do not pass here: it caps the body itself and
// records an oversized delivery.
//
// Plain node:http and no "server-only": the custom server imports this outside Next.js.

/** 1 MiB: the largest body the app takes is a bulk action's 1,000 ids (~40 kB). */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

// The app's error shape (lib/http/error-response.ts), so every client sees one format.
const TOO_LARGE_BODY = JSON.stringify({
  error: "payload_too_large",
  message: `The request body exceeds ${MAX_REQUEST_BODY_BYTES} bytes.`,
});

/**
 * Calls `next` unless the declared body is over the limit (then answers 413 here). Bodies without
 * a length are counted as the socket delivers them; past the limit the request is answered 413 and
 * the connection closed, so its handler's read fails instead of buffering the rest.
 */
export function limitRequestBody(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
  limit = MAX_REQUEST_BODY_BYTES,
): void {
  const declared = request.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return refuse(request, response);
  // With a Content-Length, Node's parser delivers at most that many bytes; otherwise count them.
  // node:http hands every body chunk to `push` as it is parsed, whoever reads the stream and when,
  // so wrapping it counts the bytes received, not the bytes a reader happened to consume.
  if (declared === undefined) {
    let received = 0;
    const push = request.push.bind(request);
    request.push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (Buffer.isBuffer(chunk)) received += chunk.byteLength;
      if (received <= limit) return push(chunk, encoding);
      refuse(request, response);
      return false;
    };
  }
  next();
}

function refuse(request: IncomingMessage, response: ServerResponse): void {
  // A handler that already answered is streaming its answer: only dropping the connection stops it.
  if (response.headersSent) return void request.socket.destroy();
  response.writeHead(413, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(TOO_LARGE_BODY),
    // The rest of the upload is not read: the connection cannot carry another request.
    Connection: "close",
  });
  // Once the answer is handed to the socket, abort the request (and its connection): a handler
  // still reading the body sees it end early instead of waiting for bytes that are never passed on.
  // No error argument: an "error" event nobody listens to would take the process down.
  response.end(TOO_LARGE_BODY, () => request.destroy());
}
