import "server-only";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import type { Trace } from "@/lib/perf/request-trace";
import { processSingleton } from "@/lib/process-singleton";
import { createServiceMeter, pastBudget } from "@/lib/webhooks/ingest/deadline";
import { runIngestStatement, type StoredDelivery } from "@/lib/webhooks/ingest/statement";

// Group commit for deliveries that arrive together. Measured here, a database round trip costs
// the app's one JavaScript thread ~0.4–0.5 ms under load, and PostgreSQL a statement's fixed costs
// (protocol, executor start, commit, WAL flush) on top of its per-row work. So while MAX_IN_FLIGHT
// statements are already running, new deliveries wait for the next free slot and go together as
// one statement; every caller still gets its answer only after that statement commits. Nothing
// waits on a timer: when a slot is free a delivery goes at once, so at low load every delivery is
// its own statement and latency is unchanged.
//
// The queue is per process and holds nothing but callers awaiting their commit: no correctness
// rests on it (the unique key does that), so any number of instances may batch side by side.
//
// Admission by deadline (docs/webhook-ingest.md "Overload", deadline.ts): the HTTP edge asks
// admitDelivery() before reading a body, and a delivery is refused with a fast 503 only when the
// time it has already waited plus the deliveries in hand ahead of it, at the measured time per
// delivery, would pass ANSWER_BUDGET_MS — never for a count. Every job has a deadline; its caller
// is answered 503 when it passes, and a job still queued then is dropped unsent, so nothing runs
// for a caller who already gave up.
//
// One batch never holds the same key (order_id) twice: the statement's ON CONFLICT DO UPDATE may
// not touch one row twice. A repeat waits for the next batch (and then answers duplicate). If a
// batch fails for any reason but an unreachable database, its deliveries are retried one at a
// time, in the failed batch's own slot, so one bad delivery cannot fail the others and a failure
// never fans out more statements onto the pool than MAX_IN_FLIGHT.

/** Statements in flight per process; the ingest pool (lib/db.ts) has one more connection for lookups. */
const MAX_IN_FLIGHT = 2;
/** Bounds one statement's size (and its parameter arrays). */
const MAX_BATCH = 64;
/** Never give a statement less than this, even for a batch whose callers are about to time out. */
const MIN_STATEMENT_MS = 250;

/** The caller's deadline passed before its delivery committed (or was even sent): answer 503. */
export class IngestDeadlineExceeded extends Error {}

export type IngestJob = {
  /** Never twice in one statement: the order_id; null for a delivery that writes no order. */
  key: string | null;
  /** The delivery document, built when its statement is sent, so ackMs includes the wait for a slot. */
  document: () => string;
  body: Buffer;
  /** performance.now() after which the caller is answered 503 and the job, if unsent, dropped. */
  deadline: number;
  /** The place admitDelivery() gave this delivery; freed when its caller is answered. */
  admission?: Admission;
  trace?: Trace;
};

type Waiting = IngestJob & {
  settled: boolean;
  resolve: (stored: StoredDelivery | null) => void;
  reject: (error: unknown) => void;
};

// One queue per process, so the estimate holds per process (lib/process-singleton.ts).
const state = processSingleton("ingestQueue", () => ({ queue: [] as Waiting[], inFlight: 0, meter: createServiceMeter() }));
const { queue } = state;

export type Admission = { release(): void };

/**
 * A place for one more delivery of a request that arrived at `startedAt` (performance.now()), or
 * null when it could not be answered within the budget: refuse before reading the body.
 */
export function admitDelivery(startedAt: number): Admission | null {
  const { meter } = state;
  if (pastBudget(meter, performance.now() - startedAt)) return null;
  meter.start();
  let held = true;
  return {
    release() {
      if (held) meter.finish();
      held = false;
    },
  };
}

/** Deliveries admitted and not answered, jobs queued, statements running, and the estimate now (tests, bench). */
export function ingestLoad(): { waiting: number; queued: number; inFlight: number; waitMs: number } {
  return { waiting: state.meter.inHand(), queued: queue.length, inFlight: state.inFlight, waitMs: state.meter.waitMs() };
}

/**
 * Records one delivery; resolves after commit with its row, or null when its endpoint was not
 * found. Rejects with IngestDeadlineExceeded at the job's deadline.
 */
export function submitDelivery(job: IngestJob): Promise<StoredDelivery | null> {
  return new Promise((resolve, reject) => {
    const waiting: Waiting = { ...job, settled: false, resolve, reject };
    const timer = setTimeout(
      () => settle(waiting, () => reject(new IngestDeadlineExceeded("ingest deadline exceeded"))),
      Math.max(0, job.deadline - performance.now()),
    );
    waiting.resolve = (stored) => settle(waiting, () => resolve(stored), timer);
    waiting.reject = (error) => settle(waiting, () => reject(error), timer);
    queue.push(waiting);
    pump();
  });
}

function settle(job: Waiting, answer: () => void, timer?: NodeJS.Timeout): void {
  clearTimeout(timer);
  if (job.settled) return;
  job.settled = true;
  job.admission?.release();
  answer();
}

function pump(): void {
  while (state.inFlight < MAX_IN_FLIGHT && queue.length > 0) {
    const batch = takeBatch();
    if (batch.length === 0) continue;
    state.inFlight++;
    void run(batch).finally(() => {
      state.inFlight--;
      pump();
    });
  }
}

/** Up to MAX_BATCH live jobs in arrival order, dropping those already answered, skipping (for now) repeated keys. */
function takeBatch(): Waiting[] {
  const keys = new Set<string>();
  const batch: Waiting[] = [];
  for (let index = 0; index < queue.length && batch.length < MAX_BATCH;) {
    const job = queue[index] as Waiting;
    if (job.settled) {
      queue.splice(index, 1);
      continue;
    }
    if (job.key !== null && keys.has(job.key)) {
      index++;
      continue;
    }
    if (job.key !== null) keys.add(job.key);
    batch.push(job);
    queue.splice(index, 1);
  }
  return batch;
}

async function run(batch: Waiting[]): Promise<void> {
  const timeoutMs = Math.max(MIN_STATEMENT_MS, Math.max(...batch.map((job) => job.deadline)) - performance.now());
  try {
    const documents = `[${batch.map((job) => job.document()).join(",")}]`;
    for (const job of batch) job.trace?.mark("sent");
    const rows = await runIngestStatement(
      documents,
      batch.map((job) => job.body),
      timeoutMs,
    );
    const byPosition = new Map(rows.map(({ n, execMs, ...stored }) => [n, { stored, execMs }]));
    batch.forEach((job, index) => {
      const row = byPosition.get(index + 1);
      job.trace?.mark("committed");
      if (row) job.trace?.statement(row.execMs, batch.length);
      job.resolve(row?.stored ?? null);
    });
  } catch (error) {
    if (batch.length === 1 || isDatabaseUnavailable(error) || isStatementTimeout(error)) {
      for (const job of batch) job.reject(error);
      return;
    }
    for (const job of batch) if (!job.settled) await run([job]);
  }
}

/** pg's client-side query timeout (query_timeout): the database is too slow to answer in time. */
export function isStatementTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === "Query read timeout";
}
