// Two ways of loading a route over HTTP, both from this process:
// - maxThroughput: autocannon, closed loop (each connection sends its next request when the last
//   one answers), for "how many per second at most";
// - steadyLoad: an open-loop generator that starts one request every 1000/rate ms whatever the
//   server does, and times each from its scheduled start, so queueing shows up in the latency
//   (no coordinated omission). autocannon's own overallRate lets each connection send its
//   per-second quota back to back at the top of each second, which is a burst, not a steady load.
import http from "node:http";
import autocannon, { type Result } from "autocannon";

/** A request body; `id` is the request's x-bench-id when the caller tags requests. */
export type BodyFactory = (id?: string) => string;

export type ThroughputResult = { rps: number; ok: number; non2xx: number; errors: number; seconds: number };

export function maxThroughput(options: {
  baseUrl: string;
  path: string;
  body: BodyFactory;
  connections: number;
  seconds: number;
}): Promise<ThroughputResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        requests: [
          {
            method: "POST",
            path: options.path,
            headers: { "content-type": "application/json" },
            setupRequest: (request) => ({ ...request, body: options.body() }),
          },
        ],
      },
      (error: Error | null, result: Result) => {
        if (error) return reject(error);
        const ok = result["2xx"];
        resolve({ rps: ok / result.duration, ok, non2xx: result.non2xx, errors: result.errors, seconds: result.duration });
      },
    );
  });
}

/**
 * One request of a steady run: epoch milliseconds, so they line up with the server's own trace.
 * `sent`: when the generator's loop got to it and handed it to the HTTP client; before that, the
 * generator itself was late (its own thread busy or waiting for a core).
 */
export type Sample = { id: string; scheduled: number; sent: number; end: number; status: number };

export type LatencyResult = {
  sent: number;
  ok: number;
  failed: number;
  /** Achieved rate of completed 2xx responses per second. */
  rps: number;
  /** Milliseconds from each request's scheduled start to its response's end. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  samples: Sample[];
};

/**
 * Starts one request every 1000/rate ms for `seconds`, whatever the server does, each tagged with an
 * `x-bench-id` header (`idPrefix` + its number) that the server's trace records.
 */
export async function steadyLoad(options: {
  baseUrl: string;
  path: string;
  body: BodyFactory;
  rate: number;
  seconds: number;
  idPrefix?: string;
  /** Send each id as x-bench-id so the server traces the request (default); off, the server records nothing per request. */
  traced?: boolean;
  /** Connections at most (256). An open loop that must not queue in the generator raises it. */
  maxSockets?: number;
}): Promise<LatencyResult> {
  const url = new URL(options.path, options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256 });
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.seconds);
  const samples: Sample[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const epoch = (at: number) => performance.timeOrigin + at;

  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await sleep(wait);
    const id = `${options.idPrefix ?? "r"}-${i}`;
    const body = options.body(id);
    const sample: Sample = { id, scheduled: epoch(scheduled), sent: epoch(performance.now()), end: 0, status: 0 };
    inFlight.push(
      post(agent, url, body, options.traced === false ? null : id).then(
        (status) => void samples.push({ ...sample, end: epoch(performance.now()), status }),
        () => void samples.push({ ...sample, end: epoch(performance.now()), status: 0 }),
      ),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const latencies = samples
    .filter((sample) => sample.status >= 200 && sample.status < 300)
    .map((sample) => sample.end - sample.scheduled)
    .sort((a, b) => a - b);
  return {
    sent: total,
    ok: latencies.length,
    failed: total - latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p90: percentile(latencies, 0.9),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
    samples,
  };
}

function post(agent: http.Agent, url: URL, body: string, id: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      ...(id === null ? {} : { "x-bench-id": id }),
    };
    const request = http.request(url, { method: "POST", agent, headers }, (response) => {
      response.resume();
      response.once("end", () => resolve(response.statusCode ?? 0));
      response.once("error", reject);
    });
    request.setTimeout(10_000, () => request.destroy(new Error("timeout")));
    request.once("error", reject);
    request.end(body);
  });
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
