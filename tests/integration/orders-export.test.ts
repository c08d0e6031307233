import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

// GET /api/orders/export: 10,000 orders stream out in cursor batches — the response is pulled
// batch by batch, never loaded whole — as a CSV Excel opens cleanly (BOM, CRLF, IST times, amounts
// as numbers, formulas neutralised), of the caller's store and filter only.

const { actAs, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { seedOrders, seededOrder } = await import("@/scripts/bench/seed-orders");
const { db, pgPool } = await import("@/lib/db");
const { EXPORT_BATCH } = await import("@/lib/orders/export");
const exportRoute = await import("@/app/api/orders/export/route");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
const ORDERS = 10_000;
let alpha: Merchant;
let beta: Merchant;

beforeAll(async () => {
  alpha = await createMerchant("Alpha");
  beta = await createMerchant("Beta");
  const client = await pgPool.connect();
  try {
    await seedOrders(client, { storeId: alpha.store.id, endpointId: alpha.endpointId, orders: ORDERS, extraDeliveries: 0 });
    await seedOrders(client, { storeId: beta.store.id, endpointId: beta.endpointId, orders: 50, extraDeliveries: 0, salt: "b" });
  } finally {
    client.release();
  }
}, 120_000);

const download = (query = "") => exportRoute.GET(scopedRequest(`/api/orders/export${query}`));

/** Splits CSV text into records (RFC 4180: quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += char;
    }
  }
  return rows;
}

describe("GET /api/orders/export", () => {
  it("streams every order of the filter once, newest first, as Excel-ready CSV", async () => {
    await actAs(alpha.user, { storeCookie: beta.store.id });
    const response = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(rows[0]).toEqual(expect.arrayContaining(["Order ID", "Placed (IST)", "Amount (INR)", "Phone", "Tracking URL"]));
    const body = rows.slice(1);
    // Seeded orders that TribeMade's API did not know (1 in 503) stay out, as in the feed.
    const hidden = Math.floor(ORDERS / 503);
    expect(body).toHaveLength(ORDERS - hidden);
    const ids = body.map((row) => row[0]);
    expect(new Set(ids).size).toBe(body.length);
    expect(ids[0]).toBe(seededOrder(ORDERS).tribemadeOrderId);
    expect(ids.join()).not.toContain(seededOrder(1, "b").tribemadeOrderId);

    const newest = body[0]!;
    const stored = await db.order.findFirstOrThrow({
      where: { storeId: alpha.store.id, tribemadeOrderId: seededOrder(ORDERS).tribemadeOrderId },
    });
    const ist = new Date(stored.receivedAt.getTime() + 330 * 60_000).toISOString().slice(0, 19).replace("T", " ");
    expect(newest[2]).toBe(ist);
    expect(newest[15]).toBe(stored.amount.toFixed(2));
    // "+91 98…" would be a formula in a spreadsheet; it is text here.
    expect(body.some((row) => row[6]?.startsWith("'+91 "))).toBe(true);
  }, 60_000);

  it("pulls one batch at a time: a download read slowly never holds the whole export", async () => {
    await actAs(alpha.user);
    const response = await download();
    const reader = response.body!.getReader();
    const first = await reader.read();
    const firstRows = new TextDecoder().decode(first.value).split("\r\n").length - 2; // header, trailing ""
    expect(firstRows).toBe(EXPORT_BATCH);

    // Orders deleted now can only be missing from the export if it had not read them yet.
    await db.order.deleteMany({ where: { storeId: alpha.store.id, receivedAt: { lt: new Date(Date.now() - 86_400_000) } } });
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    const later = rest.split("\r\n").filter(Boolean).length;
    // At most the one batch read ahead, plus orders of the last day (which were not deleted).
    const lastDay = await db.order.count({ where: { storeId: alpha.store.id } });
    expect(firstRows + later).toBeLessThanOrEqual(2 * EXPORT_BATCH + lastDay);
    expect(firstRows + later).toBeLessThan(ORDERS / 4);
  }, 60_000);

  it("exports the current filter only", async () => {
    await actAs(alpha.user);
    const rows = parseCsv(
      new TextDecoder().decode(new Uint8Array(await (await download("?status=started")).arrayBuffer()).slice(3)),
    );
    const statuses = new Set(rows.slice(1).map((row) => row[3]));
    expect([...statuses]).toEqual(["started"]);
    const nothing = parseCsv(
      new TextDecoder().decode(new Uint8Array(await (await download("?q=nobody-at-all")).arrayBuffer()).slice(3)),
    );
    expect(nothing).toHaveLength(1);
  });
});
