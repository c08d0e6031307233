// The live feed at many open streams (issue 27; `npm run bench -- --only=live`): N event streams on
// /api/orders/stream, all of one store and one signed-in user (the worst case for fan-out: every
// stream gets every change), then orders one a second through the real webhook route. Measured:
// webhook ack → `order` frame on every stream, resyncs, the server's memory per open stream, and
// the PostgreSQL connections the one app process holds. Streams are plain HTTP/1.1 connections from
// this process (a browser per stream would measure the browsers).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";
import { createBenchMerchant, signIn, type BenchMerchant } from "./orders-stores";
import { orderCreatedFor } from "./orders-live";

export type FanoutResult = {
  streams: number;
  connectSeconds: number;
  refused: number;
  orders: number;
  samples: number[];
  missed: number;
  resyncs: number;
  /** Server RSS growth per open stream (KiB). */
  kibPerStream: number;
  /** Growth of what the heap still holds after a full collection, per open stream (KiB). */
  retainedKibPerStream: number;
  rssAfterOrdersMiB: number;
  maxConnections: number;
};

type Stream = { request: http.ClientRequest; seen: Map<string, number>; resyncs: number; ready: boolean };

/** The server's heap after a full collection, through the bench-only route (lib/perf/memory-handler.ts). */
async function retained(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/bench/memory`, { method: "POST" });
  if (!response.ok) throw new Error(`/api/bench/memory answered ${response.status}`);
  return ((await response.json()) as { retained: number }).retained;
}

/** The app server's resident memory in bytes (Linux /proc). */
function rss(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? 0) * 1024;
}

function open(baseUrl: string, cookie: string, agent: http.Agent): Promise<Stream | null> {
  return new Promise((resolve) => {
    const stream: Stream = { request: null as unknown as http.ClientRequest, seen: new Map(), resyncs: 0, ready: false };
    stream.request = http.get(
      `${baseUrl}/api/orders/stream`,
      { agent, headers: { cookie, accept: "text/event-stream" } },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return resolve(null);
        }
        let buffer = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          const now = Date.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.includes("event: ready")) {
              stream.ready = true;
              resolve(stream);
            } else if (block.includes("event: resync")) stream.resyncs++;
            else if (block.includes("event: order")) {
              const data = block.slice(block.indexOf("data: ") + 6);
              const id = (JSON.parse(data) as { order: { tribemadeOrderId: string } }).order.tribemadeOrderId;
              if (!stream.seen.has(id)) stream.seen.set(id, now);
            }
          }
        });
        response.on("error", () => {});
      },
    );
    stream.request.on("error", () => resolve(null));
  });
}

function deliver(baseUrl: string, merchant: BenchMerchant, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/webhooks/tribemade/${merchant.webhookToken}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function appConnections(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM pg_stat_activity
      WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  return rows[0]?.count ?? 0;
}

export async function runFanoutBench(options: {
  baseUrl: string;
  databaseUrl: string;
  serverPid: number;
  streams: number;
  orders: number;
  log: (line: string) => void;
  merchant?: BenchMerchant;
}): Promise<FanoutResult> {
  const { baseUrl, log } = options;
  const merchant = options.merchant ?? (await createBenchMerchant(options.databaseUrl, `Fanout${randomUUID().slice(0, 4)}`));
  const cookie = await signIn(baseUrl, merchant);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const client = new pg.Client(options.databaseUrl);
  await client.connect();
  let maxConnections = 0;
  const sampler = setInterval(() => {
    void appConnections(client).then(
      (count) => (maxConnections = Math.max(maxConnections, count)),
      () => {},
    );
  }, 200);
  const streams: Stream[] = [];
  try {
    // Let the previous run's streams leave and the server settle before the baseline reading.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const retainedBefore = await retained(baseUrl);
    const before = rss(options.serverPid);
    const started = Date.now();
    let refused = 0;
    // Opened in waves of 100, as tabs arrive: the server answers each one's session check.
    for (let index = 0; index < options.streams; index += 100) {
      const wave = await Promise.all(
        Array.from({ length: Math.min(100, options.streams - index) }, () => open(baseUrl, cookie, agent)),
      );
      for (const stream of wave) if (stream) streams.push(stream);
      refused += wave.filter((stream) => stream === null).length;
    }
    const connectSeconds = (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // Both readings just after a full collection (retained() runs one), so the growth is what the
    // open streams hold, not what opening them left for the collector.
    const retainedKibPerStream = ((await retained(baseUrl)) - retainedBefore) / 1024 / Math.max(1, streams.length);
    const kibPerStream = (rss(options.serverPid) - before) / 1024 / Math.max(1, streams.length);
    log(
      `live: ${streams.length} streams open in ${connectSeconds.toFixed(1)} s (${refused} refused), ${kibPerStream.toFixed(1)} KiB RSS, ` +
        `${retainedKibPerStream.toFixed(1)} KiB retained each`,
    );

    const samples: number[] = [];
    let missed = 0;
    for (let index = 0; index < options.orders; index++) {
      const body = orderCreatedFor(merchant);
      // The webhook gate may shed a delivery while the server is busy (503, Retry-After): TribeMade
      // sends it again, and so does the bench; the latency counts from the ack that was accepted.
      let response = await deliver(baseUrl, merchant, body);
      for (let attempt = 0; response.status === 503 && attempt < 5; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        response = await deliver(baseUrl, merchant, body);
      }
      const acked = Date.now();
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
      const deadline = acked + 10_000;
      while (Date.now() < deadline && streams.some((stream) => !stream.seen.has(body.order_id))) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      for (const stream of streams) {
        const at = stream.seen.get(body.order_id);
        if (at === undefined) missed++;
        else samples.push(Math.max(0, at - acked));
      }
      // One order a second, as in the run.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, acked + 1_000 - Date.now())));
    }
    const rssAfterOrdersMiB = (rss(options.serverPid) - before) / 2 ** 20;
    const resyncs = streams.reduce((sum, stream) => sum + stream.resyncs, 0);
    return {
      streams: streams.length,
      connectSeconds,
      refused,
      orders: options.orders,
      samples: samples.sort((a, b) => a - b),
      missed,
      resyncs,
      kibPerStream,
      retainedKibPerStream,
      rssAfterOrdersMiB,
      maxConnections,
    };
  } finally {
    clearInterval(sampler);
    for (const stream of streams) stream.request.destroy();
    agent.destroy();
    await client.end();
  }
}
