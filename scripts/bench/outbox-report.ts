// docs/benchmarks.md sections for the outbox benchmarks (scripts/bench/outbox.ts).
import type { PaceResult, ThroughputResult } from "./outbox";
import { table } from "./report";

const THROUGHPUT_GOAL = 1_000;
const PACE_GOAL = 0.95;
const pass = (ok: boolean) => (ok ? "✅" : "❌");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export function throughputMarkdown(result: ThroughputResult, machine: string, messages: number): string {
  const bare = median(result.bare);
  const drain = median(result.drain);
  const perRound = (values: number[]) => values.map((value) => value.toFixed(0)).join(", ");
  const cpu = (phase: "bare" | "drain", key: "app" | "simulator" | "postgres") => median(result.cpu[phase].map((c) => c[key]));
  const us = (value: number) => (value > 0 ? `${value.toFixed(0)} µs` : "–");
  return [
    "## Outbox drain throughput (`verify_order`, end to end)",
    "",
    `Run ${new Date().toISOString()} on ${machine}.`,
    "",
    table(
      [
        "",
        "baseline: bare SKIP LOCKED claim-and-mark loop",
        "the drain: verify_order against the simulator over HTTP",
        "drain ÷ baseline",
        "goal",
      ],
      [
        [
          `messages per second (median of ${result.drain.length} rounds of ${messages})`,
          bare.toFixed(0),
          drain.toFixed(0),
          `${((drain / bare) * 100).toFixed(0)}%`,
          `≥ ${THROUGHPUT_GOAL.toLocaleString("en-IN")} msg/s ${pass(drain >= THROUGHPUT_GOAL)}`,
        ],
        ["CPU per message (median): the app process", us(cpu("bare", "app")), us(cpu("drain", "app")), "", ""],
        ["… the simulator (TribeMade's side)", "–", us(cpu("drain", "simulator")), "", ""],
        ["… PostgreSQL", us(cpu("bare", "postgres")), us(cpu("drain", "postgres")), "", ""],
        [
          "msg/s that one free core per process would give (1 ÷ the largest CPU per message)",
          "",
          Math.floor(1e6 / Math.max(cpu("drain", "app"), cpu("drain", "simulator"), cpu("drain", "postgres"))).toLocaleString(
            "en-IN",
          ),
          "",
          "",
        ],
      ],
    ),
    "",
    `Per round (msg/s): baseline ${perRound(result.bare)}; drain ${perRound(result.drain)}. ` +
      `Check: ${result.checked} of ${result.expected} verify messages done, ${result.attempts} calls recorded (one per message).`,
    "",
    "### How it is measured",
    "",
    "- A throwaway embedded PostgreSQL (fsync on) with the migrations; the TribeMade simulator in its own process with its rate " +
      "limits lifted (TribeMade is another machine); one measuring process playing an app instance (`scripts/bench/outbox-worker.ts`).",
    `- ${messages} orders are placed at the simulator and written to the database. Each round enqueues one \`verify_order\` per ` +
      "order and drains until none is open, alternating with the baseline, which claims the same number of messages 100 at a time " +
      "(`FOR UPDATE SKIP LOCKED`, the same ordering) and marks them done, with no call and no other write.",
    "- The drain does everything it does in production per message: the rate-budget statement per store and bucket, a GET per " +
      "order over HTTP (keep-alive, 64 in flight), the field-by-field comparison, and one statement per batch of 100 writing the " +
      "messages, the `OutboxAttempt` rows, the order columns and the `verified` events.",
  ].join("\n");
}

export function paceMarkdown(result: PaceResult, machine: string): string {
  const theoretical = 5 * 60_000;
  // Fixed windows let 20 go at once: the fifth batch may start 4 windows after the first.
  const ideal = 4 * 60_000;
  const pace = ideal / result.firstToLastMs;
  return [
    "## 100 status pushes for one store at TribeMade's 20 per minute",
    "",
    `Run ${new Date().toISOString()} on ${machine}.`,
    "",
    table(
      ["", "figure", "goal"],
      [
        ["pushes sent (200)", String(result.sent), "100"],
        ["429 answers", String(result.rateLimited), `0 ${pass(result.rateLimited === 0)}`],
        ["first to last push", `${(result.firstToLastMs / 1000).toFixed(1)} s`, ""],
        ["enqueue to all done", `${(result.elapsedMs / 1000).toFixed(1)} s`, ""],
        ["finish time ÷ the theoretical 5 min (100 ÷ 20/min)", `${(result.elapsedMs / theoretical).toFixed(3)}`, "≤ 1"],
        [
          "pace ÷ the limit's pace (ideal: a batch of 20 every 60 s, the last 240 s after the first)",
          pace.toFixed(3),
          `≥ ${PACE_GOAL} ${pass(pace >= PACE_GOAL && result.rateLimited === 0)}`,
        ],
      ],
    ),
    "",
    "The simulator enforces TribeMade's real limits (60 s fixed windows, 20 status changes per key). The measuring process " +
      "drains the way the long-running listener does (drain, then again as soon as something is due). The budget's window follows " +
      "`X-RateLimit-Reset`, which is whole seconds rounded up: each window waits up to a second longer than strictly needed.",
  ].join("\n");
}
