// Tenant isolation for pages (server components), the part tests/integration/tenant-isolation.test.ts
// cannot reach: merchant A, signed in with the store-switcher cookie pointing at B's store, fetches
// the rendered HTML of every dashboard page (found on disk), dynamic segments filled with B's ids.
// None of B's identifying strings may appear: not in the markup, not in the serialized props that
// travel with it to client components.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { appPages, concretePath } from "./support/app-pages";

type Seeded = { cookie: string; aStoreName: string; bStoreId: string; params: Record<string, string>; canaries: string[] };

const root = path.resolve(__dirname, "../..");

function seedTenants(): Seeded {
  const appEnv = JSON.parse(process.env.E2E_APP_ENV ?? "{}") as Record<string, string>;
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "tests/e2e/support/seed-tenants.ts"],
    { cwd: root, encoding: "utf8", env: { ...process.env, ...appEnv, NODE_OPTIONS: "" }, timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`seeding the two merchants failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "") as Seeded;
}

test("no dashboard page shows merchant A anything of merchant B's", async ({ request }) => {
  test.setTimeout(180_000);
  const seeded = seedTenants();
  const cookie = `next-auth.session-token=${seeded.cookie}; tribedesk-store=${seeded.bStoreId}`;
  const pages = appPages().filter((page) => page.dashboard);
  expect(pages.length).toBeGreaterThan(5);

  for (const { pattern } of pages) {
    const url = concretePath(pattern, seeded.params);
    const response = await request.get(url, { headers: { cookie }, maxRedirects: 0 });
    const html = await response.text();
    // A's own page, or a not-found for B's ids; never a sign-in redirect (the session is valid).
    expect([200, 404], `${url} answered ${response.status()}`).toContain(response.status());
    // An id A typed into the URL may be echoed back; anything else of B's may not.
    for (const canary of seeded.canaries.filter((value) => !url.includes(value))) {
      expect(html.includes(canary), `${url} shows B's ${JSON.stringify(canary)}`).toBe(false);
    }
    // The page rendered for A: A's store is the one in the shell (B's cookie was ignored).
    if (response.status() === 200 && pattern !== "/onboarding") expect(html, url).toContain(seeded.aStoreName);
  }
});
