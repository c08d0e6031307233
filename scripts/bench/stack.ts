// What `npm run bench` measures against: a throwaway embedded PostgreSQL with the migrations
// applied and production builds of the app under its production server (scripts/serve.ts) with the benchmark routes switched
// on — one server per configuration being compared (e.g. named vs unnamed prepared statements),
// all on the same database. PostgreSQL logs its checkpoints and autovacuum runs and keeps
// pg_stat_statements, so the tail analysis can line them up with slow requests. Everything it
// starts, stop() stops.
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { freePort } from "../../lib/embedded/free-port";
import { buildApp, buildIsStale, startNext, waitForHealthy } from "../../lib/embedded/next-server";
import { startEmbeddedPostgres } from "../../lib/embedded/postgres";
import { makeThrowawayDir } from "../../lib/embedded/throwaway-dir";
import { freshSecrets } from "../../lib/embedded/fresh-secrets";
import { applyMigrations } from "../../lib/migrations/apply";
import { parsePgLog } from "./pg-log";
import { cpuAvailable, postmasterPid, treeCpuSeconds } from "./process-cpu";
import type { PgEvent } from "./tail";

export type CpuSample = { app: number; postgres: number };

export type AppServer = {
  baseUrl: string;
  /** CPU seconds used so far by this server's and PostgreSQL's processes; null off Linux. */
  cpu(): CpuSample | null;
  child: ChildProcess;
};

export type BenchStack = {
  databaseUrl: string;
  /** What every server got before its own extras (the database, the fresh secrets): for a worker that seeds as the app would. */
  env: Record<string, string | undefined>;
  servers: Record<string, AppServer>;
  /** Checkpoints and autovacuum runs PostgreSQL logged so far. */
  pgEvents(): PgEvent[];
  stop(): Promise<void>;
};

// Diagnostics only (none changes durability: fsync and synchronous_commit stay on): statement
// statistics, I/O timing, and a log line for every checkpoint and autovacuum run.
const PG_DIAGNOSTIC_FLAGS = [
  "shared_preload_libraries=pg_stat_statements",
  "pg_stat_statements.track_planning=on",
  "track_io_timing=on",
  "track_wal_io_timing=on",
  "log_checkpoints=on",
  "log_autovacuum_min_duration=0",
  "log_line_prefix=%m [%p] ",
].flatMap((setting) => ["-c", setting]);

export async function startBenchStack(options: {
  root: string;
  /** Rebuild even when .next looks current; `never` skips the build when one exists. */
  build: "if-stale" | "always" | "never";
  /** The caller's environment, passed on to `next build` and the app servers. */
  baseEnv: Record<string, string | undefined>;
  /** One app server per entry, with these extra variables. */
  servers: Record<string, Record<string, string>>;
  /** More PostgreSQL settings (e.g. a tuning under test). */
  postgresFlags?: string[];
  log: (line: string) => void;
}): Promise<BenchStack> {
  const { root, log } = options;
  const scratch = await makeThrowawayDir("tribedesk-bench-");
  const { stop } = scratch;

  try {
    log("Starting embedded PostgreSQL…");
    const dataDir = path.join(scratch.dir, "data");
    const pgLog: string[] = [];
    const postgres = await startEmbeddedPostgres({
      dataDir,
      persistent: false,
      flags: [...PG_DIAGNOSTIC_FLAGS, ...(options.postgresFlags ?? [])],
      log: (chunk) => pgLog.push(...chunk.split("\n")),
    });
    scratch.onStop(() => postgres.stop());
    await postgres.createDatabase("bench");
    const databaseUrl = postgres.urlFor("bench");
    await applyMigrations(databaseUrl);
    const client = new pg.Client(databaseUrl);
    await client.connect();
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await client.end();

    const env: Record<string, string | undefined> = {
      ...options.baseEnv,
      DATABASE_URL: databaseUrl,
      ...freshSecrets(),
      TRIBEDESK_BENCH: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const stale = buildIsStale(root);
    if (options.build === "always" || (options.build === "if-stale" && stale)) {
      log("Building the app (next build)…");
      // Production requires APP_URL (lib/env.ts); each server gets its own below, the build any.
      buildApp(root, { ...env, NODE_ENV: "production", APP_URL: "http://127.0.0.1" });
    } else {
      log(stale ? "Reusing .next although sources changed (--no-build)." : "Reusing the current .next build.");
    }

    const pgPid = postmasterPid(dataDir);
    const servers: Record<string, AppServer> = {};
    for (const [name, extra] of Object.entries(options.servers)) {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const merged: Record<string, string | undefined> = { ...env, ...extra, APP_URL: baseUrl };
      const { NODE_ENV: _nodeEnv, ...appEnv } = merged;
      const child: ChildProcess = startNext({ root, dev: false, port, env: appEnv, stdio: "ignore" });
      scratch.onStop(() => stopChild(child));
      log(`Starting the app server (${name}) on ${baseUrl}…`);
      await waitForHealthy(baseUrl);
      const cpu = () =>
        cpuAvailable() && child.pid && pgPid ? { app: treeCpuSeconds(child.pid), postgres: treeCpuSeconds(pgPid) } : null;
      servers[name] = { baseUrl, cpu, child };
    }
    return { databaseUrl, env, servers, pgEvents: () => parsePgLog(pgLog), stop };
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
