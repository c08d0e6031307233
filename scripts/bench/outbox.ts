// The outbox benchmarks (`npm run bench`): a throwaway embedded PostgreSQL, the TribeMade simulator
// in its own process (TribeMade is another machine; sharing a JavaScript thread with it would halve
// the drain), and the measuring process (scripts/bench/outbox-worker.ts) playing one app instance.
//   throughput: verify_order end to end with the simulator's limits lifted, beside a bare
//               SKIP LOCKED claim-and-mark loop on the same database, alternating rounds.
//   pace:       100 status pushes for one store at TribeMade's real 20 per minute (5 minutes; opt-in).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { makeThrowawayDir } from "../../lib/embedded/throwaway-dir";
import { scratchDatabase } from "./scratch-database";
import { freshSecrets } from "../../lib/embedded/fresh-secrets";

export type CpuPerMessage = { app: number; simulator: number; postgres: number };

export type ThroughputResult = {
  bare: number[];
  drain: number[];
  /** CPU µs per message, per round: the app instance, the simulator, PostgreSQL. */
  cpu: { bare: CpuPerMessage[]; drain: CpuPerMessage[] };
  checked: number;
  attempts: number;
  expected: number;
};
export type PaceResult = { elapsedMs: number; firstToLastMs: number; sent: number; rateLimited: number };

type Env = Record<string, string | undefined>;

export async function runOutboxBench(options: {
  root: string;
  baseEnv: Env;
  log: (line: string) => void;
  messages: number;
  rounds: number;
  pace: boolean;
}): Promise<{ throughput: ThroughputResult; pace: PaceResult | null }> {
  const { root, log } = options;
  const scratch = await makeThrowawayDir("tribedesk-bench-outbox-");
  try {
    const databaseUrl = await scratchDatabase(scratch, "outbox", log);
    const env: Env = {
      ...options.baseEnv,
      DATABASE_URL: databaseUrl,
      ...freshSecrets(),
      NODE_OPTIONS: "",
    };

    log("outbox: simulator with its limits lifted…");
    const lifted = await startSimulatorProcess(root, ["--limit", "order.get=10000000", "--limit", "order.status=10000000"]);
    const pgData = path.join(scratch.dir, "data");
    scratch.onStop(lifted.stop);
    log(`outbox: verify_order throughput, ${options.rounds} alternating rounds of ${options.messages} messages…`);
    const throughput = await runWorker<ThroughputResult>(root, {
      ...env,
      TRIBEMADE_API_BASE_URL: lifted.url,
      TRIBEMADE_ORDER_GET_LIMIT: "10000000",
      TRIBEMADE_ORDER_STATUS_LIMIT: "10000000",
      BENCH_MODE: "throughput",
      BENCH_SIMULATOR_PID: String(lifted.pid),
      BENCH_PG_DATA: pgData,
      BENCH_MESSAGES: String(options.messages),
      BENCH_ROUNDS: String(options.rounds),
    });

    let pace: PaceResult | null = null;
    if (options.pace) {
      log("outbox: 100 status pushes at TribeMade's real 20 per minute (about 4–5 minutes)…");
      const real = await startSimulatorProcess(root, []);
      scratch.onStop(real.stop);
      pace = await runWorker<PaceResult>(root, { ...env, TRIBEMADE_API_BASE_URL: real.url, BENCH_MODE: "pace" });
    }
    return { throughput, pace };
  } finally {
    await scratch.stop();
  }
}

/** A TypeScript entry point in a Node process of its own (tsx as a loader, so Node flags apply to it). */
export function tsx(root: string, script: string, args: string[], env: Env): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export async function startSimulatorProcess(
  root: string,
  args: string[],
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = tsx(root, "scripts/simulator.ts", ["--port", "0", ...args], { ...process.env, NODE_OPTIONS: "" });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the simulator exited (${code}): ${out}`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A measuring process (`script`, default the outbox's worker) and the JSON of its `BENCH_RESULT` line. */
export function runWorker<T>(root: string, env: Env, script = "scripts/bench/outbox-worker.ts"): Promise<T> {
  const child = tsx(root, script, [], env);
  let out = "";
  let errors = "";
  child.stdout!.on("data", (chunk: Buffer) => void (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => void (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      const line = out.split("\n").find((entry) => entry.startsWith("BENCH_RESULT "));
      if (code === 0 && line) resolve(JSON.parse(line.slice("BENCH_RESULT ".length)) as T);
      else reject(new Error(`${script} failed (${code}):\n${errors.slice(-4_000)}`));
    });
  });
}
