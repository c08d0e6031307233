import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The live feed's stream as the production server answers it (lib/orders/feed-stream-server.ts,
// outside Next.js; scripts/serve.ts routes GET /api/orders/stream to it): real HTTP from a real
// Node server, the session read from the real encrypted cookie, the current store from the
// switcher's cookie, the route's errors and caps, and a closed connection leaving the hub.
process.env.FEED_STREAMS_PER_USER = "2";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sessionCookieFor, SESSION_COOKIE } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { orderCreated } = await import("@/tests/fixtures/webhook-payloads");
const { postWebhook, settleAfterTasks } = await import("@/tests/fixtures/webhook-client");
const { sseReader } = await import("@/tests/fixtures/sse");
const { db } = await import("@/lib/db");
const { CURRENT_STORE_COOKIE } = await import("@/lib/auth/current-store");
const { streamFeedOnServer } = await import("@/lib/orders/feed-stream-server");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
type User = Merchant["user"];

let server: Server;
let origin: string;
let alpha: Merchant;
let beta: Merchant;
const open: AbortController[] = [];

beforeAll(async () => {
  server = createServer((request, response) => void streamFeedOnServer(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  alpha = await createMerchant("Alpha");
  beta = await createMerchant("Beta");
});

afterEach(async () => {
  for (const controller of open.splice(0)) controller.abort();
  // A stream leaves its hub when its socket's close reaches the server.
  await new Promise((resolve) => setTimeout(resolve, 100));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function get(cookie?: string): Promise<Response> {
  const controller = new AbortController();
  open.push(controller);
  return fetch(`${origin}/api/orders/stream?for=30`, { headers: cookie ? { cookie } : {}, signal: controller.signal });
}

async function cookieFor(user: User, storeId?: string): Promise<string> {
  const session = `${SESSION_COOKIE}=${await sessionCookieFor(user)}`;
  return storeId ? `${session}; ${CURRENT_STORE_COOKIE}=${storeId}` : session;
}

async function deliver(merchant: Merchant): Promise<string> {
  const payload = orderCreated({ store_id: merchant.store.tribemadeStoreId ?? undefined });
  expect((await postWebhook(merchant.webhookToken, JSON.stringify(payload))).status).toBe(200);
  await settleAfterTasks();
  return payload.order_id;
}

/** Beta's order is sent first: the first order frame being Alpha's means Beta's never came. */
async function expectOnlyAlphasOrders(response: Response): Promise<void> {
  const reader = sseReader(response);
  await reader.next((frame) => frame.event === "ready");
  const betaOrder = await deliver(beta);
  const alphaOrder = await deliver(alpha);
  expect(betaOrder).not.toBe(alphaOrder);
  expect(orderOf(await reader.next((next) => orderOf(next) !== null))).toBe(alphaOrder);
}

const orderOf = (frame: { event: string; data: string }) =>
  frame.event === "order" ? (JSON.parse(frame.data) as { order: { tribemadeOrderId: string } }).order.tribemadeOrderId : null;

describe("the live feed's stream on the production server", () => {
  it("refuses a missing or forged session with the route's 401, uncached", async () => {
    for (const cookie of [undefined, `${SESSION_COOKIE}=forged.value.here`]) {
      const response = await get(cookie);
      expect(response.status).toBe(401);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await response.json()).toMatchObject({ error: "unauthorized" });
    }
  });

  it("streams the current store's new orders, and only its own", async () => {
    const response = await get(await cookieFor(alpha.user));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    await expectOnlyAlphasOrders(response);
  });

  it("follows the store switcher's cookie only to a store the user belongs to", async () => {
    const staff = await addMember(alpha.store.id, "staff");
    // A member of Alpha asking for Beta's feed gets Alpha's (the cookie is a preference, not access).
    await expectOnlyAlphasOrders(await get(await cookieFor(staff.user, beta.store.id)));
  });

  it("refuses a session that was signed out everywhere", async () => {
    const cookie = await cookieFor(alpha.user);
    await db.user.update({ where: { id: alpha.user.id }, data: { sessionVersion: { increment: 1 } } });
    try {
      expect((await get(cookie)).status).toBe(401);
    } finally {
      await db.user.update({ where: { id: alpha.user.id }, data: { sessionVersion: { decrement: 1 } } });
    }
  });

  it("answers past the per-user cap with the route's 429, and a closed connection frees its place", async () => {
    const cookie = await cookieFor(beta.user);
    const first = await get(cookie);
    await sseReader(first).next((frame) => frame.event === "ready");
    await sseReader(await get(cookie)).next((frame) => frame.event === "ready");
    const refused = await get(cookie);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: "too_many_requests", details: { reason: "streams_per_user", limit: 2 } });

    open[0]!.abort();
    await expect.poll(async () => (await get(cookie)).status, { timeout: 5_000 }).toBe(200);
  });
});
