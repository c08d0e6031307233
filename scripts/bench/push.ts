// The push benchmark (`npm run bench -- --only=push`): issue 24's promise that a new order reaches
// the merchant's phones within 2 s with no Tribedesk tab open. The production server on a
// throwaway embedded PostgreSQL, the TribeMade simulator in its own process, and the measuring
// process (scripts/bench/push-worker.ts) hosting the local push service: per order, from asking the
// simulator to place it (which POSTs the webhook) to each device's push request at the push
// service, with 1 device (the baseline) and 100 devices subscribed.
import webpush from "web-push";
import { percentile } from "./load";
import { runWorker, startSimulatorProcess } from "./outbox";
import type { PushRun } from "./push-worker";
import { machineLine, table } from "./report";
import { startBenchStack, type BenchStack } from "./stack";

/** The promise for the last device's push (p95). */
export const PUSH_TARGET_MS = 2_000;

export async function runPushBench(options: {
  root: string;
  baseEnv: Record<string, string | undefined>;
  build: "if-stale" | "never";
  orders: number;
  log: (line: string) => void;
}): Promise<PushRun[]> {
  const { root, log } = options;
  // TribeMade's GET-order limit (50 a minute) is lifted on both sides: the bench places orders
  // back to back, far faster than a store receives them, and measures the pipeline, not the quota.
  const simulator = await startSimulatorProcess(root, ["--limit", "order.get=10000000"]);
  let stack: BenchStack | undefined;
  try {
    const vapid = webpush.generateVAPIDKeys();
    stack = await startBenchStack({
      root,
      build: options.build,
      baseEnv: options.baseEnv,
      servers: {
        main: {
          TRIBEMADE_API_BASE_URL: simulator.url,
          TRIBEMADE_ORDER_GET_LIMIT: "10000000",
          VAPID_PUBLIC_KEY: vapid.publicKey,
          VAPID_PRIVATE_KEY: vapid.privateKey,
          VAPID_SUBJECT: "mailto:bench@tribedesk.test",
          // As under `npm start`: push services and TribeMade may be local addresses.
          TRIBEDESK_DEMO: "1",
        },
      },
      log,
    });
    log(`push: ${options.orders} orders each with 1 and 100 subscribed devices…`);
    return await runWorker<PushRun[]>(
      root,
      {
        ...stack.env,
        NODE_OPTIONS: "",
        TRIBEMADE_API_BASE_URL: simulator.url,
        BENCH_SERVER_URL: stack.servers.main!.baseUrl,
        BENCH_ORDERS: String(options.orders),
        BENCH_DEVICES: "1,100",
      },
      "scripts/bench/push-worker.ts",
    );
  } finally {
    await stack?.stop();
    await simulator.stop();
  }
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en-IN")} ms`;

export function pushMarkdown(runs: PushRun[], postgresVersion: string): string {
  const rows = runs.map((run) => {
    const last = [...run.last].sort((a, b) => a - b);
    const first = [...run.first].sort((a, b) => a - b);
    const ack = [...run.ack].sort((a, b) => a - b);
    return [
      String(run.devices),
      String(run.orders),
      ms(percentile(ack, 0.5)),
      `${ms(percentile(first, 0.5))} / ${ms(percentile(first, 0.95))}`,
      `${ms(percentile(last, 0.5))} / ${ms(percentile(last, 0.95))} / ${ms(last[last.length - 1] ?? Number.NaN)}`,
      `${run.pushes.toLocaleString("en-IN")} (${run.rejected} refused, ${run.wrong} wrong)`,
      percentile(last, 0.95) < PUSH_TARGET_MS ? "yes" : "**no**",
    ];
  });
  return [
    "## New-order push: webhook → push service",
    "",
    "`npm run bench -- --only=push`. The production server (scripts/serve.ts) with no browser open; the TribeMade",
    "simulator in its own process POSTs each order's webhook; the server verifies the order with the simulator's API",
    "and pushes through its outbox (notify_push) to a local push service that checks the VAPID signature and",
    "decrypts every payload (tests/fixtures/fake-push-service.ts). Orders one at a time, 250 ms apart, after two",
    "warm-up orders; times from asking the simulator to place the order to the push request reaching the push",
    "service. Devices are spread over members, 25 each. TribeMade's GET-order limit is lifted so back-to-back",
    `orders measure the pipeline, not the quota. Target: the last device within ${ms(PUSH_TARGET_MS)} at p95.`,
    "",
    table(
      ["Devices", "Orders", "Webhook ack p50", "First device p50 / p95", "Last device p50 / p95 / max", "Pushes", "p95 < 2 s"],
      rows,
    ),
    "",
    machineLine(postgresVersion),
  ].join("\n");
}
