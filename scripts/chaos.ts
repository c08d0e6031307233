// npm run chaos — webhook ingest must never lose an acknowledged order (issue 10 item 4). Under a
// steady load of new orders it (a) kills the app server with SIGKILL and restarts it, 20 times,
// (b) restarts PostgreSQL, (c) holds every connection of the main pool with slow dashboard
// requests, (d) sends a burst of 200 new orders at once (none may be refused); then looks up every
// acknowledged order_id. Prints a table of trials; exits non-zero
// if any acknowledged order is missing or a trial never recovered, and (full form only) if ingest
// took more than 5 s to recover from a PostgreSQL restart or a webhook waited more than 5 s while
// the pool was exhausted. The CI form prints those two as warnings: they are timings, and a timed
// check on a shared machine fails for the machine's sake (speed is for `npm run bench`).
// Flags: --quick (3 kills, short holds: the CI form), --no-build, --no-write.
import path from "node:path";
import pg from "pg";
import { DEMO } from "../lib/embedded/demo";
import { writeSection } from "./bench/report";
import { startLoad, type Sent } from "./chaos/load";
import { startChaosStack, type ChaosStack } from "./chaos/stack";
import { burstTrial, exhaustPoolTrial, killAppTrial, restartPostgresTrial, signIn, type Trial } from "./chaos/trials";

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const log = (line: string) => console.log(`[chaos] ${line}`);
const RATE = 300;
const KILLS = quick ? 3 : 20;
const PG_RESTARTS = quick ? 1 : 3;
const HOLD_MS = quick ? 4_000 : 8_000;
const RECOVERY_LIMIT_MS = 5_000;
const BURST = 200;

async function main(): Promise<number> {
  let stack: ChaosStack | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void (stack?.stop() ?? Promise.resolve()).then(() => process.exit(130)));
  }
  try {
    stack = await startChaosStack({ root, build: !args.includes("--no-build"), baseEnv: process.env, log });
    const cookie = await signIn(stack.baseUrl, DEMO.email, DEMO.password);
    log(
      `Load: ${RATE} new orders/s. Trials: ${KILLS} × app kill -9, ${PG_RESTARTS} × PostgreSQL restart, 1 × main pool exhausted, 1 × burst of ${BURST}.`,
    );
    const load = startLoad({ baseUrl: stack.baseUrl, path: `/api/webhooks/tribemade/${stack.webhookToken}`, rate: RATE });
    const trials: Trial[] = [];
    const run = async (trial: Promise<Trial>) => {
      const done = await trial;
      trials.push(done);
      log(`  ${trials.length}. ${done.kind}: recovery ${recovery(done)}; ${done.note}`);
    };
    for (let i = 0; i < KILLS; i++) await run(killAppTrial(stack, load));
    for (let i = 0; i < PG_RESTARTS; i++) await run(restartPostgresTrial(stack, load));
    await run(exhaustPoolTrial(stack, load, cookie, HOLD_MS));
    await run(burstTrial(stack, BURST));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sent = await load.stop();

    const missing = await missingOrders(
      stack.databaseUrl,
      sent,
      trials.flatMap((trial) => trial.burst?.acknowledged ?? []),
    );
    const markdown = report(trials, sent, missing);
    console.log(`\n${markdown}\n`);
    if (!args.includes("--no-write")) await writeSection(path.join(root, "docs", "benchmarks.md"), "chaos", markdown);
    return verdict(trials, sent, missing);
  } finally {
    await stack?.stop();
  }
}

const recovery = (trial: Trial) => (trial.recoveryMs === null ? "–" : `${(trial.recoveryMs / 1000).toFixed(2)} s`);
const acked = (s: Sent) => s.status >= 200 && s.status < 300;

async function missingOrders(databaseUrl: string, sent: Sent[], alsoAcked: string[]): Promise<Set<string>> {
  const ids = [...sent.filter(acked).map((s) => s.orderId), ...alsoAcked];
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT o."tribemadeOrderId"::text AS id FROM "Order" o
       JOIN "WebhookDelivery" d ON d."orderId" = o.id AND d.outcome = 'accepted'
       WHERE o."tribemadeOrderId" = ANY($1::uuid[])`,
      [ids],
    );
    const found = new Set(rows.map((row) => row.id));
    return new Set(ids.filter((id) => !found.has(id)));
  } finally {
    await client.end();
  }
}

function report(trials: Trial[], sent: Sent[], missing: Set<string>): string {
  const rows = trials.map((trial, index) => {
    const window = sent.filter((s) => s.start >= trial.from && s.start <= trial.to);
    const lost = window.filter((s) => acked(s) && missing.has(s.orderId)).length;
    return `| ${index + 1} | ${trial.kind} | ${window.filter(acked).length} | ${window.filter((s) => !acked(s)).length} | ${lost} | ${recovery(trial)} | ${trial.note} |`;
  });
  const kills = trials.filter((t) => t.kind === "app kill -9" && t.recoveryMs !== null).map((t) => t.recoveryMs as number);
  return [
    "## Chaos: nothing acknowledged is lost",
    "",
    `Run ${new Date().toISOString()} (\`npm run chaos${quick ? " -- --quick" : ""}\`): ${RATE} new orders/s, open loop, for the whole run; ` +
      `${sent.length} requests, ${sent.filter(acked).length} acknowledged, **${missing.size} acknowledged orders missing** afterwards. ` +
      `App restarts after kill -9: median ${(median(kills) / 1000).toFixed(1)} s, max ${(Math.max(0, ...kills) / 1000).toFixed(1)} s (a cold server start on a busy machine).`,
    "",
    "| # | trial | acks in window | not acknowledged | acknowledged but missing | recovery | notes |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "How: `scripts/chaos.ts`. A trial's window runs from the fault to the first acknowledgement after it. " +
      "Not acknowledged = 503s, refused connections and timeouts (the sender retries those). Every acknowledged `order_id` " +
      "is looked up at the end: an `Order` row with an accepted delivery.",
  ].join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function verdict(trials: Trial[], sent: Sent[], missing: Set<string>): number {
  const problems: string[] = [];
  const slowness: string[] = [];
  if (missing.size > 0) problems.push(`${missing.size} acknowledged orders missing`);
  const faults = trials.filter((t) => t.kind !== "main pool exhausted" && t.kind !== "burst");
  if (faults.some((t) => t.recoveryMs === null)) problems.push("a trial never recovered");
  for (const { burst } of trials) {
    if (burst && burst.refused + burst.failed > 0)
      problems.push(
        `a burst of ${burst.size}: ${burst.refused} refused, ${burst.failed} not answered 2xx (goal: every one acknowledged)`,
      );
  }
  for (const trial of trials.filter((t) => t.kind === "PostgreSQL restart")) {
    if (trial.recoveryMs !== null && trial.recoveryMs > RECOVERY_LIMIT_MS)
      slowness.push(`ingest took ${recovery(trial)} to recover from a PostgreSQL restart`);
  }
  for (const trial of trials.filter((t) => t.kind === "main pool exhausted")) {
    const slow = sent.filter((s) => s.start >= trial.from && s.start <= trial.to && s.end - s.start > RECOVERY_LIMIT_MS);
    if (slow.length > 0) slowness.push(`${slow.length} webhooks waited more than 5 s while the main pool was exhausted`);
  }
  if (quick)
    for (const slow of slowness) console.warn(`[chaos] slower than the 5 s goal (a timing, not a failure here): ${slow}`);
  else problems.push(...slowness);
  for (const problem of problems) console.error(`[chaos] FAILED: ${problem}`);
  if (problems.length === 0) log("passed: 0 acknowledged orders missing");
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[chaos] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
