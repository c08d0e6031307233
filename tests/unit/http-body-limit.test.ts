import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { limitRequestBody } from "@/lib/http/body-limit";

// The body limit in front of Next.js (scripts/serve.ts), on a real HTTP server whose "Next.js"
// reads the whole body the way a route handler's request.json() does.

const LIMIT = 64 * 1024;
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function serve() {
  const handled: Array<{ path: string; bytes: number | "aborted" }> = [];
  server = createServer((request, response) =>
    limitRequestBody(
      request,
      response,
      () => {
        let bytes = 0;
        request.on("data", (chunk: Buffer) => (bytes += chunk.byteLength));
        request.on("end", () => {
          handled.push({ path: request.url ?? "", bytes });
          response.end(String(bytes));
        });
        request.on("aborted", () => handled.push({ path: request.url ?? "", bytes: "aborted" }));
      },
      LIMIT,
    ),
  );
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, handled };
}

/** POSTs `size` bytes in 16 KiB chunks, with Content-Length or chunked; the status and body. */
function post(port: number, path: string, size: number, chunked: boolean) {
  return new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
    const request = httpRequest(
      { port, path, method: "POST", headers: chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": size } },
      (response: IncomingMessage) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }));
      },
    );
    // The server may close the connection while the upload is still going: that is the point.
    request.on("error", (error) =>
      error.message.includes("EPIPE") || error.message.includes("ECONNRESET") ? undefined : reject(error),
    );
    const chunk = Buffer.alloc(16 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < size) {
        sent += chunk.byteLength;
        if (!request.write(chunk.subarray(0, Math.min(chunk.byteLength, size - sent + chunk.byteLength)))) {
          request.once("drain", write);
          return;
        }
      }
      request.end();
    };
    write();
  });
}

describe("request body limit", () => {
  it("passes bodies up to the limit, with a length or chunked", async () => {
    const { port, handled } = await serve();
    expect(await post(port, "/api/orders/sync-states", LIMIT, false)).toMatchObject({ status: 200, body: String(LIMIT) });
    expect(await post(port, "/api/orders/sync-states", LIMIT, true)).toMatchObject({ status: 200, body: String(LIMIT) });
    expect(handled).toEqual([
      { path: "/api/orders/sync-states", bytes: LIMIT },
      { path: "/api/orders/sync-states", bytes: LIMIT },
    ]);
  });

  it("refuses a declared length over the limit with 413 before the handler runs", async () => {
    const { port, handled } = await serve();
    const answer = await post(port, "/api/auth/callback/credentials", 4 * LIMIT, false);
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe("close");
    expect(JSON.parse(answer.body)).toEqual({ error: "payload_too_large", message: expect.stringContaining("exceeds") });
    expect(handled).toEqual([]);
  });

  it("refuses a chunked body once the bytes received pass the limit, and the handler's read is aborted", async () => {
    const { port, handled } = await serve();
    const answer = await post(port, "/api/orders/sync-states", 64 * LIMIT, true);
    expect(answer.status).toBe(413);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(handled).toEqual([{ path: "/api/orders/sync-states", bytes: "aborted" }]);
  });
});
