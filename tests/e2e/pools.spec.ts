import { get, type ClientRequest } from "node:http";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { placeOrder, signIn } from "./support/demo-merchant";

// One set of pools per process in production (issue 27): the production server (scripts/serve.ts)
// runs the webhook receiver from the instrumentation bundle and the routes from theirs, and each
// once made its own pools. Under load — live feeds open, webhooks arriving, the feed read — the
// connections each app process holds (pg_stat_activity, named `tribedesk <pid>` by lib/db.ts) stay
// within the main pool + the ingest pool + the LISTEN connection.

const appEnv = JSON.parse(process.env.E2E_APP_ENV ?? "{}") as Record<string, string>;
const POOL_MAX = Number(appEnv.DATABASE_POOL_MAX ?? 10);
const INGEST_POOL_MAX = 3;
const BUDGET = POOL_MAX + INGEST_POOL_MAX + 1;

/** An open live feed: resolves once the stream said `ready`. */
function openStream(url: string, cookie: string): Promise<ClientRequest> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { cookie, accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`the stream answered ${response.statusCode}`));
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        if (chunk.includes("event: ready")) resolve(request);
      });
    });
    request.on("error", reject);
  });
}

test("the app process holds at most pool + ingest + listener connections under load", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const client = new pg.Client(appEnv.DATABASE_URL);
  await client.connect();
  const held = new Map<string, number>();
  const sample = async () => {
    const { rows } = await client.query<{ name: string; n: number }>(
      `SELECT application_name AS name, count(*)::int AS n FROM pg_stat_activity
        WHERE application_name LIKE 'tribedesk %' GROUP BY application_name`,
    );
    for (const row of rows) held.set(row.name, Math.max(held.get(row.name) ?? 0, row.n));
  };
  const streams: ClientRequest[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  try {
    // Streams from here, not the page: a browser opens at most six connections to one host.
    const origin = new URL(page.url()).origin;
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
    streams.push(
      ...(await Promise.all(Array.from({ length: 10 }, () => openStream(`${origin}/api/orders/stream?for=60`, cookie)))),
    );
    // Webhooks (through the receiver), feed reads and counts (through the routes), all at once.
    await Promise.all([
      ...Array.from({ length: 30 }, () => placeOrder(page.request)),
      ...Array.from({ length: 60 }, (_, index) =>
        page.request
          .get(index % 2 ? "/api/orders" : "/api/orders/counts")
          .then((response) => expect(response.status()).toBe(200)),
      ),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  } finally {
    for (const stream of streams) stream.destroy();
    sampling = false;
    await sampler;
    await client.end();
  }
  const summary = JSON.stringify(Object.fromEntries(held));
  // The app server is one process; the simulator and the test runner hold none of these names.
  expect(held.size, summary).toBeGreaterThanOrEqual(1);
  const most = Math.max(...held.values());
  console.log(`connections held per app process (max): ${summary}; budget ${BUDGET}`);
  expect(most, summary).toBeGreaterThan(POOL_MAX / 2);
  expect(most, summary).toBeLessThanOrEqual(BUDGET);
});
