// Builds (when stale) and runs the Next.js app as a child process, for the start script,
// the end-to-end tests and the benchmarks.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DEFAULT_HOSTNAME } from "./bind-address";

/** Environment for a child process (looser than NodeJS.ProcessEnv, whose NODE_ENV is required). */
export type ChildEnv = Record<string, string | undefined>;

const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "postcss.config.mjs", "proxy.ts", "instrumentation-client.ts"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when there is no production build or a source file changed since it was made. */
export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((entry) => newestMtime(path.join(root, entry)) > builtAt);
}

// Our scripts run under tsx, which may hook Node through NODE_OPTIONS; Next.js must start clean.
export function childEnv(env: ChildEnv): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...rest } = env;
  // Next's types make NODE_ENV required on ProcessEnv; a child may well start without it.
  return rest as NodeJS.ProcessEnv;
}

export function buildApp(root: string, env: ChildEnv): void {
  const result = spawnSync(process.execPath, [nextBin(root), "build"], { cwd: root, env: childEnv(env), stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

function nextBin(root: string): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

/**
 * `next dev`, or the production server (scripts/serve.ts: `next start`'s handler behind the webhook
 * gate), on hostname:port. The hostname is 127.0.0.1 unless the caller passes one (`npm start`
 * passes HOSTNAME): tests and benchmarks must not follow a HOSTNAME a container happens to export.
 */
export function startNext(options: {
  root: string;
  dev: boolean;
  port: number;
  env: ChildEnv;
  hostname?: string;
  stdio?: "inherit" | "ignore" | "pipe";
}): ChildProcess {
  const { root, port, hostname = DEFAULT_HOSTNAME } = options;
  const spawnOptions = { cwd: root, stdio: options.stdio ?? "inherit" } as const;
  if (options.dev) {
    const args = [nextBin(root), "dev", "-p", String(port), "-H", hostname];
    return spawn(process.execPath, args, { ...spawnOptions, env: childEnv(options.env) });
  }
  const env = childEnv({ ...options.env, NODE_ENV: "production", PORT: String(port), HOSTNAME: hostname });
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts")], { ...spawnOptions, env });
}

/** Polls /api/health until the app answers (the database may still be coming up). */
export async function waitForHealthy(baseUrl: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl} did not become healthy within ${timeoutMs / 1000} s`);
}
