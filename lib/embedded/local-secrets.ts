// Secrets for the embedded default, generated once and kept under .data/ so sessions, encrypted
// API keys and the demo webhook URL survive restarts. Never used when DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export type LocalSecrets = {
  AUTH_SECRET: string;
  CRON_SECRET: string;
  ENCRYPTION_KEY: string;
  /** The demo store's webhook token; only its SHA-256 is in the database. */
  DEMO_WEBHOOK_TOKEN: string;
};

function generate(): LocalSecrets {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CRON_SECRET: randomBytes(24).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    DEMO_WEBHOOK_TOKEN: randomBytes(32).toString("base64url"),
  };
}

export async function loadLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return { ...generate(), ...(JSON.parse(await readFile(file, "utf8")) as Partial<LocalSecrets>) };
  const secrets = generate();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
