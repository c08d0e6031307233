// npm start / npm run dev — Tribedesk on the embedded default (no DATABASE_URL: a real local
// PostgreSQL, the TribeMade simulator, a demo merchant), or on your own DATABASE_URL.
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { bindHostname, describeBind, localUrl } from "../lib/embedded/bind-address";
import { freePort } from "../lib/embedded/free-port";
import { startLocalStack, type LocalStack } from "../lib/embedded/local-stack";
import { buildApp, buildIsStale, startNext, waitForHealthy, type ChildEnv } from "../lib/embedded/next-server";
import { applyMigrations } from "../lib/migrations/apply";
import { migrationUrl } from "../lib/migrations/migration-url";

const root = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[tribedesk] ${line}`);

async function choosePort(): Promise<number> {
  const wanted = Number(process.env.PORT ?? 3000);
  const free = await isPortFree(wanted);
  return free ? wanted : freePort();
}

async function isPortFree(port: number): Promise<boolean> {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function main() {
  const started = Date.now();
  const port = await choosePort();
  // 127.0.0.1 unless HOSTNAME says otherwise (README, "Self-hosting").
  const hostname = bindHostname(process.env.HOSTNAME);
  const url = localUrl(hostname, port);
  let stack: LocalStack | undefined;
  let appEnv: ChildEnv;

  if (process.env.DATABASE_URL) {
    log("DATABASE_URL is set: using it; nothing embedded starts.");
    await applyMigrations(migrationUrl(process.env), { log });
    // Its own local address is its public origin unless a proxy in front says otherwise (set APP_URL
    // then; production requires it, see README "Self-hosting").
    appEnv = { APP_URL: url, ...process.env };
  } else {
    log("No DATABASE_URL: starting the embedded PostgreSQL and the TribeMade simulator…");
    stack = await startLocalStack({
      dataDir: path.join(root, ".data"),
      appPort: port,
      appUrl: url,
      demoIntervalMs: 8_000,
      baseEnv: process.env,
      log,
    });
    appEnv = { ...process.env, ...stack.env };
  }
  // A long-lived server: it LISTENs for outbox wake-ups and drains within a second (instrumentation.ts).
  appEnv = { ...appEnv, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", TRIBEDESK_DRAIN_LISTENER: "1" };

  const app: { child?: ChildProcess } = {};
  const shutdown = async (code: number) => {
    app.child?.kill("SIGTERM");
    await stack?.stop();
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  if (!dev && buildIsStale(root)) {
    log("Building the app (first start or sources changed)…");
    buildApp(root, { ...appEnv, NODE_ENV: "production" });
  }
  // next sets NODE_ENV itself (production for start, development for dev).
  const { NODE_ENV: _ignored, ...childEnv } = appEnv;
  app.child = startNext({ root, dev, port, hostname, env: childEnv });
  app.child.once("exit", (code) => void shutdown(code ?? 1));

  await waitForHealthy(url);
  await stack?.connectWebhook();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    [
      "",
      `  Tribedesk is running (${dev ? "dev, hot reload" : "production build"}, ready in ${seconds} s)`,
      `  App:          ${url}`,
      `  Listening on: ${describeBind(hostname, port)}`,
      ...(stack
        ? [
            `  Demo login:   demo@tribedesk.local / tribedesk-demo`,
            `  Webhook URL:  ${stack.webhookUrl}`,
            `  Simulator:    ${stack.simulatorUrl} (places a demo order every 8 s)`,
          ]
        : []),
      "  Stop:         Ctrl-C",
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(`[tribedesk] start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
