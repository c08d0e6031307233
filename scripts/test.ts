// npm test — every tier in turn: unit, integration (real PostgreSQL + simulator), pooler (the
// same through PgBouncer), end-to-end (Chromium against a production build). Ends with one
// "N passed, N failed" line for CI.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NoBrowserError, ensureBrowser } from "../tests/support/browser";
import { ensurePgbouncer } from "../tests/support/pgbouncer";

const root = path.resolve(__dirname, "..");
const reports = mkdtempSync(path.join(os.tmpdir(), "tribedesk-test-"));
const only = process.argv.slice(2);

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
// Named again after the tally: CI keeps only the end of a long log.
const failures: string[] = [];
let anyTierFailed = false;

function run(tier: string, command: string[], env: Record<string, string> = {}) {
  if (only.length > 0 && !only.includes(tier)) return;
  console.log(`\n── ${tier} ──`);
  const [bin, ...args] = command as [string, ...string[]];
  const result = spawnSync(bin, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) anyTierFailed = true;
}

function readVitest(file: string) {
  try {
    const report = JSON.parse(readFileSync(file, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      testResults: { name: string; assertionResults: { status: string; fullName: string }[] }[];
    };
    for (const file of report.testResults) {
      for (const test of file.assertionResults) {
        if (test.status === "failed") failures.push(`${path.relative(root, file.name)} › ${test.fullName}`);
      }
    }
    total.passed += report.numPassedTests;
    total.failed += report.numFailedTests;
    total.skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    // The tier crashed before reporting; its non-zero exit already failed the run.
  }
}

function readPlaywright(file: string) {
  try {
    const report = JSON.parse(readFileSync(file, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      suites: PlaywrightSuite[];
    };
    collectPlaywrightFailures(report.suites);
    total.passed += report.stats.expected + report.stats.flaky;
    total.failed += report.stats.unexpected;
    total.skipped += report.stats.skipped;
  } catch {
    // as above
  }
}

type PlaywrightSuite = {
  file: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; line: number; tests: { status: string }[] }[];
};

function collectPlaywrightFailures(suites: PlaywrightSuite[]) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      if (spec.tests.some((test) => test.status === "unexpected")) failures.push(`${suite.file}:${spec.line} › ${spec.title}`);
    }
    collectPlaywrightFailures(suite.suites ?? []);
  }
}

// The pooler tier needs PgBouncer; the script installs Debian's package itself when it can.
const wantsPooler = only.length === 0 || only.includes("pooler");
const poolerTier = wantsPooler && ensurePgbouncer((line) => console.log(`\n${line}`)) ? ["pooler"] : [];
if (wantsPooler && poolerTier.length === 0) anyTierFailed = true;

const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
for (const tier of ["unit", "integration", ...poolerTier]) {
  const out = path.join(reports, `${tier}.json`);
  run(tier, [
    process.execPath,
    vitest,
    "run",
    "--project",
    tier,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  readVitest(out);
}

async function e2e() {
  if (only.length > 0 && !only.includes("e2e")) return;
  // A machine without a browser gets one (tests/support/browser.ts), and the log says which.
  const browser = await ensureBrowser({ env: process.env, isRoot: process.getuid?.() === 0, log: console.log }).catch(
    (error: unknown) => {
      console.error(`\n── e2e ──\n${error instanceof NoBrowserError ? error.message : String(error)}`);
      anyTierFailed = true;
      return null;
    },
  );
  if (!browser) return;
  console.log(`e2e browser: ${browser.description}, Chromium ${browser.version}`);
  const playwrightOut = path.join(reports, "e2e.json");
  run(
    "e2e",
    [process.execPath, path.join(root, "node_modules", "@playwright", "test", "cli.js"), "test", "--reporter=list,json"],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightOut,
      ...(browser.executablePath ? { CHROMIUM_PATH: browser.executablePath } : {}),
    },
  );
  readPlaywright(playwrightOut);
}

void e2e().then(() => {
  if (failures.length > 0) console.log(`\nFailed:\n${failures.map((name) => `  ✗ ${name}`).join("\n")}`);
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(anyTierFailed || total.failed > 0 ? 1 : 0);
});
