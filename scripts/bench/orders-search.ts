// The search benchmark (issue 14): 100,000 orders and 130,000 deliveries in one store, plus a second
// store of the same size, then every search kind, a deep cursor page and each filter of the orders
// feed and the deliveries inspector, timed through the real routes as a signed-in merchant.
// Requests go one at a time, round-robin over the cases (so the machine's noise spreads evenly);
// each time is from sending the request to the end of the response body, over loopback.
import pg from "pg";
import { createBenchMerchant, seedBenchStore, signIn } from "./orders-stores";
import { seededOrder } from "./seed-orders";

export type SearchCase = {
  group: "orders" | "deliveries";
  label: string;
  path: string;
  kind: "baseline" | "search" | "filter" | "page";
};
export type CaseResult = SearchCase & { p50: number; p95: number; max: number; rows: number | null };

export type SearchBenchOptions = {
  baseUrl: string;
  databaseUrl: string;
  orders: number;
  /** Deliveries beyond one per order. */
  extraDeliveries: number;
  rounds: number;
  warmupRounds: number;
  log: (line: string) => void;
};

const cursorFor = (receivedAt: Date, id: string) => Buffer.from(`${receivedAt.toISOString()}|${id}`).toString("base64url");

async function deepCursor(databaseUrl: string, table: "Order" | "WebhookDelivery", storeId: string, offset: number) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; receivedAt: Date }>(
      `SELECT id, "receivedAt" FROM "${table}" WHERE "storeId" = $1::uuid ORDER BY "receivedAt" DESC, id DESC OFFSET $2 LIMIT 1`,
      [storeId, offset],
    );
    return rows[0] ? cursorFor(rows[0].receivedAt, rows[0].id) : "";
  } finally {
    await client.end();
  }
}

export function searchCases(orders: number, cursors: { orders: string; deliveries: string }, endpointId: string): SearchCase[] {
  const order = seededOrder(Math.floor(orders * 0.37));
  const phone = order.phoneDigits;
  const q = (value: string) => `?q=${encodeURIComponent(value)}`;
  const o = (label: string, query: string, kind: SearchCase["kind"]): SearchCase => ({
    group: "orders",
    label,
    path: `/api/orders${query}`,
    kind,
  });
  const d = (label: string, query: string, kind: SearchCase["kind"]): SearchCase => ({
    group: "deliveries",
    label,
    path: `/api/deliveries${query}`,
    kind,
  });
  return [
    o("first page", "", "baseline"),
    o("deep cursor page (~80% down)", `?cursor=${cursors.orders}`, "page"),
    o("order id prefix (8 chars)", q(order.tribemadeOrderId.slice(0, 8)), "search"),
    o("whole order id", q(order.tribemadeOrderId), "search"),
    o("email, exact", q(order.customerEmail), "search"),
    o("email, prefix", q(order.customerEmail.slice(0, 9)), "search"),
    o("phone digits", q(phone), "search"),
    o("phone as typed (+91 …)", q(`+91 ${phone.slice(0, 5)} ${phone.slice(5)}`), "search"),
    o("pincode", q(order.customerPincode), "search"),
    o("full name", q(order.customerName), "search"),
    o("part of a name", q(order.customerName.split(" ")[1]?.slice(0, 4) ?? "iyer"), "search"),
    o("a term that matches nothing", q("zzqxwv"), "search"),
    o("a common surname (1 order in 27)", q("Pillai"), "search"),
    o("status: To process", "?status=started", "filter"),
    o("status: Delivered", "?status=delivered", "filter"),
    o("verification: mismatch", "?verification=mismatch", "filter"),
    o("verification: not found", "?verification=not_found", "filter"),
    o("sync failed", "?sync=failed", "filter"),
    o("last 7 days", "?range=7d", "filter"),
    o("an old week (custom dates)", "?from=2026-06-01&to=2026-06-07", "filter"),
    o("status tab counts", "/counts", "filter"),
    o("glance", "/glance", "filter"),
    d("first page", "", "baseline"),
    d("deep cursor page (~80% down)", `?cursor=${cursors.deliveries}`, "page"),
    d("order id prefix", q(order.tribemadeOrderId.slice(0, 8)), "search"),
    d("email, exact", q(order.customerEmail), "search"),
    d("phone digits", q(phone), "search"),
    d("full name", q(order.customerName), "search"),
    d("a term that matches nothing", q("zzqxwv"), "search"),
    d("a common surname (1 order in 27)", q("Pillai"), "search"),
    d("a common part of names (1 order in 8)", q("ish"), "search"),
    d("outcome: rejected", "?outcome=rejected", "filter"),
    d("outcome: duplicate", "?outcome=duplicate", "filter"),
    d("endpoint", `?endpoint=${endpointId}`, "filter"),
    d("last 24 hours", "?range=24h", "filter"),
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timed(baseUrl: string, path: string, cookie: string): Promise<{ ms: number; rows: number | null }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: "application/json" } });
  const body = await response.text();
  const ms = performance.now() - started;
  // The "before" run measures code without the orders routes: those cases have no figure.
  if (response.status === 404 && !path.startsWith("/api/deliveries")) return { ms: Number.NaN, rows: null };
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 200)}`);
  const parsed = JSON.parse(body) as { items?: unknown[] };
  return { ms, rows: Array.isArray(parsed.items) ? parsed.items.length : null };
}

export async function seedSearchStores(
  options: Pick<SearchBenchOptions, "baseUrl" | "databaseUrl" | "orders" | "extraDeliveries" | "log">,
) {
  const { databaseUrl, log } = options;
  const alpha = await createBenchMerchant(databaseUrl, "Alpha");
  const beta = await createBenchMerchant(databaseUrl, "Beta");
  const started = Date.now();
  log(`Seeding ${options.orders} orders and ${options.orders + options.extraDeliveries} deliveries in each of two stores…`);
  await seedBenchStore(databaseUrl, alpha, { orders: options.orders, extraDeliveries: options.extraDeliveries });
  await seedBenchStore(databaseUrl, beta, { orders: options.orders, extraDeliveries: options.extraDeliveries, salt: "b" });
  log(`Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return { alpha, beta };
}

export async function runSearchBench(
  options: SearchBenchOptions & { merchant: Awaited<ReturnType<typeof seedSearchStores>>["alpha"] },
) {
  const { baseUrl, databaseUrl, log, merchant } = options;
  const cookie = await signIn(baseUrl, merchant);
  const cursors = {
    orders: await deepCursor(databaseUrl, "Order", merchant.storeId, Math.floor(options.orders * 0.8)),
    deliveries: await deepCursor(
      databaseUrl,
      "WebhookDelivery",
      merchant.storeId,
      Math.floor((options.orders + options.extraDeliveries) * 0.8),
    ),
  };
  const cases = searchCases(options.orders, cursors, merchant.endpointId);
  const samples = new Map<string, number[]>(cases.map((c) => [c.group + c.label, []]));
  const rows = new Map<string, number | null>();
  for (let round = 0; round < options.warmupRounds + options.rounds; round++) {
    // A different order every round, so no case always runs right after the same neighbour.
    const order = [...cases].sort(() => Math.random() - 0.5);
    for (const item of order) {
      const { ms, rows: count } = await timed(baseUrl, item.path, cookie);
      if (round >= options.warmupRounds && Number.isFinite(ms)) samples.get(item.group + item.label)?.push(ms);
      rows.set(item.group + item.label, count);
    }
    if ((round + 1) % 10 === 0) log(`search: round ${round + 1}/${options.warmupRounds + options.rounds}`);
  }
  return cases.map((item): CaseResult => {
    const sorted = [...(samples.get(item.group + item.label) ?? [])].sort((a, b) => a - b);
    return {
      ...item,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? Number.NaN,
      rows: rows.get(item.group + item.label) ?? null,
    };
  });
}
