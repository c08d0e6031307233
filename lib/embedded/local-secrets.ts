// Secrets for the embedded default, generated once and kept under .data/ so sessions, encrypted
// API keys and the demo webhook URL survive restarts. Never used when DATABASE_URL is set.
//
// ENCRYPTION_KEY is special: the API keys saved in the local database were encrypted with it, so it
// is never regenerated once a database exists. A lost one stops the start with what to do.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import webpush from "web-push";
import { freshSecrets } from "./fresh-secrets";

export type LocalSecrets = {
  AUTH_SECRET: string;
  CRON_SECRET: string;
  ENCRYPTION_KEY: string;
  /** The demo store's webhook token; only its SHA-256 is in the database. */
  DEMO_WEBHOOK_TOKEN: string;
  /** Web push's key pair: browsers subscribed with the public one, so it must survive restarts. */
  VAPID_PUBLIC_KEY: string;
  VAPID_PRIVATE_KEY: string;
};

function generate(): LocalSecrets {
  const vapid = webpush.generateVAPIDKeys();
  return {
    ...freshSecrets(),
    DEMO_WEBHOOK_TOKEN: randomBytes(32).toString("base64url"),
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
  };
}

async function save(file: string, secrets: LocalSecrets): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
}

async function readSaved(file: string): Promise<Partial<LocalSecrets>> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Partial<LocalSecrets>;
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new Error(`${file} is not valid JSON: restore it from a backup, or delete ${path.dirname(file)} to start over.`);
    }
    throw error;
  }
}

export async function loadLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  if (!existsSync(file)) {
    const database = path.join(dataDir, "postgres");
    if (existsSync(path.join(database, "PG_VERSION"))) {
      throw new Error(
        `${file} is missing but ${database} holds a database whose TribeMade API keys were encrypted with the ` +
          `ENCRYPTION_KEY it held: restore the file from a backup, or delete ${dataDir} to start over with an empty database.`,
      );
    }
    const secrets = generate();
    await save(file, secrets);
    return secrets;
  }

  const saved = await readSaved(file);
  if (!saved.ENCRYPTION_KEY) {
    throw new Error(
      `${file} has no ENCRYPTION_KEY. The TribeMade API keys saved in the local database were encrypted with it: ` +
        `restore the file from a backup, or delete ${dataDir} to start over with an empty database.`,
    );
  }
  // The others cost at most a sign-in (AUTH_SECRET), a new demo webhook URL or subscribing devices
  // again (a new VAPID pair, always replaced as a pair): fill in and keep.
  const fresh = generate();
  const vapid =
    saved.VAPID_PUBLIC_KEY && saved.VAPID_PRIVATE_KEY
      ? {}
      : { VAPID_PUBLIC_KEY: fresh.VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: fresh.VAPID_PRIVATE_KEY };
  const secrets = { ...fresh, ...saved, ...vapid } as LocalSecrets;
  if (Object.keys(fresh).some((name) => !saved[name as keyof LocalSecrets])) await save(file, secrets);
  return secrets;
}
