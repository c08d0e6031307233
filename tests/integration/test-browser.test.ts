// npm test on a machine without a browser: scripts/test-browser.ts (the step scripts/test.ts runs
// before the end-to-end tier) run for real with the browser hidden in different ways. The machine's
// own chromium is never removed (others use it): TRIBEDESK_SYSTEM_CHROMIUM="" hides the Debian
// paths, PATH is cut down to directories without one, and Playwright's browser directory points at
// an empty folder. Playwright's download really runs and fails here (no network to its CDN); apt-get
// really runs (a no-op when chromium is installed, --no-upgrade).
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();
const work = mkdtempSync(path.join(os.tmpdir(), "tribedesk-browser-test-"));
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const isRoot = process.getuid?.() === 0;
const hasSystemChromium = existsSync("/usr/bin/chromium");

/** A directory holding only the named tools, as symlinks: a PATH without any chromium. */
function binDir(name: string, tools: Record<string, string>): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [link, target] of Object.entries(tools)) symlinkSync(target, path.join(dir, link));
  return dir;
}

/** An empty, world-writable folder for Playwright's own browsers: "never downloaded". */
function emptyBrowsersDir(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  return dir;
}

const TOOLS = { sh: "/bin/sh", "apt-get": "/usr/bin/apt-get", dpkg: "/usr/bin/dpkg", "dpkg-query": "/usr/bin/dpkg-query" };

function runStep(env: Record<string, string>, asUser?: string): Promise<{ code: number; out: string }> {
  const command = [process.execPath, path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/test-browser.ts"];
  const [bin, ...args] = asUser
    ? ["runuser", "-u", asUser, "--", "env", ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...command]
    : command;
  return new Promise((resolve) => {
    const childEnv = (asUser ? { PATH: process.env.PATH } : env) as NodeJS.ProcessEnv;
    const child = spawn(bin!, args, { cwd: ROOT, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", (code: number | null) => resolve({ code: code ?? 1, out }));
  });
}

const base = () => ({ HOME: work });

// Each case starts Node, tsx and Playwright, and some a browser: slow on a busy machine.
describe.runIf(hasSystemChromium).concurrent("the test script's browser step", { timeout: 240_000 }, () => {
  it("uses CHROMIUM_PATH when given, and says so", async () => {
    const { code, out } = await runStep({ ...base(), PATH: process.env.PATH ?? "", CHROMIUM_PATH: "/usr/bin/chromium" });
    expect(code, out).toBe(0);
    expect(out).toMatch(/^e2e browser: CHROMIUM_PATH \/usr\/bin\/chromium, Chromium \d+/m);
  });

  it("refuses a CHROMIUM_PATH that does not exist, naming it", async () => {
    const { code, out } = await runStep({ ...base(), PATH: process.env.PATH ?? "", CHROMIUM_PATH: "/nonexistent/chromium" });
    expect(code).toBe(1);
    expect(out).toContain("CHROMIUM_PATH=/nonexistent/chromium does not exist");
  });

  it("finds a chromium on PATH when the Debian path is missing", async () => {
    const bin = binDir("path-with-chromium", { ...TOOLS, chromium: "/usr/bin/chromium" });
    const { code, out } = await runStep({ ...base(), PATH: bin, TRIBEDESK_SYSTEM_CHROMIUM: "" });
    expect(code, out).toBe(0);
    expect(out).toContain(`e2e browser: system Chromium ${bin}/chromium`);
  });

  it.runIf(isRoot)(
    "with no browser anywhere, as root: tries Playwright's download, then installs Debian's chromium with apt-get",
    async () => {
      const { code, out } = await runStep({
        ...base(),
        PATH: `${binDir("root-no-chromium", TOOLS)}:/usr/sbin:/sbin`,
        TRIBEDESK_SYSTEM_CHROMIUM: "",
        PLAYWRIGHT_BROWSERS_PATH: emptyBrowsersDir("root-browsers"),
      });
      expect(code, out).toBe(0);
      expect(out).toContain("trying Playwright's download");
      expect(out).toContain("Playwright's download failed");
      expect(out).toContain("Installing Debian's chromium with apt-get");
      expect(out).toMatch(/^e2e browser: Debian's chromium \/usr\/bin\/chromium \(installed with apt-get\), Chromium \d+/m);
      expect(out).toContain("CHROMIUM_PATH=/usr/bin/chromium");
    },
    240_000,
  );

  it.runIf(isRoot)(
    "with no browser anywhere, not root: one sentence naming the command to run",
    async () => {
      const { code, out } = await runStep(
        {
          ...base(),
          PATH: binDir("user-no-chromium", TOOLS),
          TRIBEDESK_SYSTEM_CHROMIUM: "",
          PLAYWRIGHT_BROWSERS_PATH: emptyBrowsersDir("user-browsers"),
        },
        "nobody",
      );
      expect(code, out).toBe(1);
      expect(out).not.toContain("Installing Debian's chromium");
      expect(out.trim().split("\n").at(-1)).toBe(
        "The end-to-end tests need Chromium and none could be installed from here: run `sudo apt-get install -y chromium`, then npm test again.",
      );
    },
    240_000,
  );
});
