// The browser the end-to-end tests drive, found or fetched so `npm test` works on a machine that
// never had one: CHROMIUM_PATH, else a system Chromium (Debian's /usr/bin/chromium, or one on
// PATH), else Playwright's own; when none works, Playwright's download (where the network allows),
// else Debian's `chromium` through apt-get (as root), else one message naming the command to run.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

export type BrowserEnv = Record<string, string | undefined>;

export type BrowserChoice = {
  /** Undefined: Playwright's own managed browser. */
  executablePath?: string;
  /** For the log line: what it is and where it came from. */
  description: string;
  version: string;
};

/** The flags every launch uses (docs: Chromium floods a closed network without the last four). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const DEFAULT_SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const PATH_NAMES = ["chromium", "chromium-browser"];
const ROOT = path.resolve(__dirname, "../..");

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A system Chromium, without launching it: CHROMIUM_PATH when set, else the usual Debian paths
 * (TRIBEDESK_SYSTEM_CHROMIUM, comma-separated, replaces them — tests use it to pretend there is
 * none), else `chromium` or `chromium-browser` on PATH.
 */
export function systemChromium(env: BrowserEnv): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  const known = env.TRIBEDESK_SYSTEM_CHROMIUM === undefined ? DEFAULT_SYSTEM_PATHS : env.TRIBEDESK_SYSTEM_CHROMIUM.split(",");
  const candidates = [
    ...known.map((entry) => entry.trim()).filter(Boolean),
    ...(env.PATH ?? "")
      .split(path.delimiter)
      .filter(Boolean)
      .flatMap((dir) => PATH_NAMES.map((name) => path.join(dir, name))),
  ];
  return candidates.find((candidate) => existsSync(candidate) && isExecutable(candidate));
}

/** Launches it once: the only proof a browser works (a file can exist and not run). */
async function tryLaunch(executablePath: string | undefined, env: BrowserEnv): Promise<string | null> {
  const saved = process.env.PLAYWRIGHT_BROWSERS_PATH;
  // Playwright reads where its own browsers live from the process environment.
  if (env.PLAYWRIGHT_BROWSERS_PATH !== undefined) process.env.PLAYWRIGHT_BROWSERS_PATH = env.PLAYWRIGHT_BROWSERS_PATH;
  try {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
    const version = browser.version();
    await browser.close();
    return version;
  } catch {
    return null;
  } finally {
    if (saved === undefined) delete process.env.PLAYWRIGHT_BROWSERS_PATH;
    else process.env.PLAYWRIGHT_BROWSERS_PATH = saved;
  }
}

/** A browser that launches, without installing anything; null when there is none. */
export async function findBrowser(env: BrowserEnv): Promise<BrowserChoice | null> {
  if (env.CHROMIUM_PATH && !existsSync(env.CHROMIUM_PATH)) {
    throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist. Unset it, or point it at a Chromium executable.`);
  }
  const system = systemChromium(env);
  if (system) {
    const version = await tryLaunch(system, env);
    if (version)
      return {
        executablePath: system,
        description: `${env.CHROMIUM_PATH ? "CHROMIUM_PATH" : "system Chromium"} ${system}`,
        version,
      };
    if (env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${system} does not start. Point it at a working Chromium.`);
  }
  const version = await tryLaunch(undefined, env);
  return version ? { description: "Playwright's own Chromium", version } : null;
}

type Step = { ok: boolean; output: string };

function run(command: string, args: string[], env: BrowserEnv, timeoutMs: number): Step {
  const result = spawnSync(command, args, { env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: timeoutMs });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`,
  };
}

function hasCommand(name: string, env: BrowserEnv): boolean {
  return run("sh", ["-c", `command -v ${name}`], env, 5_000).ok;
}

/** Playwright's own headless Chromium, downloaded from its CDN (fails fast without the network). */
function installWithPlaywright(env: BrowserEnv): Step {
  const cli = path.join(ROOT, "node_modules", "@playwright", "test", "cli.js");
  return run(process.execPath, [cli, "install", "--only-shell", "chromium"], env, 5 * 60_000);
}

/** Debian's chromium package, where the executable is the package's own /usr/bin/chromium. */
function installWithApt(callerEnv: BrowserEnv): { step: Step; executablePath?: string } {
  const env = { ...callerEnv, DEBIAN_FRONTEND: "noninteractive" };
  const install = () =>
    run(
      "apt-get",
      // --no-upgrade: an installed chromium is left as it is (other processes may be using it).
      ["install", "-y", "--no-upgrade", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=120", "chromium"],
      env,
      10 * 60_000,
    );
  let step = install();
  if (!step.ok) {
    // A fresh machine may have no package lists yet.
    run("apt-get", ["update", "-o", "DPkg::Lock::Timeout=120"], env, 10 * 60_000);
    step = install();
  }
  if (!step.ok) return { step };
  const files = run("dpkg-query", ["-L", "chromium"], env, 10_000).output.split("\n");
  return { step, executablePath: files.find((file) => /\/bin\/chromium$/.test(file.trim()))?.trim() };
}

export class NoBrowserError extends Error {}

/** The one command a person can run to get a browser, for the message when nothing worked. */
function whatToRun(env: BrowserEnv, isRoot: boolean): string {
  if (!hasCommand("apt-get", env)) return "npx playwright install chromium";
  return isRoot ? "apt-get install -y chromium" : "sudo apt-get install -y chromium";
}

/**
 * A working browser, installing one when there is none. `log` gets one line per step taken;
 * throws NoBrowserError with a one-sentence message when no step worked.
 */
export async function ensureBrowser(options: {
  env: BrowserEnv;
  isRoot: boolean;
  log: (line: string) => void;
}): Promise<BrowserChoice> {
  const { env, log } = options;
  const found = await findBrowser(env);
  if (found) return found;

  log("No browser for the end-to-end tests; trying Playwright's download (npx playwright install --only-shell chromium)…");
  const download = installWithPlaywright(env);
  if (download.ok) {
    const version = await tryLaunch(undefined, env);
    if (version) return { description: "Playwright's own Chromium (just downloaded)", version };
  }
  log("Playwright's download failed (no network to its CDN?).");

  if (options.isRoot && hasCommand("apt-get", env)) {
    log("Installing Debian's chromium with apt-get (running as root)…");
    const apt = installWithApt(env);
    if (apt.executablePath) {
      const version = await tryLaunch(apt.executablePath, env);
      if (version)
        return {
          executablePath: apt.executablePath,
          description: `Debian's chromium ${apt.executablePath} (installed with apt-get)`,
          version,
        };
    }
    log(`apt-get could not install a working chromium:\n${apt.step.output.trim().split("\n").slice(-3).join("\n")}`);
  }
  throw new NoBrowserError(
    `The end-to-end tests need Chromium and none could be installed from here: run \`${whatToRun(env, options.isRoot)}\`, then npm test again.`,
  );
}
