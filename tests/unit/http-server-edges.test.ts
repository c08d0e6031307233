import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { normaliseRequestTarget } from "@/lib/http/request-target";
import { applyServerTimeouts, SERVER_TIMEOUTS } from "@/lib/http/server-timeouts";
import { webhookToken } from "@/lib/webhooks/ingest/server-hook";

// The production server's edges (scripts/serve.ts), on a real HTTP server fed raw requests.

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Sends raw bytes and collects what comes back until the server closes or `waitMs` passes. */
async function raw(port: number, bytes: string, waitMs = 1_000) {
  const socket = connect(port, "127.0.0.1");
  let answer = "";
  socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
  const closed = new Promise<boolean>((resolve) => {
    socket.once("close", () => resolve(true));
    setTimeout(() => resolve(false), waitMs);
  });
  socket.write(bytes);
  const byServer = await closed;
  socket.destroy();
  return { answer, closedByServer: byServer };
}

describe("request target", () => {
  it("rewrites an absolute-form target to origin form before anything reads the path", async () => {
    const seen: Array<{ url: string | undefined; token: string | null }> = [];
    server = createServer((request, response) => {
      normaliseRequestTarget(request);
      seen.push({ url: request.url, token: webhookToken(request) });
      response.end();
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const post = (target: string) =>
      raw(port, `POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    await post("http://evil.example/api/webhooks/tribemade/tok?x=1");
    await post("HTTPS://127.0.0.1:3000/api/webhooks/tribemade/tok");
    await post("/api/webhooks/tribemade/tok");
    await post("*");
    expect(seen).toEqual([
      { url: "/api/webhooks/tribemade/tok?x=1", token: "tok" },
      { url: "/api/webhooks/tribemade/tok", token: "tok" },
      { url: "/api/webhooks/tribemade/tok", token: "tok" },
      { url: "*", token: null },
    ]);
  });
});

describe("server timeouts", () => {
  it("are set shorter than Node's defaults, with keep-alive outlasting a proxy's 60 s idle timeout", () => {
    const plain = createServer();
    applyServerTimeouts(plain);
    expect(plain.headersTimeout).toBe(SERVER_TIMEOUTS.headersTimeout);
    expect(plain.requestTimeout).toBe(SERVER_TIMEOUTS.requestTimeout);
    expect(plain.keepAliveTimeout).toBe(SERVER_TIMEOUTS.keepAliveTimeout);
    expect(plain.headersTimeout).toBeLessThan(60_000);
    expect(plain.requestTimeout).toBeLessThan(300_000);
    expect(plain.keepAliveTimeout).toBeGreaterThan(60_000);
  });

  it("answer a client that trickles its headers 408 and close its connection (Node's check, 1 s here)", async () => {
    server = createServer({ connectionsCheckingInterval: 100 }, (_request, response) => response.end("ok"));
    applyServerTimeouts(server);
    server.headersTimeout = 500;
    server.requestTimeout = 1_000;
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const slow = await raw(port, "POST / HTTP/1.1\r\nHost: x\r\n", 3_000);
    expect(slow.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(slow.closedByServer).toBe(true);
  });
});
