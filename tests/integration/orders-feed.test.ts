import { beforeAll, describe, expect, it, vi } from "vitest";
import { idsPageByPage, readJson } from "@/tests/fixtures/route-json";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// The orders feed's read routes, called the way Next.js calls them, as real signed-in users, over
// orders that arrived through the real webhook route: scoping, filters, every search kind, cursor
// paging, the status counts, the glance and the order page's timeline.

const { actAs, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { orderCreated } = await import("@/tests/fixtures/webhook-payloads");
const { postWebhook, settleAfterTasks } = await import("@/tests/fixtures/webhook-client");
const { db } = await import("@/lib/db");
const listRoute = await import("@/app/api/orders/route");
const countsRoute = await import("@/app/api/orders/counts/route");
const glanceRoute = await import("@/app/api/orders/glance/route");
const detailRoute = await import("@/app/api/orders/[id]/route");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
type Row = { id: string; tribemadeOrderId: string; customerName: string; status: string; amount: string; version: number };
type Page = { items: Row[]; nextCursor: string | null };

const list = async (query = "") => readJson<Page>(await listRoute.GET(scopedRequest(`/api/orders${query}`)));
const names = async (query = "") => (await list(query)).body.items.map((row) => row.customerName);
const counts = async (query = "") =>
  readJson<Record<string, number>>(await countsRoute.GET(scopedRequest(`/api/orders/counts${query}`)));
const glance = async () => readJson<Record<string, unknown>>(await glanceRoute.GET(scopedRequest("/api/orders/glance")));
const detail = async (id: string) =>
  readJson<Record<string, unknown>>(
    await detailRoute.GET(scopedRequest(`/api/orders/${id}`), { params: Promise.resolve({ id }) }),
  );

type Customer = { name: string; email: string; number: string; pincode: string };

async function deliver(merchant: Merchant, customer: Customer, extra: Parameters<typeof orderCreated>[0] = {}) {
  const payload = orderCreated({
    store_id: merchant.store.tribemadeStoreId ?? undefined,
    customer,
    // The Webhooks page's example details.
    order_details: {
      quantity: 2,
      amount: 2048.0,
      variation: "Slim Fit",
      size: "L",
      color: "Navy Blue",
      special_instructions: "Please gift wrap",
      custom_questions: [],
    },
    ...extra,
  });
  const response = await postWebhook(merchant.webhookToken, JSON.stringify(payload));
  await settleAfterTasks();
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  const order = await db.order.findFirstOrThrow({
    where: { storeId: merchant.store.id, tribemadeOrderId: payload.order_id },
    select: { id: true, tribemadeOrderId: true },
  });
  return { ...order, payload };
}

let alpha: Merchant;
let beta: Merchant;
const orders: Record<string, { id: string; tribemadeOrderId: string }> = {};

beforeAll(async () => {
  alpha = await createMerchant("Alpha");
  beta = await createMerchant("Beta");
  const customers: Record<string, Customer> = {
    kavya: { name: "Kavya Iyer", email: "Kavya.Iyer@Example.in", number: "+91 98450 12345", pincode: "560001" },
    rohan: { name: "Rohan Mehta", email: "rohan.mehta@gmail.com", number: "09812312312", pincode: "400053" },
    priya: { name: "Priya Nair", email: "priya_nair@yahoo.co.in", number: "9876500001", pincode: "682001" },
    arjun: { name: "Arjun Singh", email: "arjun%singh@example.in", number: "919900011122", pincode: "110001" },
  };
  for (const [key, customer] of Object.entries(customers)) orders[key] = await deliver(alpha, customer);
  // B has a customer who matches every search A makes.
  orders.beta = await deliver(beta, { ...customers.kavya!, name: "Kavya Iyer (Beta)" });
  // Received one minute apart, oldest first, so "newest first" is deterministic.
  const keys = ["kavya", "rohan", "priya", "arjun"];
  for (const [index, key] of keys.entries()) {
    await db.order.update({ where: { id: orders[key]!.id }, data: { receivedAt: new Date(Date.now() - (4 - index) * 60_000) } });
  }
}, 60_000);

describe("GET /api/orders", () => {
  it("refuses a signed-out caller", async () => {
    await actAs(null);
    expect((await list()).status).toBe(401);
  });

  it("lists the caller's store only, newest first, with what a row shows", async () => {
    await actAs(alpha.user, { storeCookie: beta.store.id });
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.items.map((row) => row.customerName)).toEqual(["Arjun Singh", "Priya Nair", "Rohan Mehta", "Kavya Iyer"]);
    expect(body.items[3]).toMatchObject({
      tribemadeOrderId: orders.kavya!.tribemadeOrderId,
      status: "started",
      verification: "unverified",
      sync: "synced",
      version: 0,
      amount: "2048.00",
      quantity: 2,
      customerPincode: "560001",
    });
    expect(JSON.stringify(body)).not.toContain("Beta");
    expect(body.nextCursor).toBeNull();
  });

  it("finds orders by every search kind, and never another store's", async () => {
    await actAs(alpha.user);
    // Order id: its first 8 characters, more, with and without dashes, or all of it.
    const id = orders.priya!.tribemadeOrderId;
    expect(await names(`?q=${id.slice(0, 8)}`)).toEqual(["Priya Nair"]);
    expect(await names(`?q=${id.slice(0, 13)}`)).toEqual(["Priya Nair"]);
    expect(await names(`?q=${id.replaceAll("-", "").slice(0, 14).toUpperCase()}`)).toEqual(["Priya Nair"]);
    expect(await names(`?q=${id}`)).toEqual(["Priya Nair"]);
    // Email: exact or its start, any case; LIKE's own wildcards are literal.
    expect(await names("?q=kavya.iyer%40example.in")).toEqual(["Kavya Iyer"]);
    expect(await names("?q=KAVYA.I")).toEqual(["Kavya Iyer"]);
    expect(await names("?q=arjun%25")).toEqual(["Arjun Singh"]);
    expect(await names("?q=priya_")).toEqual(["Priya Nair"]);
    expect(await names("?q=rohan_")).toEqual([]);
    // Phone: however it was stored and however it is typed.
    expect(await names("?q=9845012345")).toEqual(["Kavya Iyer"]);
    expect(await names("?q=%2B91%2098450%2012345")).toEqual(["Kavya Iyer"]);
    expect(await names("?q=098123")).toEqual(["Rohan Mehta"]);
    expect(await names("?q=9900011122")).toEqual(["Arjun Singh"]);
    // Pincode.
    expect(await names("?q=400053")).toEqual(["Rohan Mehta"]);
    // Name: any part, any case.
    expect(await names("?q=iyer")).toEqual(["Kavya Iyer"]);
    expect(await names("?q=NAI")).toEqual(["Priya Nair"]);
    expect(await names("?q=rohan%20meh")).toEqual(["Rohan Mehta"]);
    // Nothing, and too short to mean anything.
    expect(await names("?q=nobody")).toEqual([]);
    expect(await names("?q=ro")).toEqual([]);
  });

  it("filters by status, verification (not_found hidden unless asked), sync and date range", async () => {
    await actAs(alpha.user);
    await db.order.update({ where: { id: orders.rohan!.id }, data: { status: "processing" } });
    await db.order.update({ where: { id: orders.priya!.id }, data: { verification: "not_found" } });
    await db.order.update({ where: { id: orders.arjun!.id }, data: { sync: "failed", syncError: "Rate limit exceeded" } });
    try {
      expect(await names("?status=processing")).toEqual(["Rohan Mehta"]);
      expect(await names()).not.toContain("Priya Nair");
      expect(await names("?verification=not_found")).toEqual(["Priya Nair"]);
      expect(await names("?sync=failed")).toEqual(["Arjun Singh"]);
      expect(await names("?status=started&sync=failed")).toEqual(["Arjun Singh"]);

      // 23:50 IST yesterday and 00:10 IST today are different days in India (and the same in UTC).
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
      const midnight = new Date(`${today}T00:00:00+05:30`).getTime();
      await db.order.update({ where: { id: orders.kavya!.id }, data: { receivedAt: new Date(midnight - 10 * 60_000) } });
      await db.order.update({ where: { id: orders.rohan!.id }, data: { receivedAt: new Date(midnight + 10 * 60_000) } });
      expect(await names("?range=yesterday")).toEqual(["Kavya Iyer"]);
      expect(await names(`?from=${today}&to=${today}`)).not.toContain("Kavya Iyer");
      expect(await names("?range=today")).toContain("Rohan Mehta");
      expect(await names("?range=7d")).toEqual(expect.arrayContaining(["Kavya Iyer", "Rohan Mehta"]));
    } finally {
      await db.order.updateMany({
        where: { storeId: alpha.store.id },
        data: { status: "started", verification: "unverified", sync: "synced", syncError: null },
      });
      const keys = ["kavya", "rohan", "priya", "arjun"];
      for (const [index, key] of keys.entries()) {
        await db.order.update({
          where: { id: orders[key]!.id },
          data: { receivedAt: new Date(Date.now() - (4 - index) * 60_000) },
        });
      }
    }
  });

  it("pages with a cursor: every row once, in order, even when receivedAt ties", async () => {
    await actAs(alpha.user);
    const tie = new Date(Date.now() - 30_000);
    await db.order.updateMany({ where: { id: { in: [orders.rohan!.id, orders.priya!.id] } }, data: { receivedAt: tie } });
    const seen = await idsPageByPage(list);
    expect(seen).toHaveLength(4);
    expect(seen).toEqual((await list()).body.items.map((row) => row.id));
  });

  it("answers 400 for a bad query", async () => {
    await actAs(alpha.user);
    expect((await list("?status=lost")).status).toBe(400);
    expect((await list("?cursor=not-a-cursor")).status).toBe(400);
    expect((await list("?from=yesterday")).status).toBe(400);
    expect((await list("?limit=1000")).status).toBe(400);
  });
});

describe("GET /api/orders/counts and /glance", () => {
  it("counts open statuses under the other filters, for the caller's store", async () => {
    await actAs(alpha.user, { storeCookie: beta.store.id });
    await db.order.update({ where: { id: orders.rohan!.id }, data: { status: "dispatched" } });
    try {
      expect((await counts()).body).toEqual({ started: 3, processing: 0, dispatched: 1 });
      expect((await counts("?status=started")).body).toEqual({ started: 3, processing: 0, dispatched: 1 });
      expect((await counts("?q=kavya")).body).toEqual({ started: 1, processing: 0, dispatched: 0 });
    } finally {
      await db.order.update({ where: { id: orders.rohan!.id }, data: { status: "started" } });
    }
  });

  it("sums today (IST) and the work waiting", async () => {
    await actAs(alpha.user);
    const old = new Date(Date.now() - 3 * 86_400_000);
    await db.order.update({ where: { id: orders.kavya!.id }, data: { receivedAt: old } });
    await db.order.update({ where: { id: orders.arjun!.id }, data: { sync: "failed" } });
    await db.outboxMessage.updateMany({ where: { storeId: alpha.store.id }, data: { status: "dead" } });
    try {
      const { body } = await glance();
      const todayCount = await db.order.count({
        where: { storeId: alpha.store.id, receivedAt: { gte: new Date(`${istToday()}T00:00:00+05:30`) } },
      });
      expect(body).toEqual({
        today: { orders: todayCount, revenue: (2048 * todayCount).toFixed(2) },
        toProcess: 4,
        overdue: 1,
        failedSyncs: 1,
        deadMessages: 4,
      });
    } finally {
      await db.order.update({ where: { id: orders.arjun!.id }, data: { sync: "synced" } });
      await db.order.update({ where: { id: orders.kavya!.id }, data: { receivedAt: new Date(Date.now() - 4 * 60_000) } });
      await db.outboxMessage.updateMany({ where: { storeId: alpha.store.id }, data: { status: "pending" } });
    }
  });
});

const istToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());

describe("GET /api/orders/[id]", () => {
  it("returns the order with its details and one timeline: deliveries, events, in order", async () => {
    await actAs(alpha.user);
    const again = await postWebhook(alpha.webhookToken, JSON.stringify(await payloadOf(orders.kavya!.id)));
    await settleAfterTasks();
    expect(again.body).toMatchObject({ status: "duplicate" });
    await db.orderEvent.create({
      data: {
        storeId: alpha.store.id,
        orderId: orders.kavya!.id,
        type: "status_requested",
        actor: "Alpha Owner",
        actorUserId: alpha.user.id,
        data: { from: "started", to: "processing", version: 1 },
      },
    });

    const { status, body } = await detail(orders.kavya!.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      customerName: "Kavya Iyer",
      customerEmail: "Kavya.Iyer@Example.in",
      customerPhone: "+91 98450 12345",
      variation: "Slim Fit",
      size: "L",
      color: "Navy Blue",
      specialInstructions: "Please gift wrap",
      tribemadeAddress: null,
    });
    const timeline = body.timeline as Array<{ kind: string; type?: string; delivery?: { outcome: string } | null }>;
    expect(timeline.map((entry) => [entry.kind, entry.type, entry.delivery?.outcome])).toEqual([
      ["event", "received", "accepted"],
      ["event", "duplicate_received", "duplicate"],
      ["event", "status_requested", undefined],
    ]);
  });

  it("answers 404 for another store's order and 400 for a malformed id", async () => {
    await actAs(alpha.user, { storeCookie: beta.store.id });
    const other = await detail(orders.beta!.id);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain("Beta");
    expect((await detail("not-an-id")).status).toBe(400);
  });
});

const payloadOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { payload: true } })).payload;
