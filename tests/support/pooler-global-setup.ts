// The pooler tier: the same real PostgreSQL as the integration tier, reached by the app through
// PgBouncer in transaction mode (pgbouncer.ts). integration-setup.ts then points DATABASE_URL at
// the pooler and DATABASE_URL_UNPOOLED at the server, as on Neon or Supabase.
import type { TestProject } from "vitest/node";
import { startTestPostgres, TEMPLATE_DATABASE } from "./global-setup";
import { startPgbouncer } from "./pgbouncer";

declare module "vitest" {
  export interface ProvidedContext {
    /** PgBouncer's URL for the default database; absent outside the pooler tier. */
    pgPoolerUrl?: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  const pooler = await startPgbouncer({ upstream: server.url }).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  project.provide("pgServerUrl", server.url);
  project.provide("pgTemplate", TEMPLATE_DATABASE);
  project.provide("pgPoolerUrl", pooler.urlFor("postgres"));
  return async () => {
    await pooler.stop();
    await server.stop();
  };
}
