import "server-only";
import { monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from "node:perf_hooks";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";

// Where a request's time goes, for `npm run bench` only (TRIBEDESK_BENCH=1): each traced request
// records the moment each phase ends, and the process records event-loop stalls and GC pauses with
// their timestamps, so the benchmark can line up its slowest requests with what happened inside
// the server at that moment (scripts/bench/tail.ts). Off, startTrace() returns undefined and every
// `trace?.mark()` is a skipped optional call: nothing is allocated or timed.

/** Phase ends, in order. `sent`/`committed` bracket the ingest statement's round trip. */
export const MARKS = ["read", "classified", "sent", "committed", "responded", "written", "announced"] as const;
export type Mark = (typeof MARKS)[number];

export type TraceRecord = {
  /** The load generator's id for the request (x-bench-id), so it can join its own timings. */
  id: string;
  route: string;
  /** Epoch milliseconds (performance.timeOrigin + now) when the handler started. */
  start: number;
  /** Milliseconds after `start` at which each phase ended. */
  marks: Partial<Record<Mark, number>>;
  /** Server-side execution of the statement (PostgreSQL's clock), and how many deliveries it carried. */
  execMs?: number;
  batch?: number;
};

export type Trace = {
  mark(name: Mark): void;
  statement(execMs: number, batch: number): void;
};

/**
 * A stall of the event loop (a timer that fired late) or a GC pause, in epoch milliseconds. For a
 * stall, `cpuMs` is the CPU time the process used meanwhile: close to `ms`, it was busy (a long
 * turn); far below, it was waiting for a core.
 */
export type Pause = { at: number; ms: number; kind: string; cpuMs?: number };

const MAX_RECORDS = 200_000;
const STALL_PROBE_MS = 2;
/** Stalls shorter than this are the probe's own jitter. */
const STALL_MIN_MS = 3;

type State = { records: TraceRecord[]; pauses: Pause[]; loop: IntervalHistogram };

const epoch = () => performance.timeOrigin + performance.now();

// One recorder per process (lib/process-singleton.ts): the receiver writes it, the trace route reads it.
const state: State | null = processSingleton("requestTrace", () => (env.TRIBEDESK_BENCH ? startMonitors() : null));

function startMonitors(): State {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const pauses: Pause[] = [];
  const push = (pause: Pause) => {
    if (pauses.length < MAX_RECORDS) pauses.push(pause);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration, kind: `gc:${GC_KINDS[kind ?? 0] ?? kind}` });
    }
  }).observe({ entryTypes: ["gc"] });
  // A probe timer that should fire every STALL_PROBE_MS: when it fires late, the loop was busy.
  let expected = performance.now() + STALL_PROBE_MS;
  let cpuBefore = cpuMsUsed();
  setInterval(() => {
    const now = performance.now();
    const late = now - expected;
    const cpuNow = cpuMsUsed();
    if (late >= STALL_MIN_MS) {
      // The CPU used since the last probe, less the probe interval's share.
      const cpuMs = Math.max(0, cpuNow - cpuBefore - STALL_PROBE_MS);
      push({ at: performance.timeOrigin + expected, ms: late, kind: "loop", cpuMs });
    }
    cpuBefore = cpuNow;
    expected = now + STALL_PROBE_MS;
  }, STALL_PROBE_MS).unref();
  return { records: [], pauses, loop };
}

/** The process's CPU time so far (all threads), in ms. */
function cpuMsUsed(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

// node:perf_hooks constants.NODE_PERFORMANCE_GC_*
const GC_KINDS: Record<number, string> = { 1: "minor", 2: "major", 4: "incremental", 8: "weakcb" };

/** The request header the load generator names each request with. */
export const BENCH_ID_HEADER = "x-bench-id";

/** A trace for this request when benchmarking and the load generator named it (`benchId`); else undefined. */
export function startTrace(benchId: string | null | undefined, route: string, startedAt = performance.now()): Trace | undefined {
  const id = state ? benchId : null;
  if (!state || !id) return undefined;
  const record: TraceRecord = { id, route, start: performance.timeOrigin + startedAt, marks: {} };
  if (state.records.length < MAX_RECORDS) state.records.push(record);
  return {
    mark(name) {
      record.marks[name] = epoch() - record.start;
    },
    statement(execMs, batch) {
      record.execMs = execMs;
      record.batch = batch;
    },
  };
}

export type TraceSnapshot = {
  records: TraceRecord[];
  pauses: Pause[];
  /** Event-loop delay (monitorEventLoopDelay, 1 ms resolution) since the last reset, in ms. */
  loopDelay: { p50: number; p99: number; max: number; count: number };
};

/** Everything recorded since the last call, which starts a new window. Null when not benchmarking. */
export function takeTraceSnapshot(): TraceSnapshot | null {
  if (!state) return null;
  const { loop } = state;
  const snapshot: TraceSnapshot = {
    records: state.records.splice(0),
    pauses: state.pauses.splice(0),
    loopDelay: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6, count: loop.count },
  };
  loop.reset();
  return snapshot;
}
