// Where the time of a steady round went: the load generator's own timings of each request joined
// (by x-bench-id) with what the server traced for it (lib/perf/request-trace.ts), plus the
// server's event-loop stalls and GC pauses and PostgreSQL's background work, lined up in time.
// Everything is epoch milliseconds from the same machine clock.
import type { Sample } from "./load";
import { percentile } from "./load";

/** What POST /api/bench/trace answers (lib/perf/request-trace.ts's TraceSnapshot). */
export type ServerTrace = {
  records: Array<{
    id: string;
    route: string;
    start: number;
    marks: Partial<Record<string, number>>;
    execMs?: number;
    batch?: number;
  }>;
  pauses: Array<{ at: number; ms: number; kind: string; cpuMs?: number }>;
  loopDelay: { p50: number; p99: number; max: number; count: number };
};

/** A PostgreSQL background event (checkpoint, autovacuum, …) with its time span. */
export type PgEvent = { at: number; ms: number; kind: string };

export const PHASES = [
  "before handler",
  "body read",
  "classify",
  "queue wait",
  "statement (server)",
  "commit + round trip",
  "respond",
  "after handler",
] as const;
export type Phase = (typeof PHASES)[number];
type Phases = Record<Phase, number>;

export type RoundTail = {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  loopDelayP99: number;
  loopDelayMax: number;
  /** Median of each phase over every request, and mean over the slowest 1 %. */
  typical: Phases;
  slowest: Phases;
  /** Share of the slowest 1 % that overlapped each kind of pause or event. */
  slowOverlap: Record<string, number>;
  /** Pauses in the round, by kind: count, total and longest (ms). */
  pauses: Record<string, { count: number; totalMs: number; maxMs: number }>;
  /** Deliveries per ingest statement (mean). */
  meanBatch: number | null;
};

const ZERO: Phases = Object.fromEntries(PHASES.map((phase) => [phase, 0])) as Phases;

function phasesOf(sample: Sample, record: ServerTrace["records"][number] | undefined): Phases | null {
  if (!record) return null;
  const m = record.marks;
  const responded = m.responded;
  if (responded === undefined) return null;
  const latency = sample.end - sample.scheduled;
  const before = record.start - sample.scheduled;
  const after = latency - before - responded;
  if (record.route === "baseline") {
    const read = m.read ?? responded;
    return { ...ZERO, "before handler": before, "body read": read, respond: responded - read, "after handler": after };
  }
  const { read = 0, classified = read, sent = classified, committed = sent } = m;
  const exec = record.execMs ?? 0;
  return {
    "before handler": before,
    "body read": read,
    classify: classified - read,
    "queue wait": sent - classified,
    "statement (server)": exec,
    "commit + round trip": committed - sent - exec,
    respond: responded - committed,
    "after handler": after,
  };
}

function overlaps(sample: Sample, event: { at: number; ms: number }): boolean {
  return event.at < sample.end && event.at + event.ms > sample.scheduled;
}

export function analyseRound(samples: Sample[], trace: ServerTrace | null, pgEvents: PgEvent[]): RoundTail {
  const ok = samples.filter((sample) => sample.status >= 200 && sample.status < 300);
  const latency = (sample: Sample) => sample.end - sample.scheduled;
  const sorted = [...ok].sort((a, b) => latency(a) - latency(b));
  const latencies = sorted.map(latency);
  const byId = new Map((trace?.records ?? []).map((record) => [record.id, record]));
  const slowCount = Math.max(1, Math.ceil(sorted.length * 0.01));
  const slow = sorted.slice(-slowCount);

  const joined = sorted.map((sample) => phasesOf(sample, byId.get(sample.id))).filter((p): p is Phases => p !== null);
  const slowJoined = slow.map((sample) => phasesOf(sample, byId.get(sample.id))).filter((p): p is Phases => p !== null);
  const typical = { ...ZERO };
  const slowest = { ...ZERO };
  for (const phase of PHASES) {
    typical[phase] =
      percentile(
        joined.map((p) => p[phase]).sort((a, b) => a - b),
        0.5,
      ) || 0;
    slowest[phase] = slowJoined.length > 0 ? slowJoined.reduce((sum, p) => sum + p[phase], 0) / slowJoined.length : 0;
  }

  const first = sorted.length > 0 ? Math.min(...ok.map((s) => s.scheduled)) : 0;
  const last = sorted.length > 0 ? Math.max(...ok.map((s) => s.end)) : 0;
  const events = [
    ...(trace?.pauses ?? []).map((pause) => ({ ...pause, kind: pause.kind.startsWith("gc:") ? pause.kind : "loop stall" })),
    ...pgEvents.filter((event) => event.at < last && event.at + event.ms > first),
  ];
  const kinds = [...new Set(events.map((event) => event.kind))];
  const slowOverlap: Record<string, number> = {};
  for (const kind of kinds) {
    const ofKind = events.filter((event) => event.kind === kind);
    slowOverlap[kind] = slow.filter((sample) => ofKind.some((event) => overlaps(sample, event))).length / slow.length;
  }
  const pauses: RoundTail["pauses"] = {};
  for (const event of events) {
    const entry = (pauses[event.kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
    entry.count++;
    entry.totalMs += event.ms;
    entry.maxMs = Math.max(entry.maxMs, event.ms);
  }
  const batches = (trace?.records ?? []).flatMap((record) => (record.batch ? [record.batch] : []));

  return {
    count: sorted.length,
    p50: percentile(latencies, 0.5),
    p90: percentile(latencies, 0.9),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
    loopDelayP99: trace?.loopDelay.p99 ?? Number.NaN,
    loopDelayMax: trace?.loopDelay.max ?? Number.NaN,
    typical,
    slowest,
    slowOverlap,
    pauses,
    meanBatch: batches.length > 0 ? batches.reduce((a, b) => a + b, 0) / batches.length : null,
  };
}

/** Several rounds of one route as one: percentiles over every sample. */
export function poolRounds(rounds: { samples: Sample[]; trace: ServerTrace | null }[], pgEvents: PgEvent[]): RoundTail {
  return analyseRound(
    rounds.flatMap((round) => round.samples),
    {
      records: rounds.flatMap((round) => round.trace?.records ?? []),
      pauses: rounds.flatMap((round) => round.trace?.pauses ?? []),
      // Loop delay percentiles do not pool; the worst round's is the honest summary.
      loopDelay: rounds
        .map((round) => round.trace?.loopDelay ?? { p50: Number.NaN, p99: Number.NaN, max: Number.NaN, count: 0 })
        .reduce((worst, next) => (next.p99 > worst.p99 || Number.isNaN(worst.p99) ? next : worst)),
    },
    pgEvents,
  );
}
