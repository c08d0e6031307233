// A PrismaPg adapter factory for the WASM schema engine whose shadow database is a scratch
// database on the same server, created on demand and dropped on dispose.
//
// Why not PrismaPg's own connectToShadowDb: given a URL it spreads `database` next to
// `connectionString`, and pg lets the connection string win, so the "shadow" pool would point at
// the main database; it also never closes the pool it used to run CREATE DATABASE. And the engine
// needs the `"char"` fix in engine-pg-adapter.ts to introspect the shadow database at all.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { connectEngineAdapter } from "./engine-pg-adapter";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

export class ScratchShadowPgFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName: string;
  private readonly open = new Set<SqlDriverAdapter>();
  private readonly shadows = new Set<string>();

  constructor(private readonly databaseUrl: string) {
    this.adapterName = new PrismaPg(databaseUrl).adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await connectEngineAdapter(this.databaseUrl));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `tribedesk_shadow_${randomUUID().replaceAll("-", "")}`;
    await runOnServer(this.databaseUrl, `CREATE DATABASE "${name}"`);
    this.shadows.add(name);
    const adapter = await connectEngineAdapter(urlForDatabase(this.databaseUrl, name));
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      await this.dropShadow(name);
    };
    return this.track(adapter);
  }

  /** Closes whatever the engine left open (it does not dispose its main adapter itself). */
  async disposeAll(): Promise<void> {
    const adapters = [...this.open];
    this.open.clear();
    await Promise.all(adapters.map((a) => a.dispose()));
    // The engine swallows errors from dispose(); make sure no shadow database outlives us.
    await Promise.all([...this.shadows].map((name) => this.dropShadow(name)));
  }

  private async dropShadow(name: string): Promise<void> {
    // FORCE: a connection the engine forgot would otherwise block the drop.
    await runOnServer(this.databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    this.shadows.delete(name);
  }

  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    // Dispose at most once, whether the engine or disposeAll gets there first.
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => {
      this.open.delete(adapter);
      disposed ??= dispose();
      return disposed;
    };
    this.open.add(adapter);
    return adapter;
  }
}

function urlForDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function runOnServer(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
