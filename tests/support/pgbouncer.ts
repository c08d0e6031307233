// A real PgBouncer in transaction mode, for the pooler test tier (docs/database-path.md): the
// pooler Neon's and Supabase's pooled URLs and self-hosted set-ups put in front of PostgreSQL.
// Debian's package is 1.18, which does not keep protocol-level named prepared statements across
// server connections — exactly the failure the app must survive.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/embedded/free-port";

const CANDIDATES = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer", "/opt/homebrew/bin/pgbouncer"];

/** The pgbouncer binary: $PGBOUNCER_PATH, a usual location, or the PATH; null when there is none. */
export function findPgbouncer(): string | null {
  const fromEnv = process.env.PGBOUNCER_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const known = CANDIDATES.find((candidate) => existsSync(candidate));
  if (known) return known;
  const which = spawnSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/**
 * Finds pgbouncer, installing Debian's package when missing and running as root with apt (as CI
 * does). Returns null, having said what to run, when neither works.
 */
export function ensurePgbouncer(log: (line: string) => void = console.log): string | null {
  const found = findPgbouncer();
  if (found) return found;
  const asRoot = process.getuid?.() === 0;
  if (asRoot && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0) {
    log("pgbouncer is missing: installing Debian's package (apt-get install pgbouncer)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "pgbouncer"], {
      stdio: "inherit",
      env,
    });
    // The package starts a system-wide instance on 6432; the tests run their own on a free port.
    spawnSync("sh", ["-c", "systemctl stop pgbouncer 2>/dev/null || service pgbouncer stop 2>/dev/null || true"]);
    if (install.status === 0) return findPgbouncer();
  }
  log(
    "pgbouncer not found: the pooler tier needs it. Install it with `sudo apt-get install pgbouncer` " +
      "(macOS: `brew install pgbouncer`) or set PGBOUNCER_PATH.",
  );
  return null;
}

export type PgbouncerHandle = { port: number; urlFor(database: string): string; stop(): Promise<void> };

/**
 * Starts PgBouncer on a free loopback port in front of `upstream` (a postgres:// URL whose user and
 * password it forwards), with fewer server connections than the app's pool so every client
 * connection is multiplexed over several server connections.
 */
export async function startPgbouncer(options: { upstream: string; poolSize?: number }): Promise<PgbouncerHandle> {
  const binary = findPgbouncer();
  if (!binary) throw new Error("pgbouncer not found (see ensurePgbouncer)");
  const upstream = new URL(options.upstream);
  const user = decodeURIComponent(upstream.username);
  const password = decodeURIComponent(upstream.password);
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), "tribedesk-pgbouncer-"));
  // PgBouncer refuses to run as root; it then drops to the postgres user, who must read the config.
  await chmod(dir, 0o755);
  const ini = path.join(dir, "pgbouncer.ini");
  const users = path.join(dir, "userlist.txt");
  await writeFile(users, `"${user}" "${password}"\n`, { mode: 0o644 });
  await writeFile(
    ini,
    [
      "[databases]",
      `* = host=${upstream.hostname} port=${upstream.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = plain",
      `auth_file = ${users}`,
      "pool_mode = transaction",
      "max_client_conn = 2000",
      `default_pool_size = ${options.poolSize ?? 4}`,
      "max_db_connections = 0",
      "ignore_startup_parameters = extra_float_digits",
      "log_connections = 0",
      "log_disconnections = 0",
      "",
    ].join("\n"),
    { mode: 0o644 },
  );

  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(binary, [...(asRoot ? ["-u", "postgres"] : []), ini], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const killer = setTimeout(() => child.kill("SIGKILL"), 3_000);
        child.once("exit", () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill("SIGINT");
      });
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForPort(port, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  const urlFor = (database: string) => {
    const url = new URL(options.upstream);
    url.port = String(port);
    url.hostname = "127.0.0.1";
    url.pathname = `/${encodeURIComponent(database)}`;
    return url.toString();
  };
  return { port, urlFor, stop };
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const { connect } = await import("node:net");
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}): ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pgbouncer did not listen on ${port} within 10 s: ${stderr()}`);
}
