import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, systemChromium } from "./tests/support/browser";

// End-to-end tests run against a production build on the embedded default (real PostgreSQL,
// the TribeMade simulator), started once by tests/e2e/support/global-setup.ts.
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/support/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A budget, not a wait: on a shared 2-core machine a sign-in alone took 20 s (load 20+), and a test
  // that places an order may wait up to WEBHOOK_ACK_DEADLINE_MS for its webhook's ack.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // npm test finds (or installs) a browser first and passes it as CHROMIUM_PATH; run directly,
    // a system Chromium is used when there is one, else Playwright's own.
    launchOptions: { executablePath: systemChromium(process.env), args: CHROMIUM_ARGS },
  },
});
