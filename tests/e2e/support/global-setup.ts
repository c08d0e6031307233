// Starts the app the way `npm start` does, on a throw-away data directory, and tells the tests
// where it is through environment variables (inherited by Playwright's workers).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../../lib/embedded/free-port";
import { startLocalStack } from "../../../lib/embedded/local-stack";
import { buildApp, buildIsStale, startNext, waitForHealthy } from "../../../lib/embedded/next-server";

const root = path.resolve(__dirname, "../../..");

export default async function globalSetup() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tribedesk-e2e-"));
  const port = await freePort();
  const stack = await startLocalStack({ dataDir, appPort: port, demoIntervalMs: 0, baseEnv: process.env, log: () => {} });
  const env = { ...process.env, ...stack.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (buildIsStale(root)) buildApp(root, { ...env, NODE_ENV: "production" });
  const { NODE_ENV: _ignored, ...childEnv } = env;
  const app = startNext({ root, dev: false, port, env: childEnv, stdio: "ignore" });

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealthy(baseUrl);
  await stack.connectWebhook();
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_SIMULATOR_URL = stack.simulatorUrl;
  process.env.E2E_WEBHOOK_URL = stack.webhookUrl;
  // The app's own configuration (database, secrets), for helpers that seed data the app's way.
  process.env.E2E_APP_ENV = JSON.stringify(stack.env);

  return async () => {
    app.kill("SIGTERM");
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
