// Tenant isolation (docs/architecture.md "Security"): merchant A, signed in, calls every route handler and
// every server action that exists, aimed at merchant B's ids (and with the store-switcher cookie
// pointing at B's store). Nothing of B's may change and nothing of B's may come back. Signed-out
// calls get 401 or a redirect to /login.
//
// Routes (app/**/route.ts) and actions (exports of lib/**/actions.ts) are discovered from the file
// system. A new one fails "is in the table" below until it gets a row in ROUTES or ACTIONS saying
// how to aim it at B — that row is all a new route or action needs; the checks are generic.
import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// Nothing here should reach TribeMade; a closed port fails fast instead of waiting on DNS.
process.env.TRIBEMADE_API_BASE_URL = "http://127.0.0.1:9";

const { actAs, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant, fakeApiKey } = await import("@/tests/fixtures/auth-merchants");
const { orderCreated } = await import("@/tests/fixtures/webhook-payloads");
const { postWebhook, settleAfterTasks } = await import("@/tests/fixtures/webhook-client");
const { newUrlToken, sha256Hex } = await import("@/lib/crypto/tokens");
const { db } = await import("@/lib/db");
const { fetchOrderRow, refreshOrderRow } = await import("@/lib/orders/outbox/messages");
const { changeOrderStatus } = await import("@/lib/orders/mutations");
const { requestProductEdits } = await import("@/lib/products/mutations");
const { joinCustomers } = await import("@/lib/customers/join");

const ROOT = process.cwd();

// ---------------------------------------------------------------------------------------------
// The two merchants

const merchantA = () => createMerchant("Alpha");

/** B with something in every table: staff, an invite, an order with its delivery, events and outbox row. */
async function merchantB() {
  const b = await createMerchant("Beta");
  const staff = await addMember(b.store.id, "staff", { name: "Beta Staffer" });
  const invite = await db.invite.create({
    data: {
      storeId: b.store.id,
      tokenHash: sha256Hex(newUrlToken()),
      role: "staff",
      createdById: b.user.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });
  const payload = orderCreated({
    store_id: b.store.tribemadeStoreId ?? undefined,
    customer: {
      name: "Zoya Betacustomer",
      email: "zoya.beta@example.in",
      number: "9900112233",
      full_address: "7 Beta Lane, Pune",
      pincode: "411001",
    },
  });
  const delivered = await postWebhook(b.webhookToken, JSON.stringify(payload));
  if (delivered.status !== 200) throw new Error(`B's webhook was not accepted: ${JSON.stringify(delivered.body)}`);
  await settleAfterTasks();
  const order = await db.order.findFirstOrThrow({ where: { storeId: b.store.id }, select: { id: true, tribemadeOrderId: true } });
  // A status change still inside its undo window (a pending push_status), for undo/retry aimed at B.
  await changeOrderStatus(
    { user: b.user, store: b.store, role: "owner" },
    { orderId: order.id, version: 0, status: "processing", trackingUrl: null },
  );
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { storeId: b.store.id }, select: { id: true } });
  // Refused deliveries of B's endpoint (the metrics tab and the banner count them).
  await db.webhookRefusal.create({
    data: { endpointId: b.endpointId, storeId: b.store.id, minute: new Date(Math.floor(Date.now() / 60_000) * 60_000), count: 7 },
  });
  // A product with stock and an edit still inside its undo window, for product actions aimed at B.
  const product = await db.product.create({
    data: { storeId: b.store.id, tribemadeProductId: "beta-product-canary", name: "Betasecret Kurta", stock: 0, isActive: true },
    select: { id: true, name: true },
  });
  const [productEdit] = await requestProductEdits({ user: b.user, store: b.store, role: "owner" }, [product.id], {
    currentPrice: 999,
  });
  // What B's secrets look like at rest: neither may come back either.
  const stored = await db.store.findUniqueOrThrow({ where: { id: b.store.id }, select: { apiKeyCiphertext: true } });
  // A dead letter for A to aim retries and discards at, and due work an unscoped drain would take.
  const dead = await db.outboxMessage.findFirstOrThrow({
    where: { storeId: b.store.id, kind: "verify_order" },
    select: { id: true },
  });
  await db.outboxMessage.update({ where: { id: dead.id }, data: { status: "dead", lastError: "B's failure" } });
  // An "Add missing orders" submission of B's, for A to read the progress of.
  const missingRequestId = "00000000-0000-4000-8000-00000000b20b";
  await db.outboxMessage.createMany({
    data: [
      refreshOrderRow(b.store.id, { orderId: order.id, tribemadeOrderId: order.tribemadeOrderId }, "isolation"),
      fetchOrderRow(b.store.id, {
        tribemadeOrderId: order.tribemadeOrderId,
        addedBy: { userId: b.user.id, name: b.user.name },
        requestId: missingRequestId,
      }),
    ],
  });
  // B's customer, a tag on the order and on the customer, a note on each.
  await joinCustomers(b.store.id);
  const customer = await db.customer.findFirstOrThrow({ where: { storeId: b.store.id }, select: { id: true } });
  const tag = await db.tag.create({ data: { storeId: b.store.id, name: "Beta VIP tag", color: "red" }, select: { id: true } });
  await db.orderTag.create({ data: { storeId: b.store.id, orderId: order.id, tagId: tag.id } });
  await db.customerTag.create({ data: { storeId: b.store.id, customerId: customer.id, tagId: tag.id } });
  const note = await db.note.create({
    data: {
      storeId: b.store.id,
      orderId: order.id,
      authorId: b.user.id,
      authorName: b.user.name,
      body: "Beta's private order note",
    },
    select: { id: true },
  });
  const customerNote = await db.note.create({
    data: {
      storeId: b.store.id,
      customerId: customer.id,
      authorId: b.user.id,
      authorName: b.user.name,
      body: "Beta's private customer note",
    },
    select: { id: true },
  });
  // B's phone, for removals and tests aimed at it.
  const device = await db.pushSubscription.create({
    data: {
      storeId: b.store.id,
      userId: b.user.id,
      endpoint: "https://fcm.googleapis.com/fcm/send/beta-device",
      p256dh: PUSH_KEY,
      auth: "YmV0YS1hdXRoLXNlY3JldA",
      label: "Chrome on Android",
    },
    select: { id: true },
  });
  // B's own wording of a WhatsApp message, for saves and resets aimed at it.
  await db.whatsappTemplate.create({
    data: { storeId: b.store.id, kind: "confirmed", language: "en", body: WHATSAPP_CANARY },
  });
  return {
    ...b,
    apiKeyCiphertext: stored.apiKeyCiphertext ?? "",
    tokenHash: sha256Hex(b.webhookToken),
    staff,
    inviteId: invite.id,
    orderId: order.id,
    tribemadeOrderId: order.tribemadeOrderId,
    deliveryId: delivery.id,
    deadMessageId: dead.id.toString(),
    missingRequestId,
    customer: payload.customer,
    productId: product.id,
    productName: product.name,
    productEventId: productEdit!.requestEventId,
    customerId: customer.id,
    tagId: tag.id,
    noteId: note.id,
    customerNoteId: customerNote.id,
    subscriptionId: device.id,
  };
}

const WHATSAPP_CANARY = "Betasecret wording for {customer}";

/** A P-256 public key as a browser hands it over (65 bytes, base64url). */
const PUSH_KEY = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 9)]).toString("base64url");

type Ctx = { a: Awaited<ReturnType<typeof merchantA>>; b: Awaited<ReturnType<typeof merchantB>> };
let ctx: Ctx;

/** Strings that must never appear in anything A gets back. */
function canaries({ b }: Ctx): string[] {
  return [
    b.store.id,
    b.store.name,
    b.store.tribemadeStoreId ?? "",
    b.user.email,
    b.user.name,
    b.staff.user.email,
    b.staff.user.name,
    b.apiKey,
    b.apiKeyCiphertext,
    b.webhookToken,
    b.tokenHash,
    b.inviteId,
    b.orderId,
    b.tribemadeOrderId,
    b.deliveryId,
    b.endpointId,
    b.membershipId,
    b.staff.membershipId,
    b.customer.name,
    b.customer.email,
    b.customer.number,
    b.productId,
    b.productName,
    b.customerId,
    b.tagId,
    "Beta VIP tag",
    b.noteId,
    b.customerNoteId,
    "Beta's private order note",
    "Beta's private customer note",
    b.subscriptionId,
    WHATSAPP_CANARY,
  ].filter((value) => value.length > 0);
}

/**
 * Every row of B's: each table with a storeId column, B's store row and B's users. `except`: tables
 * a call may legitimately add to (a delivery POSTed with B's own token is B's delivery).
 */
async function snapshotB({ b }: Ctx, except: readonly string[] = []): Promise<string> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'storeId' ORDER BY table_name`;
  const out: Record<string, unknown> = {};
  for (const { table_name: table } of tables) {
    if (except.includes(table)) continue;
    // Table names come from the catalog, not from input.
    out[table] = await db.$queryRawUnsafe(`SELECT * FROM "${table}" WHERE "storeId" = $1::uuid ORDER BY 1`, b.store.id);
  }
  out.Store = await db.$queryRawUnsafe(`SELECT * FROM "Store" WHERE id = $1::uuid`, b.store.id);
  out.User = await db.$queryRawUnsafe(`SELECT * FROM "User" WHERE id = ANY($1::uuid[]) ORDER BY id`, [
    b.user.id,
    b.staff.user.id,
  ]);
  return JSON.stringify(out, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

function expectNoCanary(output: string, where: string) {
  for (const canary of canaries(ctx)) {
    if (output.includes(canary))
      throw new Error(`${where} returned B's data (${JSON.stringify(canary)}):\n${output.slice(0, 2000)}`);
  }
}

function serialize(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) => (typeof entry === "bigint" ? entry.toString() : entry)) ?? String(value);
}

// ---------------------------------------------------------------------------------------------
// Discovery

function walk(dir: string, match: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(full, match));
    else if (match(entry.name)) found.push(path.relative(ROOT, full).split(path.sep).join("/"));
  }
  return found.sort();
}

const ROUTE_FILES = walk(path.join(ROOT, "app"), (name) => /^route\.(ts|tsx|js)$/.test(name));
const ACTION_FILES = walk(path.join(ROOT, "lib"), (name) => /^actions\.(ts|tsx)$/.test(name));
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof HTTP_METHODS)[number];

/** "app/api/webhooks/tribemade/[token]/route.ts" → "/api/webhooks/tribemade/[token]" (route groups dropped). */
function routePattern(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function concretePath(pattern: string, params: Record<string, string | string[]>): string {
  return pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_match, _rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${pattern}`);
    return Array.isArray(value) ? value.map(encodeURIComponent).join("/") : encodeURIComponent(value);
  });
}

// ---------------------------------------------------------------------------------------------
// The tables. Add a row for every new route and action.

type RouteCall = {
  /**
   * Tables of B's this call may add to: only for a call that holds B's own webhook token, which
   * records a delivery in B's store whoever sends it. Everything else of B's must stay unchanged.
   */
  writesToB?: readonly string[];
  method: Method;
  params?: Record<string, string | string[]>;
  query?: string;
  body?: string;
  headers?: Record<string, string>;
};
type RouteCase = {
  /**
   * session: a signed-in member's route — signed out it must answer 401 or redirect to /login.
   * cron: needs CRON_SECRET — a merchant's session must not be enough (401).
   * token: authenticated by a secret in the URL (webhooks); a session changes nothing.
   * public: no store data at all (health, next-auth's own endpoints).
   */
  access: "session" | "cron" | "token" | "public";
  /** Calls made as A (signed in, store cookie set to B's store), aimed at B's ids. */
  calls: (ctx: Ctx) => RouteCall[];
};

const ROUTES: Record<string, RouteCase> = {
  "/api/health": { access: "public", calls: () => [{ method: "GET" }] },
  "/api/auth/[...nextauth]": {
    access: "public",
    calls: ({ b }) => [
      { method: "GET", params: { nextauth: ["session"] } },
      { method: "GET", params: { nextauth: ["csrf"] } },
      { method: "GET", params: { nextauth: ["providers"] } },
      {
        method: "POST",
        params: { nextauth: ["callback", "credentials"] },
        body: new URLSearchParams({ email: b.user.email, password: "guess", json: "true" }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      },
    ],
  },
  "/api/bench/baseline": {
    access: "public",
    calls: ({ b }) => [
      {
        method: "POST",
        body: JSON.stringify({ order_id: "x" }),
        headers: { "content-type": "application/json", cookie: `store=${b.store.id}` },
      },
    ],
  },
  "/api/bench/baseline/[token]": {
    access: "public",
    calls: ({ b }) => [
      {
        method: "POST",
        params: { token: "x" },
        body: JSON.stringify({ order_id: "x" }),
        headers: { "content-type": "application/json", cookie: `store=${b.store.id}` },
      },
    ],
  },
  "/api/cron/outbox": {
    access: "cron",
    calls: () => [{ method: "GET" }, { method: "GET", headers: { authorization: "Bearer not-the-cron-secret-at-all" } }],
  },
  "/api/outbox": { access: "session", calls: () => [{ method: "GET" }] },
  "/api/outbox/status": { access: "session", calls: () => [{ method: "GET" }] },
  "/api/bench/trace": {
    access: "public",
    calls: ({ b }) => [{ method: "POST", headers: { cookie: `store=${b.store.id}` } }],
  },
  "/api/bench/memory": {
    access: "public",
    calls: ({ b }) => [{ method: "POST", headers: { cookie: `store=${b.store.id}` } }],
  },
  "/api/deliveries": {
    access: "session",
    calls: ({ b }) => [{ method: "GET" }, { method: "GET", query: `?endpoint=${b.endpointId}&outcome=accepted` }],
  },
  // A signed email link: forged for B's store and owner, it is refused whoever is signed in.
  "/api/notifications/unsubscribe": {
    access: "token",
    calls: ({ b }) =>
      (["GET", "POST"] as const).map((method) => ({
        method,
        query: `?s=${b.store.id}&u=${b.user.id}&t=daily_summary&sig=${"A".repeat(43)}`,
      })),
  },
  "/api/deliveries/[id]": { access: "session", calls: ({ b }) => [{ method: "GET", params: { id: b.deliveryId } }] },
  "/api/deliveries/metrics": { access: "session", calls: () => [{ method: "GET" }] },
  "/api/orders": {
    access: "session",
    calls: ({ b }) => [
      { method: "GET" },
      { method: "GET", query: `?tag=${b.tagId}` },
      { method: "GET", query: `?q=${b.tribemadeOrderId.slice(0, 8)}` },
      { method: "GET", query: `?q=${encodeURIComponent(b.customer.email)}&verification=unverified` },
      { method: "GET", query: `?q=${b.customer.number}` },
    ],
  },
  "/api/orders/[id]": { access: "session", calls: ({ b }) => [{ method: "GET", params: { id: b.orderId } }] },
  "/api/orders/counts": {
    access: "session",
    calls: ({ b }) => [{ method: "GET", query: `?q=${encodeURIComponent(b.customer.name)}` }],
  },
  "/api/orders/glance": { access: "session", calls: () => [{ method: "GET" }] },
  // ?for=1: the stream ends after a second instead of four minutes.
  "/api/orders/stream": { access: "session", calls: () => [{ method: "GET", query: "?for=1" }] },
  "/api/documents": {
    access: "session",
    // Printing B's order by id, by a filter naming B's customer, and "dispatched today": each would
    // assign B an invoice number or mark B's order printed if the store scoping slipped.
    calls: ({ b }) =>
      [
        { document: "invoice", target: { kind: "orders", ids: [b.orderId] } },
        { document: "label", target: { kind: "filter", filters: { q: b.customer.email } } },
        { document: "slip-a4", target: { kind: "dispatched_today" } },
      ].map((request) => ({
        method: "POST" as const,
        body: JSON.stringify(request),
        headers: { "content-type": "application/json" },
      })),
  },
  "/api/orders/export": {
    access: "session",
    calls: ({ b }) => [{ method: "GET" }, { method: "GET", query: `?q=${encodeURIComponent(b.customer.email)}` }],
  },
  "/api/orders/budget": { access: "session", calls: () => [{ method: "GET" }] },
  "/api/customers/export": {
    access: "session",
    calls: ({ b }) => [
      { method: "GET" },
      { method: "GET", query: `?q=${b.customer.number}&sort=spend` },
      { method: "GET", query: `?q=${encodeURIComponent(b.customer.email)}` },
    ],
  },
  "/api/orders/sync-states": {
    access: "session",
    calls: ({ b }) => [
      { method: "POST", body: JSON.stringify({ ids: [b.orderId] }), headers: { "content-type": "application/json" } },
    ],
  },
  "/api/webhooks/tribemade/[token]": {
    access: "token",
    calls: ({ a, b }) => [
      // A's own endpoint, carrying B's TribeMade store id and B's order id.
      {
        method: "POST",
        params: { token: a.webhookToken },
        body: JSON.stringify(orderCreated({ store_id: b.store.tribemadeStoreId ?? undefined, order_id: b.tribemadeOrderId })),
        headers: { "content-type": "application/json" },
      },
      // B's real token with A's session: recorded as B's delivery (as for anyone holding the token)
      // and refused for naming another store; the session changes nothing and nothing of B's
      // comes back. An id in place of a token is an unknown endpoint.
      {
        method: "POST",
        params: { token: b.webhookToken },
        body: JSON.stringify(orderCreated()),
        headers: { "content-type": "application/json" },
        writesToB: ["WebhookDelivery", "WebhookEndpoint"],
      },
      {
        method: "POST",
        params: { token: b.endpointId },
        body: JSON.stringify(orderCreated()),
        headers: { "content-type": "application/json" },
      },
      ...(["GET", "PUT", "PATCH", "DELETE"] as const).map((method) => ({ method, params: { token: b.webhookToken } })),
      ...(["GET", "PUT", "PATCH", "DELETE"] as const).map((method) => ({ method, params: { token: a.webhookToken } })),
    ],
  },
};

type Action = (...args: unknown[]) => Promise<unknown>;
type ActionCase = {
  /** public: callable signed out (sign-up). session: must refuse a signed-out caller. */
  access: "session" | "public";
  /** The call made as A aimed at B's ids. */
  asA: (action: Action, ctx: Ctx) => Promise<unknown>;
};

const ACTIONS: Record<string, ActionCase> = {
  "lib/auth/actions.ts#signUp": {
    access: "public",
    asA: (act, { b }) => act({ name: "Probe", email: b.user.email, password: "long enough password" }),
  },
  "lib/auth/actions.ts#signOut": { access: "session", asA: (act) => act() },
  "lib/auth/actions.ts#signOutEverywhere": { access: "session", asA: (act) => act() },
  "lib/auth/actions.ts#changePassword": {
    access: "session",
    asA: (act) => act({ currentPassword: "not A's password", newPassword: "a new long passphrase" }),
  },

  // B's order id pasted by A: A's own (empty) view of it, never B's order; B's submission: nothing.
  "lib/orders/missing/actions.ts#addMissingOrders": {
    access: "session",
    // The pasted id comes back as A typed it; what must not come back is B's order (id, "known").
    asA: async (act, { b }) =>
      JSON.parse(JSON.stringify(await act({ text: b.tribemadeOrderId })).replaceAll(b.tribemadeOrderId, "<pasted>")) as unknown,
  },
  "lib/orders/missing/actions.ts#getMissingOrdersProgress": {
    access: "session",
    asA: (act, { b }) => act({ requestId: b.missingRequestId }),
  },
  "lib/orders/actions.ts#changeOrderStatus": {
    access: "session",
    asA: (act, { b }) => act({ orderId: b.orderId, version: 1, status: "cancelled" }),
  },
  "lib/orders/actions.ts#undoStatusChange": { access: "session", asA: (act, { b }) => act({ orderId: b.orderId, version: 1 }) },
  "lib/orders/actions.ts#undoStatusChanges": {
    access: "session",
    asA: (act, { b }) => act({ changes: [{ orderId: b.orderId, version: 1 }] }),
  },
  "lib/orders/actions.ts#retryStatusPush": { access: "session", asA: (act, { b }) => act({ orderId: b.orderId, version: 1 }) },
  "lib/orders/actions.ts#bulkChangeStatus": {
    access: "session",
    // Picked rows (B's id), and "all matching" a filter that names B's customer.
    asA: async (act, { b }) => [
      await act({
        status: "dispatched",
        orders: [{ id: b.orderId, version: 1 }],
        tracking: { [b.tribemadeOrderId.slice(0, 8)]: "https://track.example.in/1" },
        dispatchWithoutTracking: true,
      }),
      await act({ status: "cancelled", filters: { q: b.customer.email } }),
    ],
  },
  "lib/orders/whatsapp/actions.ts#noteWhatsapp": {
    access: "session",
    asA: (act, { b }) => act({ orderId: b.orderId, kind: "confirmed", language: "en" }),
  },
  "lib/orders/whatsapp/actions.ts#saveWhatsappTemplate": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, kind: "confirmed", language: "en", body: "A's wording for {customer}" }),
  },
  "lib/orders/whatsapp/actions.ts#resetWhatsappTemplate": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, kind: "confirmed", language: "en" }),
  },
  "lib/orders/actions.ts#setAutoProcessNewOrders": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, enabled: true }),
  },

  "lib/documents/actions.ts#saveDocumentSettings": {
    access: "session",
    asA: (act, { b }) =>
      act({
        storeId: b.store.id,
        senderName: "Probe",
        senderAddress: "1 Probe Road",
        senderPincode: "560038",
        senderPhone: "9845012345",
        legalName: "Probe",
        gstin: "",
        registeredAddress: "",
        stateCode: "",
        invoicePrefix: "PRB",
        defaultHsn: "",
        defaultGstRate: "5",
      }),
  },
  "lib/documents/actions.ts#saveProductTax": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, productId: "prod_probe", hsn: "6109", gstRate: "5" }),
  },
  // Each aimed at B twice: as a form of B's store (A's cookie names B's store; A is no member), and
  // as a form of A's own store carrying B's ids.
  "lib/customers/actions.ts#createTag": {
    access: "session",
    asA: async (act, { b }) => [await act({ storeId: b.store.id, name: "A's tag", color: "blue" })],
  },
  "lib/customers/actions.ts#deleteTag": {
    access: "session",
    asA: async (act, { a, b }) => [
      await act({ storeId: b.store.id, tagId: b.tagId }),
      await act({ storeId: a.store.id, tagId: b.tagId }),
    ],
  },
  "lib/customers/actions.ts#applyTag": {
    access: "session",
    asA: async (act, { a, b }) => {
      const own = await db.tag.create({ data: { storeId: a.store.id, name: `A's ${Date.now()}`, color: "blue" } });
      return [
        await act({ storeId: b.store.id, tagId: b.tagId, target: { kind: "orders", ids: [b.orderId] }, op: "remove" }),
        await act({ storeId: a.store.id, tagId: b.tagId, target: { kind: "orders", ids: [b.orderId] }, op: "remove" }),
        await act({ storeId: a.store.id, tagId: own.id, target: { kind: "orders", ids: [b.orderId] }, op: "add" }),
        await act({ storeId: a.store.id, tagId: b.tagId, target: { kind: "filter", filters: {} }, op: "remove" }),
        await act({ storeId: a.store.id, tagId: own.id, target: { kind: "customer", id: b.customerId }, op: "add" }),
        await act({ storeId: a.store.id, tagId: b.tagId, target: { kind: "customer", id: b.customerId }, op: "remove" }),
      ];
    },
  },
  "lib/customers/actions.ts#addNote": {
    access: "session",
    asA: async (act, { a, b }) => [
      await act({ storeId: b.store.id, target: { kind: "order", id: b.orderId }, body: "from A" }),
      await act({ storeId: a.store.id, target: { kind: "order", id: b.orderId }, body: "from A" }),
      await act({ storeId: a.store.id, target: { kind: "customer", id: b.customerId }, body: "from A" }),
    ],
  },
  "lib/customers/actions.ts#editNote": {
    access: "session",
    asA: async (act, { a, b }) => [
      await act({ storeId: b.store.id, noteId: b.noteId, body: "edited by A" }),
      await act({ storeId: a.store.id, noteId: b.noteId, body: "edited by A" }),
      await act({ storeId: a.store.id, noteId: b.customerNoteId, body: "edited by A" }),
    ],
  },
  "lib/customers/actions.ts#deleteNote": {
    access: "session",
    asA: async (act, { a, b }) => [
      await act({ storeId: b.store.id, noteId: b.noteId }),
      await act({ storeId: a.store.id, noteId: b.noteId }),
      await act({ storeId: a.store.id, noteId: b.customerNoteId }),
    ],
  },

  "lib/stores/actions.ts#createStore": {
    access: "session",
    asA: (act, { b }) => act({ name: "A's second", apiKey: fakeApiKey(), tribemadeStoreId: b.store.tribemadeStoreId }),
  },
  "lib/stores/actions.ts#testApiKey": { access: "session", asA: (act) => act({ apiKey: fakeApiKey() }) },
  "lib/stores/actions.ts#testStoreApiKey": { access: "session", asA: (act, { b }) => act({ storeId: b.store.id }) },
  "lib/stores/actions.ts#replaceStoreApiKey": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, apiKey: fakeApiKey() }),
  },
  "lib/stores/actions.ts#updateStoreDetails": {
    access: "session",
    asA: (act, { b }) =>
      act({
        storeId: b.store.id,
        name: "Renamed by A",
        tribemadeStoreId: b.store.tribemadeStoreId,
        fulfillmentUrl: "",
        retentionDays: "7",
      }),
  },
  "lib/stores/actions.ts#createInvite": { access: "session", asA: (act, { b }) => act({ storeId: b.store.id, role: "owner" }) },
  "lib/stores/actions.ts#revokeInvite": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, inviteId: b.inviteId }),
  },
  "lib/stores/actions.ts#acceptInvite": { access: "session", asA: (act) => act({ token: newUrlToken() }) },
  "lib/stores/actions.ts#changeMemberRole": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, membershipId: b.membershipId, role: "staff" }),
  },
  "lib/stores/actions.ts#removeMember": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, membershipId: b.staff.membershipId }),
  },
  "lib/stores/actions.ts#switchStore": { access: "session", asA: (act, { b }) => act({ storeId: b.store.id }) },
  "lib/stores/actions.ts#selectStore": { access: "session", asA: (act, { b }) => act(b.store.id) },

  "lib/products/actions.ts#saveStockSettings": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, stockKeeper: "tribedesk", lowStockThreshold: 1, hideAtZero: true }),
  },
  // Each product action twice: in B's store (the form's store is not A's current one), and in A's
  // own store with B's product id.
  "lib/products/actions.ts#setProductStock": {
    access: "session",
    asA: async (act, { a, b }) => [
      await act({ storeId: b.store.id, productId: b.productId, stock: 9, expectedStock: null }),
      await act({ storeId: a.store.id, productId: b.productId, stock: 9, expectedStock: null }),
    ],
  },
  "lib/products/actions.ts#editProduct": {
    access: "session",
    asA: async (act, { a, b }) => [
      await act({ storeId: b.store.id, productId: b.productId, isActive: false }),
      await act({ storeId: a.store.id, productId: b.productId, isActive: false }),
    ],
  },
  "lib/products/actions.ts#hideOutOfStock": {
    access: "session",
    asA: async (act, { a, b }) => [await act({ storeId: b.store.id }), await act({ storeId: a.store.id })],
  },
  "lib/products/actions.ts#undoProductEdit": {
    access: "session",
    asA: async (act, { a, b }) => [
      await act({ storeId: b.store.id, productId: b.productId, requestEventId: b.productEventId }),
      await act({ storeId: a.store.id, productId: b.productId, requestEventId: b.productEventId }),
    ],
  },
  "lib/products/actions.ts#readProductNow": {
    access: "session",
    asA: async (act, { a, b }) => [
      await act({ storeId: b.store.id, productId: b.productId }),
      await act({ storeId: a.store.id, productId: b.productId }),
    ],
  },
  "lib/products/actions.ts#learnProductsFromOrders": {
    access: "session",
    asA: async (act, { a, b }) => [await act({ storeId: b.store.id }), await act({ storeId: a.store.id })],
  },

  "lib/fulfillment/actions.ts#rotateFulfillmentSecret": { access: "session", asA: (act, { b }) => act({ storeId: b.store.id }) },

  "lib/notifications/actions.ts#subscribeDevice": {
    access: "session",
    asA: (act, { b }) =>
      act({
        storeId: b.store.id,
        endpoint: "https://fcm.googleapis.com/fcm/send/alpha-device",
        keys: { p256dh: PUSH_KEY, auth: "YWxwaGEtYXV0aC1zZWNyZXQ" },
      }),
  },
  "lib/notifications/actions.ts#removeDevice": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, subscriptionId: b.subscriptionId }),
  },
  "lib/notifications/actions.ts#sendTestNotification": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, subscriptionId: b.subscriptionId }),
  },
  "lib/notifications/actions.ts#savePreference": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, topic: "new_order", channel: "push", enabled: false }),
  },
  "lib/outbox/actions.ts#retryOutboxMessages": { access: "session", asA: (act, { b }) => act({ ids: [b.deadMessageId] }) },
  "lib/outbox/actions.ts#discardOutboxMessages": { access: "session", asA: (act, { b }) => act({ ids: [b.deadMessageId] }) },
  "lib/outbox/actions.ts#drainOutboxNow": { access: "session", asA: (act) => act() },

  "lib/webhooks/actions.ts#createWebhookEndpoint": {
    access: "session",
    asA: (act, { b }) => act({ storeId: b.store.id, label: "A's extra" }),
  },
  "lib/webhooks/actions.ts#renameWebhookEndpoint": {
    access: "session",
    asA: (act, { b }) => act({ endpointId: b.endpointId, label: "Renamed by A" }),
  },
  "lib/webhooks/actions.ts#revokeWebhookEndpoint": { access: "session", asA: (act, { b }) => act({ endpointId: b.endpointId }) },
  "lib/webhooks/actions.ts#replayWebhookDelivery": { access: "session", asA: (act, { b }) => act({ deliveryId: b.deliveryId }) },
};

// ---------------------------------------------------------------------------------------------
// Loading what exists

type LoadedRoute = {
  file: string;
  pattern: string;
  methods: Map<Method, (request: NextRequest, context: unknown) => Promise<Response>>;
};
type LoadedAction = { key: string; action: Action };

async function loadRoutes(): Promise<LoadedRoute[]> {
  return Promise.all(
    ROUTE_FILES.map(async (file) => {
      const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      const methods = new Map<Method, (request: NextRequest, context: unknown) => Promise<Response>>();
      for (const method of HTTP_METHODS) {
        const handler = exported[method];
        if (typeof handler === "function")
          methods.set(method, handler as (request: NextRequest, context: unknown) => Promise<Response>);
      }
      return { file, pattern: routePattern(file), methods };
    }),
  );
}

async function loadActions(): Promise<LoadedAction[]> {
  const loaded: LoadedAction[] = [];
  for (const file of ACTION_FILES) {
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") loaded.push({ key: `${file}#${name}`, action: value as Action });
    }
  }
  return loaded.sort((x, y) => x.key.localeCompare(y.key));
}

let routes: LoadedRoute[];
let actions: LoadedAction[];

beforeAll(async () => {
  routes = await loadRoutes();
  actions = await loadActions();
  ctx = { a: await merchantA(), b: await merchantB() };
}, 60_000);

async function callRoute(
  route: LoadedRoute,
  call: RouteCall,
): Promise<{ status: number; location: string | null; text: string }> {
  const handler = route.methods.get(call.method);
  if (!handler) throw new Error(`${route.pattern} has no ${call.method}`);
  const params = call.params ?? {};
  const request = scopedRequest(`${concretePath(route.pattern, params)}${call.query ?? ""}`, {
    method: call.method,
    body: call.body,
    headers: call.headers,
  });
  const response = await handler(new NextRequest(request), { params: Promise.resolve(params) });
  await settleAfterTasks();
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

async function callAction(action: Action, run: (action: Action, ctx: Ctx) => Promise<unknown>): Promise<unknown> {
  try {
    return await run(action, ctx);
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    return {
      thrown: typeof digest === "string" ? digest : error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  } finally {
    await settleAfterTasks();
  }
}

function refusedSignedOut(result: unknown): boolean {
  if (Array.isArray(result)) return result.every(refusedSignedOut);
  const value = result as { ok?: boolean; error?: { code?: string }; thrown?: string };
  if (value?.ok === false && value.error?.code === "unauthorized") return true;
  return (
    typeof value?.thrown === "string" &&
    (/^NEXT_REDIRECT;[^;]*;\/login/.test(value.thrown) || /AppError: Sign in/.test(value.thrown))
  );
}

// ---------------------------------------------------------------------------------------------

describe("the tables cover everything that exists", () => {
  it("finds the routes and actions it should", () => {
    expect(ROUTE_FILES).toContain("app/api/auth/[...nextauth]/route.ts");
    expect(ACTION_FILES).toContain("lib/stores/actions.ts");
  });

  it("has a ROUTES row for every route handler, covering each exported method", () => {
    const missing: string[] = [];
    for (const route of routes) {
      const entry = ROUTES[route.pattern];
      if (!entry) {
        missing.push(`${route.pattern} (${route.file}): add a row to ROUTES`);
        continue;
      }
      const called = new Set(entry.calls(ctx).map((call) => call.method));
      for (const method of route.methods.keys()) {
        if (method !== "HEAD" && method !== "OPTIONS" && !called.has(method))
          missing.push(`${route.pattern} ${method}: add a call to its ROUTES row`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has an ACTIONS row for every exported server action", () => {
    const missing = actions.filter(({ key }) => !ACTIONS[key]).map(({ key }) => `${key}: add a row to ACTIONS`);
    expect(missing).toEqual([]);
  });

  it("has no rows for routes or actions that no longer exist", () => {
    const patterns = new Set(routes.map((route) => route.pattern));
    const keys = new Set(actions.map((action) => action.key));
    expect([
      ...Object.keys(ROUTES).filter((pattern) => !patterns.has(pattern)),
      ...Object.keys(ACTIONS).filter((key) => !keys.has(key)),
    ]).toEqual([]);
  });
});

describe("route handlers, as merchant A aimed at B", () => {
  it.each(ROUTE_FILES.map((file) => [routePattern(file)]))("%s", async (pattern) => {
    const route = routes.find((candidate) => candidate.pattern === pattern);
    const entry = ROUTES[pattern];
    if (!route || !entry) throw new Error(`${pattern} has no ROUTES row (see the coverage test)`);
    for (const call of entry.calls(ctx)) {
      const label = `${call.method} ${pattern}`;
      const except = call.writesToB ?? [];
      const before = await snapshotB(ctx, except);
      await actAs(ctx.a.user, { storeCookie: ctx.b.store.id });
      const asA = await callRoute(route, call);
      expectNoCanary(asA.text, label);
      expect(await snapshotB(ctx, except), `${label} changed B's data`).toBe(before);
      if (call.writesToB) expect(asA.status, `${label}: B's real token was not recognised`).not.toBe(404);
      if (entry.access === "cron")
        expect(asA.status, `${label} accepted a merchant session instead of the cron secret`).toBe(401);

      if (entry.access === "session" || entry.access === "cron") {
        await actAs(null);
        const signedOut = await callRoute(route, call);
        const redirected = signedOut.status >= 300 && signedOut.status < 400 && (signedOut.location ?? "").includes("/login");
        expect(signedOut.status === 401 || redirected, `${label} signed out answered ${signedOut.status}`).toBe(true);
        expectNoCanary(signedOut.text, `${label} (signed out)`);
        expect(await snapshotB(ctx), `${label} (signed out) changed B's data`).toBe(before);
      }
      if (entry.access === "token") {
        // A session (and its store cookie) must not change what a token-holder gets.
        await actAs(null);
        const signedOut = await callRoute(route, call);
        expect(signedOut.status, `${label}: A's session changed the answer`).toBe(asA.status);
        expectNoCanary(signedOut.text, `${label} (signed out)`);
        expect(await snapshotB(ctx, except), `${label} (signed out) changed B's data`).toBe(before);
      }
    }
  });
});

describe("server actions, as merchant A aimed at B", () => {
  const keys = ACTION_FILES.length > 0 ? Object.keys(ACTIONS) : [];
  it.each(keys.map((key) => [key]))("%s", async (key) => {
    const loaded = actions.find((candidate) => candidate.key === key);
    const entry = ACTIONS[key];
    if (!loaded || !entry) throw new Error(`${key} is not an exported action (see the coverage test)`);

    const before = await snapshotB(ctx);
    await actAs(ctx.a.user, { storeCookie: ctx.b.store.id });
    const asA = await callAction(loaded.action, entry.asA);
    expectNoCanary(serialize(asA), key);
    expect(await snapshotB(ctx), `${key} changed B's data`).toBe(before);
    // The store cookie is a preference: pointing it at B never made A a member of B.
    expect(await db.membership.count({ where: { userId: ctx.a.user.id, storeId: ctx.b.store.id } })).toBe(0);

    if (entry.access === "session") {
      await actAs(null);
      const signedOut = await callAction(loaded.action, entry.asA);
      expect(refusedSignedOut(signedOut), `${key} signed out returned ${serialize(signedOut)}`).toBe(true);
      expect(await snapshotB(ctx), `${key} (signed out) changed B's data`).toBe(before);
    }
  });
});
