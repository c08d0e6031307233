// The TribeMade simulator as a real HTTP server (docs/architecture.md "TribeMade simulator"): the six /api
// endpoints with TribeMade's auth, rate limits and errors, the /__control API (control-api.ts),
// placeholder images, and an optional demo loop. Plain node:http: it runs outside Next.js, from
// scripts/simulator.ts, the app's start script, tests and benchmarks.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleApiCall } from "./api-handler";
import type { SimulatorContext } from "./context";
import { CONTROL_PREFIX, handleControlCall } from "./control-api";
import { startDemo } from "./demo";
import { BodyTooLargeError, errorResponse, INVALID_JSON, parseJson, readBody, writeJson } from "./http-io";
import { createRandom } from "./random";
import { createRateLimiter } from "./rate-limit";
import { recordRequest, type RequestRecord } from "./request-log";
import { isImagePath, serveImage } from "./routes-images";
import { createSimulatorState, type SimulatorState } from "./state";

export type SimulatorOptions = {
  /** 0 or absent: the OS picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the control API has no auth, so it is not exposed unless asked. */
  host?: string;
  /** Place an order for every store with a webhook URL this often. */
  demoIntervalMs?: number;
  /** Clock for rate-limit windows and timestamps (tests inject one). */
  now?: () => number;
  /** Seed for fake data and fault rolls. */
  seed?: number;
  /** TribeMade gives receivers 5 s. */
  webhookTimeoutMs?: number;
  log?: (line: string) => void;
};

export type RunningSimulator = {
  url: string;
  port: number;
  state: SimulatorState;
  stop(): Promise<void>;
};

function displayHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const host = options.host ?? "127.0.0.1";
  const ctx: SimulatorContext = {
    state: createSimulatorState(),
    limiter: createRateLimiter(now),
    now,
    random: createRandom(options.seed),
    publicUrl: "",
    webhookTimeoutMs: options.webhookTimeoutMs ?? 5_000,
  };
  const hangs = new Set<NodeJS.Timeout>();

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const body = parseJson(await readBody(req));
    if (body === INVALID_JSON) return writeJson(res, errorResponse(400, "Invalid JSON body"));
    const path = url.pathname.slice(CONTROL_PREFIX.length);
    writeJson(res, await handleControlCall(ctx, req.method ?? "GET", path, url.searchParams, body));
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const record: RequestRecord = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.search,
      headers: req.headers,
      body: Buffer.alloc(0),
      startedMs: now(),
      startedPerf: performance.now(),
      status: null,
      storeId: null,
      fault: null,
    };
    try {
      record.body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader("Connection", "close");
      writeJson(res, errorResponse(413, "Payload too large"));
      return recordRequest(ctx, { ...record, status: 413 });
    }
    const outcome = await handleApiCall(ctx, {
      method: record.method,
      path: record.path,
      headers: req.headers,
      body: record.body,
    });
    Object.assign(record, { storeId: outcome.storeId, fault: outcome.fault });
    if (outcome.kind === "hang") {
      // Say nothing, then drop the connection: the caller's timeout is what should fire.
      const timer = setTimeout(() => {
        hangs.delete(timer);
        req.socket.destroy();
      }, outcome.ms);
      hangs.add(timer);
      return recordRequest(ctx, record);
    }
    writeJson(res, outcome.response);
    recordRequest(ctx, { ...record, status: outcome.response.status });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator");
    const isControl = url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`);
    const work = isControl
      ? handleControl(req, res, url)
      : req.method === "GET" && isImagePath(url.pathname)
        ? Promise.resolve(serveImage(ctx, url.pathname, res))
        : handleApi(req, res, url);
    work.catch((error: unknown) => {
      log(`simulator: ${req.method} ${url.pathname} failed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) writeJson(res, errorResponse(500, "Internal server error"));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${displayHost(host)}:${port}`;
  ctx.publicUrl = url;
  const stopDemo = options.demoIntervalMs ? startDemo(ctx, options.demoIntervalMs, log) : () => {};

  return {
    url,
    port,
    state: ctx.state,
    async stop() {
      stopDemo();
      for (const timer of hangs) clearTimeout(timer);
      hangs.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
