import "server-only";
import { isDatabaseUnavailable } from "@/lib/http/error-response";
import type { Trace } from "@/lib/perf/request-trace";
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
// One batch never holds the same key (order_id) twice: the statement's ON CONFLICT DO UPDATE may
// not touch one row twice. A repeat waits for the next batch (and then answers duplicate). If a
// batch fails for any reason but an unreachable database, each of its deliveries is retried
// alone, so one bad delivery cannot fail the others.

/** Statements in flight per process; a pool of 10 keeps room for everything else. */
const MAX_IN_FLIGHT = 2;
/** Bounds one statement's size (and its parameter arrays). */
const MAX_BATCH = 64;

export type IngestJob = {
  /** Never twice in one statement: the order_id; null for a delivery that writes no order. */
  key: string | null;
  /** The delivery document, built when its statement is sent, so ackMs includes the wait for a slot. */
  document: () => string;
  body: Buffer;
  trace?: Trace;
};

type Waiting = IngestJob & { resolve: (stored: StoredDelivery | null) => void; reject: (error: unknown) => void };

const queue: Waiting[] = [];
let inFlight = 0;

/** Records one delivery; resolves after commit with its row, or null when its endpoint was not found. */
export function submitDelivery(job: IngestJob): Promise<StoredDelivery | null> {
  return new Promise((resolve, reject) => {
    queue.push({ ...job, resolve, reject });
    pump();
  });
}

function pump(): void {
  while (inFlight < MAX_IN_FLIGHT && queue.length > 0) {
    const batch = takeBatch();
    inFlight++;
    void run(batch).finally(() => {
      inFlight--;
      pump();
    });
  }
}

/** Up to MAX_BATCH jobs in arrival order, skipping (for now) any key already taken. */
function takeBatch(): Waiting[] {
  const keys = new Set<string>();
  const batch: Waiting[] = [];
  for (let index = 0; index < queue.length && batch.length < MAX_BATCH;) {
    const job = queue[index] as Waiting;
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
  try {
    const documents = `[${batch.map((job) => job.document()).join(",")}]`;
    for (const job of batch) job.trace?.mark("sent");
    const rows = await runIngestStatement(
      documents,
      batch.map((job) => job.body),
    );
    const byPosition = new Map(rows.map(({ n, execMs, ...stored }) => [n, { stored, execMs }]));
    batch.forEach((job, index) => {
      const row = byPosition.get(index + 1);
      job.trace?.mark("committed");
      if (row) job.trace?.statement(row.execMs, batch.length);
      job.resolve(row?.stored ?? null);
    });
  } catch (error) {
    if (batch.length === 1 || isDatabaseUnavailable(error)) {
      for (const job of batch) job.reject(error);
      return;
    }
    await Promise.all(batch.map((job) => run([job])));
  }
}
