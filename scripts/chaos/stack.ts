// What `npm run chaos` breaks: a production build under the production server (scripts/serve.ts) on an embedded PostgreSQL
// with the demo merchant seeded, both of which it can kill and restart on the same ports.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { freePort } from "../../lib/embedded/free-port";
import { seedDemo } from "../../lib/embedded/local-stack";
import { buildApp, buildIsStale, startNext, waitForHealthy } from "../../lib/embedded/next-server";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../../lib/embedded/postgres";
import { makeThrowawayDir } from "../../lib/embedded/throwaway-dir";
import { freshSecrets } from "../../lib/embedded/fresh-secrets";
import { applyMigrations } from "../../lib/migrations/apply";

export type ChaosStack = {
  baseUrl: string;
  databaseUrl: string;
  webhookToken: string;
  postgres: EmbeddedPostgresHandle;
  /** SIGKILL the app server and everything it started. */
  killApp(): void;
  /** Start the app server on its port; resolves once it accepts connections (webhooks then tell). */
  startApp(): Promise<void>;
  stop(): Promise<void>;
};

export async function startChaosStack(options: {
  root: string;
  build: boolean;
  baseEnv: Record<string, string | undefined>;
  log: (line: string) => void;
}): Promise<ChaosStack> {
  const { root, log } = options;
  const scratch = await makeThrowawayDir("tribedesk-chaos-");
  const { stop } = scratch;
  try {
    log("Starting embedded PostgreSQL…");
    // Persistent, so a restart keeps the data; the temporary folder goes at the end.
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch.dir, "data"), persistent: true });
    scratch.onStop(() => postgres.stop());
    await postgres.createDatabase("chaos");
    const databaseUrl = postgres.urlFor("chaos");
    await applyMigrations(databaseUrl);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const webhookToken = randomBytes(32).toString("base64url");
    const env: Record<string, string | undefined> = {
      ...options.baseEnv,
      DATABASE_URL: databaseUrl,
      ...freshSecrets(),
      APP_URL: baseUrl,
      // Nothing here should reach TribeMade: a closed local port fails fast.
      TRIBEMADE_API_BASE_URL: "http://127.0.0.1:9",
      TRIBEDESK_DEMO: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    seedDemo({ ...env, TRIBEDESK_DEMO_WEBHOOK_TOKEN: webhookToken });
    if (options.build && buildIsStale(root)) {
      log("Building the app (next build)…");
      buildApp(root, { ...env, NODE_ENV: "production" });
    }

    const { NODE_ENV: _nodeEnv, ...appEnv } = env;
    let child: ChildProcess | null = null;
    const startApp = async () => {
      const started = startNext({
        root,
        dev: false,
        port,
        env: appEnv,
        stdio: process.env.CHAOS_APP_OUTPUT ? "inherit" : "ignore",
      });
      child = started;
      // Under the load's flood a cold server may answer /api/health late; an open port is enough here.
      await waitForPort(port, () => started.exitCode !== null);
    };
    const killApp = () => {
      if (child?.pid) killTree(child.pid);
      child = null;
    };
    scratch.onStop(async () => killApp());
    log(`Starting the app server on ${baseUrl}…`);
    await startApp();
    await waitForHealthy(baseUrl, 60_000);
    return { baseUrl, databaseUrl, webhookToken, postgres, killApp, startApp, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGKILL a process and its descendants (from /proc, in case the server started children). */
function killTree(pid: number): void {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited meanwhile
    }
  }
  const tree: number[] = [];
  for (const queue = [pid]; queue.length > 0;) {
    const next = queue.pop() as number;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  for (const member of tree) {
    try {
      process.kill(member, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

async function waitForPort(port: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("the app server exited");
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the app server did not listen on ${port} within 60 s`);
}
