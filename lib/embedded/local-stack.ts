// The embedded default: a real PostgreSQL under .data/, migrations applied, the TribeMade
// simulator standing in for api.tribemade.in, and the demo merchant seeded. Shared by
// `npm start`, `npm run dev` and the end-to-end tests.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { applyMigrations } from "../migrations/apply";
import { createControlClient } from "../tribemade/simulator/control-client";
import { startSimulator } from "../tribemade/simulator/server";
import { DEMO } from "./demo";
import { childEnv, type ChildEnv } from "./next-server";
import { loadLocalSecrets } from "./local-secrets";
import { startMailSink } from "./mail-sink";
import { startEmbeddedPostgres } from "./postgres";

const DATABASE = "tribedesk";

export type LocalStack = {
  /** Variables the app process needs. */
  env: Record<string, string>;
  simulatorUrl: string;
  webhookUrl: string;
  /** Points the simulator's demo store at the app; call once the app answers, so no demo order is lost. */
  connectWebhook(): Promise<void>;
  stop(): Promise<void>;
};

export async function startLocalStack(options: {
  dataDir: string;
  appPort: number;
  /** Where the app is reached from this machine, when not 127.0.0.1 (`npm start` with HOSTNAME set). */
  appUrl?: string;
  /** Place a simulated order every this many ms (0 = never). */
  demoIntervalMs: number;
  /** The caller's environment, passed on to the seed process. */
  baseEnv: ChildEnv;
  log: (line: string) => void;
}): Promise<LocalStack> {
  const secrets = await loadLocalSecrets(options.dataDir);
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, "postgres") });
  const stops: Array<() => Promise<void>> = [() => postgres.stop()];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => {});
  };

  try {
    await postgres.createDatabase(DATABASE).catch((error: unknown) => {
      if (!/already exists/.test(String(error))) throw error;
    });
    const databaseUrl = postgres.urlFor(DATABASE);
    const { applied } = await applyMigrations(databaseUrl);
    if (applied.length > 0) options.log(`Applied ${applied.length} migration(s).`);

    const simulator = await startSimulator({ port: 0, demoIntervalMs: options.demoIntervalMs });
    stops.push(() => simulator.stop());
    // Email goes to a local sink, listed at its MAIL_SINK_URL/messages (docs/notifications.md).
    const mail = await startMailSink();
    stops.push(() => mail.stop());

    const env = {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: secrets.AUTH_SECRET,
      CRON_SECRET: secrets.CRON_SECRET,
      ENCRYPTION_KEY: secrets.ENCRYPTION_KEY,
      TRIBEMADE_API_BASE_URL: simulator.url,
      APP_URL: options.appUrl ?? `http://127.0.0.1:${options.appPort}`,
      TRIBEDESK_DEMO: "1",
      VAPID_PUBLIC_KEY: secrets.VAPID_PUBLIC_KEY,
      VAPID_PRIVATE_KEY: secrets.VAPID_PRIVATE_KEY,
      VAPID_SUBJECT: "mailto:desk@tribedesk.localhost",
      SMTP_URL: mail.smtpUrl,
      MAIL_FROM: "Tribedesk <desk@tribedesk.localhost>",
      MAIL_SINK_URL: mail.url,
    };
    seedDemo({ ...options.baseEnv, ...env, TRIBEDESK_DEMO_WEBHOOK_TOKEN: secrets.DEMO_WEBHOOK_TOKEN });

    const webhookUrl = `${env.APP_URL}/api/webhooks/tribemade/${secrets.DEMO_WEBHOOK_TOKEN}`;
    // The simulator forgets everything on exit: recreate the demo store with the seeded id and key.
    const control = createControlClient(simulator.url);
    await control.createStore({ id: DEMO.tribemadeStoreId, apiKey: DEMO.apiKey, name: DEMO.storeName });
    const connectWebhook = async () => {
      await control.setWebhooks(DEMO.tribemadeStoreId, [webhookUrl]);
    };

    return { env, simulatorUrl: simulator.url, webhookUrl, connectWebhook, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Seeds the demo merchant (prisma/seed.ts; TRIBEDESK_DEMO_WEBHOOK_TOKEN sets its webhook token). A
 * child process: the seed uses the app's own data layer, which reads its configuration once per process.
 */
export function seedDemo(env: ChildEnv) {
  const root = path.resolve(__dirname, "../..");
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const result = spawnSync(process.execPath, [tsx, "--conditions=react-server", "prisma/seed.ts"], {
    cwd: root,
    env: childEnv(env),
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("Seeding the demo merchant failed");
}
