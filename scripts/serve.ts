// The production server (`npm start`, the end-to-end tests, the benchmarks, self-hosting): Next.js's
// own request handler behind one gate that refuses a webhook it could not answer in time
// (lib/webhooks/ingest/server-gate.ts).
// Admitted webhooks are answered here by the build's own receiver, without Next.js's per-request
// work (lib/webhooks/ingest/server-receiver.ts; docs/webhook-ingest.md), and so is the live feed's
// stream (lib/orders/feed-stream-server.ts; docs/orders-feed.md). Everything else is what
// `next start` does. Needs a `next build` first. On Vercel this file is not used: the platform
// bounds each instance's load and webhooks go through the route.
//
//   PORT (3000), HOSTNAME (127.0.0.1)
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { z } from "zod";
import { createWebhookGate, watchEventLoop } from "../lib/webhooks/ingest/server-gate";
import { serverReceiver, webhookToken } from "../lib/webhooks/ingest/server-hook";
import { serverFeedStream } from "../lib/orders/feed-stream-hook";
import { limitRequestBody } from "../lib/http/body-limit";
import { normaliseRequestTarget } from "../lib/http/request-target";
import { applyServerTimeouts } from "../lib/http/server-timeouts";
import { describeBind } from "../lib/embedded/bind-address";

const settings = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOSTNAME: z.string().min(1).default("127.0.0.1"),
  })
  .parse(process.env);

/**
 * Connections the kernel holds for us while the event loop is busy. A flash sale opens hundreds at
 * once (TribeMade sends each webhook on a new connection), and past Node's default of 511 Linux drops
 * the handshake: the sender retries it after 1 s, then 3 s, 7 s… of its 5 s timeout. Linux caps it at
 * net.core.somaxconn (4096 by default since 5.4).
 */
const LISTEN_BACKLOG = 4_096;

/** How long a stopping server waits for requests in flight before it exits anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

async function main(): Promise<void> {
  const app = next({ dev: false, dir: path.resolve(__dirname, ".."), hostname: settings.HOSTNAME, port: settings.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const gate = createWebhookGate({ lagMs: watchEventLoop() });
  const server = createServer((request, response) => {
    // Once, before anything reads the path: an absolute-form target must not skip the gate.
    normaliseRequestTarget(request);
    gate.handle(request, response, () => {
      // Webhooks skip Next.js's own per-request work (lib/webhooks/ingest/server-receiver.ts).
      const token = webhookToken(request);
      const receive = token === null ? undefined : serverReceiver();
      if (receive && token !== null) return void receive(request, response, token);
      // The live feed's stream, open for minutes in every tab, skips it too (lib/orders/feed-stream-hook.ts).
      const stream = serverFeedStream(request);
      if (stream) return void stream(request, response);
      // Next.js buffers route handlers' bodies whatever their size: refused past 1 MiB here.
      limitRequestBody(request, response, () => void handle(request, response));
    });
  });
  applyServerTimeouts(server);
  server.listen({ port: settings.PORT, host: settings.HOSTNAME, backlog: LISTEN_BACKLOG }, () => {
    console.log(`[serve] Ready, listening on ${describeBind(settings.HOSTNAME, settings.PORT)}`);
  });

  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(`[serve] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
