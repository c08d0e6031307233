// Bursts (issue 20): N distinct new orders at once, each on its own connection, the way a flash sale
// reaches the desk. Admission by deadline must take every one: 0 refused, each answered 2xx within
// TribeMade's 5 s and stored; sent again, each answers `duplicate`. The same burst to the bare
// benchmark route (no database, no gate) in the same run is the baseline for the answer times.
import http from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { orderBody } from "./ingest";
import { percentile } from "./load";
import { table } from "./report";
import type { AppServer } from "./stack";

export const BURST_SIZES = [50, 100, 200, 500, 1_000];
const TIMEOUT_MS = 5_000;

export type Answer = { status: number; ms: number; outcome: string | null };

export type BurstRow = {
  size: number;
  acknowledged: number;
  refused: number;
  /** Neither 2xx nor 503: other statuses, connection errors, or no answer within 5 s. */
  failed: number;
  p50: number;
  p99: number;
  max: number;
  stored: number;
  /** Sent again: answered 200 `duplicate`. */
  duplicates: number;
  /** Sent again and answered otherwise: each status (0: no answer) with its count, e.g. "503 × 47". */
  againOther: string;
  /** The same burst to the bare route: its slowest answer. */
  baselineMax: number;
};

const TEMPLATE = (orderId: string) => orderBody().replace(/"order_id":"[^"]*"/, `"order_id":"${orderId}"`);

export async function runBurstBench(options: {
  server: AppServer;
  databaseUrl: string;
  token: string;
  sizes?: number[];
  log: (line: string) => void;
}): Promise<BurstRow[]> {
  const rows: BurstRow[] = [];
  const webhook = `/api/webhooks/tribemade/${options.token}`;
  for (const size of options.sizes ?? BURST_SIZES) {
    options.log(`Burst: ${size} new orders at once…`);
    const ids = Array.from({ length: size }, () => randomUUID());
    const baseline = await burst(options.server.baseUrl, "/api/bench/baseline", ids);
    await pause(1_000);
    const answers = await burst(options.server.baseUrl, webhook, ids);
    await pause(1_000);
    const again = await burst(options.server.baseUrl, webhook, ids);
    const ms = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    const acknowledged = answers.filter((answer) => answer.status >= 200 && answer.status < 300 && answer.ms <= TIMEOUT_MS);
    const refused = answers.filter((answer) => answer.status === 503).length;
    rows.push({
      size,
      acknowledged: acknowledged.length,
      refused,
      failed: size - acknowledged.length - refused,
      p50: percentile(ms, 0.5),
      p99: percentile(ms, 0.99),
      max: ms.at(-1) ?? Number.NaN,
      stored: await countStored(options.databaseUrl, ids),
      duplicates: again.filter(isDuplicate).length,
      againOther: tally(again.filter((answer) => !isDuplicate(answer))),
      baselineMax: Math.max(...baseline.map((answer) => answer.ms)),
    });
    await pause(2_000);
  }
  return rows;
}

/** Every request on its own new connection, all started in the same turn; times from that turn. */
export async function burst(
  baseUrl: string,
  path: string,
  ids: string[],
  bodyOf: (orderId: string) => string = TEMPLATE,
): Promise<Answer[]> {
  const url = new URL(path, baseUrl);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const started = performance.now();
  const answers = await Promise.all(ids.map((id) => post(agent, url, bodyOf(id), started)));
  agent.destroy();
  return answers;
}

function post(agent: http.Agent, url: URL, body: string, started: number): Promise<Answer> {
  return new Promise((resolve) => {
    const done = (status: number, outcome: string | null = null) => resolve({ status, ms: performance.now() - started, outcome });
    const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
    const request = http.request(url, { method: "POST", agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () => {
        let outcome: string | null = null;
        try {
          outcome = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { status?: string }).status ?? null;
        } catch {
          // not JSON: the status alone says it
        }
        done(response.statusCode ?? 0, outcome);
      });
      response.once("error", () => done(0));
    });
    request.setTimeout(10_000, () => request.destroy(new Error("timeout")));
    request.once("error", () => done(0));
    request.end(body);
  });
}

async function countStored(databaseUrl: string, ids: string[]): Promise<number> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Order" WHERE "tribemadeOrderId" = ANY($1::uuid[])`,
      [ids],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const isDuplicate = (answer: Answer) => answer.status === 200 && answer.outcome === "duplicate";

function tally(answers: Answer[]): string {
  const counts = new Map<string, number>();
  for (const { status, outcome } of answers) {
    const key = `${status}${outcome ? ` ${outcome}` : ""}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key} × ${count}`).join(", ");
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : "–");

export function burstMarkdown(rows: BurstRow[], machine: string): string {
  const pass = (ok: boolean) => (ok ? "✅" : "❌");
  return [
    "## Webhook bursts: many new orders at once",
    "",
    `Run ${new Date().toISOString()} on ${machine}.`,
    "",
    "Each burst is that many distinct new orders sent at once, each on its own new connection, to the production " +
      "server (`scripts/serve.ts`, its webhook gate and receiver); times are from the moment the burst started. Goal: " +
      "0 refused, every one 2xx within 5 s and stored, and `duplicate` when sent again. Baseline: the same burst to " +
      "the bare benchmark route (no database, no gate) just before.",
    "",
    table(
      [
        "burst",
        "acknowledged",
        "refused (503)",
        "other / no answer",
        "answer p50 / p99 / max",
        "stored",
        "sent again → duplicate",
        "bare route max (baseline)",
        "max ÷ baseline",
      ],
      rows.map((row) => [
        String(row.size),
        `${row.acknowledged} ${pass(row.acknowledged === row.size)}`,
        `${row.refused} ${pass(row.refused === 0)}`,
        String(row.failed),
        `${ms(row.p50)} / ${ms(row.p99)} / ${ms(row.max)} ${pass(row.max <= TIMEOUT_MS)}`,
        `${row.stored} ${pass(row.stored === row.size)}`,
        `${row.duplicates} ${pass(row.duplicates === row.size)}${row.againOther ? ` (${row.againOther})` : ""}`,
        ms(row.baselineMax),
        `${(row.max / row.baselineMax).toFixed(1)}×`,
      ]),
    ),
    "",
    "How: `scripts/bench/burst.ts`, against the same server and database as the ingest benchmark above, before the overload run.",
  ].join("\n");
}
