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
  timeout: 60_000,
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
