// What `npm run bench` measures against: a throwaway embedded PostgreSQL with the migrations
// applied and a production build of the app under `next start`, with the no-database baseline route
// switched on. Everything it starts, stop() stops.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/embedded/free-port";
import { buildApp, buildIsStale, startNext, waitForHealthy } from "../../lib/embedded/next-server";
import { startEmbeddedPostgres } from "../../lib/embedded/postgres";
import { applyMigrations } from "../../lib/migrations/apply";
import { cpuAvailable, postmasterPid, treeCpuSeconds } from "./process-cpu";

export type CpuSample = { app: number; postgres: number };

export type BenchStack = {
  baseUrl: string;
  databaseUrl: string;
  /** CPU seconds used so far by the app's and PostgreSQL's processes; null off Linux. */
  cpu(): CpuSample | null;
  stop(): Promise<void>;
};

export async function startBenchStack(options: {
  root: string;
  /** Rebuild even when .next looks current; `false` skips the build when one exists. */
  build: "if-stale" | "always" | "never";
  /** The caller's environment, passed on to `next build` / `next start`. */
  baseEnv: Record<string, string | undefined>;
  log: (line: string) => void;
}): Promise<BenchStack> {
  const { root, log } = options;
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "tribedesk-bench-"));
  const stops: Array<() => Promise<void>> = [() => rm(tempDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const fn of stops.splice(0).reverse()) await fn().catch(() => {});
  };

  try {
    log("Starting embedded PostgreSQL…");
    const dataDir = path.join(tempDir, "data");
    const postgres = await startEmbeddedPostgres({ dataDir, persistent: false });
    stops.push(() => postgres.stop());
    await postgres.createDatabase("bench");
    const databaseUrl = postgres.urlFor("bench");
    await applyMigrations(databaseUrl);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: Record<string, string | undefined> = {
      ...options.baseEnv,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      CRON_SECRET: randomBytes(24).toString("base64url"),
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      APP_URL: baseUrl,
      TRIBEDESK_BENCH: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const stale = buildIsStale(root);
    if (options.build === "always" || (options.build === "if-stale" && stale)) {
      log("Building the app (next build)…");
      buildApp(root, { ...env, NODE_ENV: "production" });
    } else {
      log(stale ? "Reusing .next although sources changed (--no-build)." : "Reusing the current .next build.");
    }

    const { NODE_ENV: _nodeEnv, ...appEnv } = env;
    const child: ChildProcess = startNext({ root, dev: false, port, env: appEnv, stdio: "ignore" });
    stops.push(() => stopChild(child));
    log(`Starting next start on ${baseUrl}…`);
    await waitForHealthy(baseUrl, 60_000);
    const pgPid = postmasterPid(dataDir);
    const cpu = () =>
      cpuAvailable() && child.pid && pgPid ? { app: treeCpuSeconds(child.pid), postgres: treeCpuSeconds(pgPid) } : null;
    return { baseUrl, databaseUrl, cpu, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
