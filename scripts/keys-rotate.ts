// npm run keys:rotate — rewrites every stored TribeMade API key and fulfillment signing secret under
// the current ENCRYPTION_KEY, bound to its store (lib/stores/api-key.ts, lib/fulfillment/secret.ts).
// Run it after changing ENCRYPTION_KEY (keep the old one in ENCRYPTION_KEYS_PREVIOUS until this has
// run) and once after upgrading from the unbound format. Secrets it cannot read are listed and left
// as they are; exit 1 if there were any.
//   With DATABASE_URL: that database, with ENCRYPTION_KEY / ENCRYPTION_KEYS_PREVIOUS from the environment.
//   Without: the embedded default under .data/ (stop `npm start` first), with .data/secrets.json's key.
import path from "node:path";
import { loadLocalSecrets } from "../lib/embedded/local-secrets";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../lib/embedded/postgres";

const root = path.resolve(__dirname, "..");

async function main(): Promise<number> {
  let embedded: EmbeddedPostgresHandle | undefined;
  if (!process.env.DATABASE_URL) {
    const dataDir = path.join(root, ".data");
    const secrets = await loadLocalSecrets(dataDir);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") }).catch((error: unknown) => {
      throw new Error(`Could not start the embedded PostgreSQL (is npm start still running? stop it first): ${String(error)}`);
    });
    Object.assign(process.env, {
      DATABASE_URL: embedded.urlFor("tribedesk"),
      AUTH_SECRET: secrets.AUTH_SECRET,
      CRON_SECRET: secrets.CRON_SECRET,
      ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? secrets.ENCRYPTION_KEY,
    });
  }
  try {
    // The app's data layer reads its configuration when first imported: only now.
    const { rotateStoreApiKeys } = await import("../lib/stores/api-key");
    const { rotateFulfillmentSecrets } = await import("../lib/fulfillment/secret");
    const { retireLegacyFormat } = await import("../lib/crypto/legacy-format");
    const { pgPool } = await import("../lib/db");
    const reports = [
      { what: "TribeMade API keys", report: await rotateStoreApiKeys() },
      { what: "fulfillment signing secrets", report: await rotateFulfillmentSecrets() },
    ];
    // Every secret is bound to its store now: the unbound format is refused from here on.
    const allBound = reports.every(({ report }) => report.failures.length === 0);
    if (allBound) {
      await retireLegacyFormat();
      console.log("Every stored secret is bound to its store: the old unbound format is refused from now on.");
    }
    await pgPool.end();
    let unreadable = 0;
    for (const { what, report } of reports) {
      console.log(
        `Re-encrypted ${report.rotated} of ${report.total} stored ${what} under the current ENCRYPTION_KEY (key id ${report.keyId}).`,
      );
      if (report.failures.length === 0) continue;
      unreadable += report.failures.length;
      console.error(`${report.failures.length} could not be read and were left as they are:`);
      for (const failure of report.failures) console.error(`  store ${failure.storeId}: ${failure.reason}`);
    }
    if (unreadable > 0) {
      console.error(
        "Add the key they were encrypted with to ENCRYPTION_KEYS_PREVIOUS and run this again, or re-enter them in Settings (API key, fulfillment secret).",
      );
      return 1;
    }
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`keys:rotate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
