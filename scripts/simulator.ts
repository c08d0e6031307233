// npm run simulator — the TribeMade simulator on its own.
//   npm run simulator -- [--port N] [--host H] [--demo [ms]] [--webhook URL]... [--seed N]
//                        [--window-ms N] [--limit order.get=N]...
// PORT is used when --port is absent (0 = any free port). --webhook creates a store with those
// webhook URLs and prints its id and API key; --demo places an order for every store with a
// webhook URL every few seconds (default 5000 ms). --window-ms and --limit change TribeMade's rate
// limits (60 s windows; order.get 50, order.status 20, …), for tests and benchmarks.

import { parseArgs } from "node:util";
import { RATE_LIMITS, type EndpointClass } from "../lib/tribemade/simulator/rate-limit";
import { startSimulator } from "../lib/tribemade/simulator/server";

const DEFAULT_DEMO_MS = 5_000;

function toNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      demo: { type: "boolean" },
      webhook: { type: "string", multiple: true },
      seed: { type: "string" },
      "window-ms": { type: "string" },
      limit: { type: "string", multiple: true },
    },
  });
  const limits: Partial<Record<EndpointClass, number>> = {};
  for (const entry of values.limit ?? []) {
    const [name, value] = entry.split("=");
    if (!name || !(name in RATE_LIMITS))
      throw new Error(`--limit wants one of ${Object.keys(RATE_LIMITS).join(", ")}=N, got "${entry}"`);
    limits[name as EndpointClass] = toNumber(value, `--limit ${name}`);
  }
  // "--demo 2000": parseArgs treats the number as a positional after a boolean flag.
  const demoMs = values.demo ? (toNumber(positionals[0], "--demo interval") ?? DEFAULT_DEMO_MS) : undefined;
  const simulator = await startSimulator({
    port: toNumber(values.port, "--port") ?? toNumber(process.env.PORT, "PORT") ?? 0,
    host: values.host,
    demoIntervalMs: demoMs,
    seed: toNumber(values.seed, "--seed"),
    rateLimit: { windowMs: toNumber(values["window-ms"], "--window-ms"), limits },
    log: (line) => console.log(line),
  });
  console.log(`TribeMade simulator listening on ${simulator.url}`);
  console.log(`  API:     ${simulator.url}/api/...   (X-API-Key)`);
  console.log(`  Control: ${simulator.url}/__control/health`);
  if (demoMs !== undefined) console.log(`  Demo:    an order every ${demoMs} ms for each store with a webhook URL`);

  if (values.webhook && values.webhook.length > 0) {
    const response = await fetch(`${simulator.url}/__control/stores`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Demo Store", webhookUrls: values.webhook }),
    });
    const body = (await response.json()) as { store?: { id: string; apiKey: string }; error?: string };
    if (!body.store) throw new Error(`Could not create the store: ${body.error ?? response.status}`);
    console.log(`  Store:   ${body.store.id}  API key: ${body.store.apiKey}`);
  }

  const shutdown = () => {
    simulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
