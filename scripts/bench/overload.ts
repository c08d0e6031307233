// Overload (issue 10 item 3): twice the machine's measured ingest capacity, open loop, for a minute.
// Bounded ingest must keep the server's memory flat, commit every delivery it acknowledges, refuse
// the rest with fast 503s, and be back to normal within seconds once the flood stops.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { takeTrace } from "./ingest";
import { percentile, steadyLoad, type Sample } from "./load";
import type { AppServer } from "./stack";

export type OverloadResult = {
  offeredRate: number;
  seconds: number;
  ok: number;
  byStatus: Record<string, number>;
  okLatency: { p50: number; p99: number };
  refusedLatency: { p50: number; p99: number; max: number };
  /** Refusals timed from the moment the generator sent them (all but the generator's own lateness). */
  refusedFromSend: { p50: number; p99: number };
  /** The load generator's own lateness: scheduled start → handed to its HTTP client, all requests. */
  generatorLateness: { p50: number; p99: number };
  /** Resident memory before, the peak in each quarter of the flood, its maximum, and after the probe. */
  rssMiB: { before: number; quarters: number[]; max: number; after: number };
  missing: number;
  /** From the end of the flood to the last refused or slow (> 100 ms) request of the probe that follows. */
  recoveryMs: number;
  /** Probe requests refused or slower than 100 ms, of all probe requests. */
  probeLate: { count: number; of: number };
  /** Connections the kernel dropped during the flood because an accept queue was full (Linux, machine-wide; null elsewhere). */
  listenOverflows: number | null;
  /** The server's pauses ≥ LONG_PAUSE_MS during the flood, by kind (event-loop stall, GC kind): count and longest. */
  longPauses: Record<string, { count: number; maxMs: number; totalMs: number; cpuMs: number }>;
};

/** Pauses the report lists. */
const LONG_PAUSE_MS = 50;
/** The generator's own lateness (p99) past which a run's latencies say more about it than the server. */
const GENERATOR_LATE_MS = 50;
/** A refusal's p99 must stay under a tenth of TribeMade's 5 s timeout. */
const REFUSAL_FAST_MS = 500;

const TEMPLATE = (orderId: string) =>
  JSON.stringify({
    event: "order.created",
    order_id: orderId,
    customer: { name: "Rahul Sharma", email: "rahul.sharma@example.com", number: "9876543210", pincode: "400001" },
    order_details: { quantity: 2, amount: 2048.0 },
    status: "started",
  });

export async function runOverloadBench(options: {
  server: AppServer;
  databaseUrl: string;
  token: string;
  capacity: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<OverloadResult> {
  const { server, log } = options;
  const path = `/api/webhooks/tribemade/${options.token}`;
  const orders = new Map<string, string>();
  const body = (id?: string) => {
    const orderId = randomUUID();
    if (id) orders.set(id, orderId);
    return TEMPLATE(orderId);
  };
  const offeredRate = Math.round(options.capacity * 2);
  const rss = { before: rssMiB(server), quarters: [0, 0, 0, 0], max: 0, after: 0 };
  const floodStart = performance.now();
  const sampler = setInterval(() => {
    const now = rssMiB(server);
    rss.max = Math.max(rss.max, now);
    const quarter = Math.floor((performance.now() - floodStart) / ((options.seconds * 1000) / 4));
    if (quarter <= 3) rss.quarters[quarter] = Math.max(rss.quarters[quarter] ?? 0, now);
  }, 250);
  log(`Overload: ${offeredRate} req/s (2 × ${options.capacity.toFixed(0)}) for ${options.seconds} s…`);
  await takeTrace(server); // starts the server's window
  const overflowsBefore = listenOverflows();
  const flood = await steadyLoad({
    baseUrl: server.baseUrl,
    path,
    body,
    rate: offeredRate,
    seconds: options.seconds,
    idPrefix: "flood",
    // No per-request trace: 60 s of it would be ~200,000 records in the server's memory.
    traced: false,
    // As many connections as the flood needs, as TribeMade opens them: the server admits deliveries
    // by deadline (up to ~2.5 s of work in hand), and a generator capped at 256 would queue the rest
    // itself where the server cannot see or refuse them.
    maxSockets: 16_384,
  });
  const floodEnd = performance.timeOrigin + performance.now();
  const overflowsAfter = listenOverflows();
  const longPauses: OverloadResult["longPauses"] = {};
  for (const pause of (await takeTrace(server))?.pauses ?? []) {
    if (pause.ms < LONG_PAUSE_MS) continue;
    const entry = (longPauses[pause.kind] ??= { count: 0, maxMs: 0, totalMs: 0, cpuMs: 0 });
    entry.count++;
    entry.maxMs = Math.max(entry.maxMs, pause.ms);
    entry.totalMs += pause.ms;
    entry.cpuMs += pause.cpuMs ?? 0;
  }
  log("Overload: probing recovery at 50 req/s for 10 s…");
  const probe = await steadyLoad({
    baseUrl: server.baseUrl,
    path,
    body,
    rate: 50,
    seconds: 10,
    idPrefix: "probe",
    traced: false,
  });
  clearInterval(sampler);
  rss.after = rssMiB(server);

  const ok = flood.samples.filter((s) => s.status === 200);
  const refused = flood.samples.filter((s) => s.status !== 200);
  const byStatus: Record<string, number> = {};
  for (const sample of flood.samples) byStatus[sample.status || "error"] = (byStatus[sample.status || "error"] ?? 0) + 1;
  const acked = [...ok, ...probe.samples.filter((s) => s.status === 200)].map((s) => orders.get(s.id) as string);
  const missing = await countMissing(options.databaseUrl, acked);
  const late = probe.samples.filter((s) => s.status !== 200 || s.end - s.scheduled > 100);
  const recoveryMs = late.length === 0 ? 0 : Math.max(...late.map((s) => s.end)) - floodEnd;
  const sorted = (values: number[]) => values.filter(Number.isFinite).sort((a, b) => a - b);
  const latencies = (samples: Sample[]) => sorted(samples.map((s) => s.end - s.scheduled));
  const okMs = latencies(ok);
  const refusedMs = latencies(refused);
  const refusedSendMs = sorted(refused.map((s) => s.end - s.sent));
  const latenessMs = sorted(flood.samples.map((s) => s.sent - s.scheduled));
  return {
    offeredRate,
    seconds: options.seconds,
    ok: ok.length,
    byStatus,
    okLatency: { p50: percentile(okMs, 0.5), p99: percentile(okMs, 0.99) },
    refusedLatency: { p50: percentile(refusedMs, 0.5), p99: percentile(refusedMs, 0.99), max: refusedMs.at(-1) ?? Number.NaN },
    refusedFromSend: { p50: percentile(refusedSendMs, 0.5), p99: percentile(refusedSendMs, 0.99) },
    generatorLateness: { p50: percentile(latenessMs, 0.5), p99: percentile(latenessMs, 0.99) },
    rssMiB: rss,
    missing,
    recoveryMs: Math.max(0, recoveryMs),
    probeLate: { count: late.length, of: probe.samples.length },
    listenOverflows: overflowsBefore === null || overflowsAfter === null ? null : overflowsAfter - overflowsBefore,
    longPauses,
  };
}

/**
 * Linux's count of connections dropped because a listening socket's accept queue was full
 * (TcpExt ListenOverflows in /proc/net/netstat): the sender retries the handshake after 1 s, 3 s…
 */
function listenOverflows(): number | null {
  try {
    const lines = readFileSync("/proc/net/netstat", "utf8").split("\n");
    const names = lines.find((line) => line.startsWith("TcpExt:"))?.split(" ") ?? [];
    const values = lines.filter((line) => line.startsWith("TcpExt:"))[1]?.split(" ") ?? [];
    const at = names.indexOf("ListenOverflows");
    return at < 0 ? null : Number(values[at]);
  } catch {
    return null;
  }
}

/** Resident memory of the server's process, MiB (Linux; NaN elsewhere). */
function rssMiB(server: AppServer): number {
  try {
    const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

async function countMissing(databaseUrl: string, orderIds: string[]): Promise<number> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ found: string }>(
      `SELECT count(*) AS found FROM "Order" WHERE "tribemadeOrderId" = ANY($1::uuid[])`,
      [orderIds],
    );
    return orderIds.length - Number(rows[0]?.found ?? 0);
  } finally {
    await client.end();
  }
}

const pausesText = (pauses: OverloadResult["longPauses"]) =>
  Object.entries(pauses)
    .map(
      ([kind, { count, maxMs, totalMs, cpuMs }]) =>
        `${kind}: ${count} × (max ${maxMs.toFixed(0)} ms` +
        (kind === "loop" ? `; CPU used meanwhile: ${((100 * cpuMs) / totalMs).toFixed(0)} % of it, all threads)` : ")"),
    )
    .join("; ") || "none";

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "–");

export function overloadMarkdown(result: OverloadResult, machine: string): string {
  const statuses = Object.entries(result.byStatus)
    .map(([status, count]) => `${status}: ${count}`)
    .join(", ");
  // Fast for the sender: TribeMade waits up to 5 s for an answer; a 503 + Retry-After within a
  // tenth of that tells it at once instead of leaving it hanging (before the gate: 24 s at the median).
  const refusedFast = result.refusedLatency.p99 < REFUSAL_FAST_MS;
  // Bounded = it stops growing: the flood's second half adds little (a backlog held in memory grows
  // for as long as the flood lasts).
  // Peaks, not single samples: a sample lands before or after a major GC by chance (±30 MiB).
  const [q1 = 0, q2 = 0, q3 = 0, q4 = 0] = result.rssMiB.quarters;
  const lateGrowth = Math.max(q3, q4) - Math.max(q1, q2);
  const bounded = lateGrowth < 50;
  const pass = (ok: boolean) => (ok ? "✅" : "❌");
  return [
    "## Webhook ingest under overload",
    "",
    `Run ${new Date().toISOString()} on ${machine}.`,
    "",
    `${result.offeredRate} req/s offered for ${result.seconds} s — twice the webhook route's max throughput measured in the same run — ` +
      "open loop (one request every 1/rate s whatever the server does), each a new order, then 10 s at 50 req/s to watch recovery.",
    "",
    "| | figure | goal |",
    "| --- | --- | --- |",
    `| acknowledged (2xx) | ${result.ok} (${(result.ok / result.seconds).toFixed(0)}/s) | |`,
    `| answers by status | ${statuses} | non-2xx are 503 |`,
    `| acknowledged orders missing from the database | ${result.missing} | 0 ${pass(result.missing === 0)} |`,
    `| 2xx latency p50 / p99 | ${ms(result.okLatency.p50)} / ${ms(result.okLatency.p99)} | |`,
    `| refused latency p50 / p99 / max | ${ms(result.refusedLatency.p50)} / ${ms(result.refusedLatency.p99)} / ${ms(result.refusedLatency.max)} | fast: p99 < ${REFUSAL_FAST_MS} ms, a tenth of TribeMade's 5 s timeout ${pass(refusedFast)} |`,
    `| refused, from the generator sending it to its answer, p50 / p99 | ${ms(result.refusedFromSend.p50)} / ${ms(result.refusedFromSend.p99)} | |`,
    `| the load generator's own lateness (scheduled start → sent) p50 / p99 | ${ms(result.generatorLateness.p50)} / ${ms(result.generatorLateness.p99)} | |`,
    `| connections dropped by the kernel, accept queue full (the sender retries after 1 s, 3 s…) | ${result.listenOverflows ?? "–"} | |`,
    `| the server's pauses ≥ ${LONG_PAUSE_MS} ms during the flood (event-loop stalls; GC pauses by kind) | ${pausesText(result.longPauses)} | |`,
    `| server memory (RSS) before / max / after | ${result.rssMiB.before.toFixed(0)} / ${result.rssMiB.max.toFixed(0)} / ${result.rssMiB.after.toFixed(0)} MiB | |`,
    `| RSS peak in each quarter of the flood; second half's peak over the first's | ${result.rssMiB.quarters.map((mib) => mib.toFixed(0)).join(" / ")} MiB; ${lateGrowth.toFixed(0)} MiB | bounded (< 50 MiB) ${pass(bounded)} |`,
    `| recovery (flood end → last refused or > 100 ms probe; probes late or refused) | ${(result.recoveryMs / 1000).toFixed(1)} s (${result.probeLate.count} of ${result.probeLate.of}) | < 5 s ${pass(result.recoveryMs < 5_000)} |`,
    "",
    ...(result.generatorLateness.p99 > GENERATOR_LATE_MS
      ? [
          `The load generator could not keep its schedule in this run (its own lateness p99 ${ms(result.generatorLateness.p99)}, ` +
            `over ${GENERATOR_LATE_MS} ms): the latencies above include that, which no server could have avoided.`,
          "",
        ]
      : []),
    "How: `scripts/bench/overload.ts`, against the same server and database as the ingest benchmark above, after it. " +
      "Latency is from each request's scheduled start (queueing in the load generator included); the generator shares the " +
      "machine's two cores with the server and PostgreSQL, and its own lateness is shown apart. Memory is the app server " +
      "process's resident set, sampled every 250 ms. Every acknowledged `order_id` is looked up afterwards.",
  ].join("\n");
}
