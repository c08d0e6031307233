// The demo merchant in end-to-end specs: signing in as its owner, and placing orders in its store in
// the TribeMade simulator (which then sends the order's webhook to the app).
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO } from "../../../lib/embedded/demo";

export const simulatorUrl = () => process.env.E2E_SIMULATOR_URL ?? "";

/**
 * How long an order's webhook may take to be acknowledged: the simulator gives each attempt
 * TribeMade's 5 s (lib/tribemade/simulator/webhook-sender.ts) and a busy 2-core machine can miss
 * that once or twice (the app's first webhook warms its pools), so several attempts fit.
 */
export const WEBHOOK_ACK_DEADLINE_MS = 45_000;
const RESEND_PAUSE_MS = 1_000;

/** Signs in and waits for `to`; without it, for /orders, where sign-in lands by default (no callbackUrl). */
export async function signIn(page: Page, to?: string) {
  await page.goto(to ? `/login?callbackUrl=${encodeURIComponent(to)}` : "/login");
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === (to ?? "/orders"));
  // The feed subscribes to its stream after it renders, and the first subscription replays nothing: an
  // order placed in between would wait for the next poll (60 s). Once it says Live, new orders arrive.
  if ((to ?? "/orders") === "/orders") await expect(page.getByText("Live", { exact: true })).toBeVisible();
}

export type PlacedOrder = { order_id: string; customer: { name: string; email: string } };

type Delivery = { ok: boolean; statusCode: number | null; error: string | null };

/**
 * A new paid order in the demo store (named `customerName` when given); returns the webhook payload
 * TribeMade sends. Resolves once the app has acknowledged that order's webhook (and so has it in its
 * database: ingest acks after the commit). A delivery the app did not acknowledge in time is sent
 * again, as TribeMade would; the app drops repeats. So a test waits for its own order, never for a
 * time window in which some delivery happens to land.
 */
export async function placeOrder(
  request: APIRequestContext,
  customer?: string | { name?: string; number?: string },
): Promise<PlacedOrder> {
  const overrides = typeof customer === "string" ? { name: customer } : customer;
  const placed = await request.post(`${simulatorUrl()}/__control/stores/${DEMO.tribemadeStoreId}/orders`, {
    data: overrides ? { overrides: { customer: overrides } } : {},
    timeout: WEBHOOK_ACK_DEADLINE_MS,
  });
  expect(placed.status()).toBe(201);
  const { payload, deliveries } = (await placed.json()) as { payload: PlacedOrder; deliveries: Delivery[] };
  const deadline = Date.now() + WEBHOOK_ACK_DEADLINE_MS;
  let attempts = deliveries;
  while (!attempts.some((attempt) => attempt.ok)) {
    const last = attempts.map((attempt) => attempt.error ?? attempt.statusCode).join(", ") || "no webhook URL";
    if (Date.now() > deadline) throw new Error(`order ${payload.order_id}: webhook not acknowledged (${last})`);
    // A refusal (the server's gate answers 503 while its event loop runs behind) asks for a pause.
    await new Promise((resolve) => setTimeout(resolve, RESEND_PAUSE_MS));
    const again = await request.post(`${simulatorUrl()}/__control/orders/${payload.order_id}/webhook`, {
      data: {},
      timeout: WEBHOOK_ACK_DEADLINE_MS,
    });
    expect(again.status()).toBe(200);
    attempts = ((await again.json()) as { deliveries: Delivery[] }).deliveries;
  }
  return payload;
}

export type AppOrder = { id: string; tribemadeOrderId: string; verification: string };

/**
 * The app's row for a placed order, found by TribeMade's order id (signed-in `request`, e.g.
 * `page.request`), once `until` holds for it; polls for as long as the outbox's drain may take.
 */
export async function appOrder(
  request: APIRequestContext,
  orderId: string,
  until: (order: AppOrder) => boolean = () => true,
): Promise<AppOrder> {
  let found: AppOrder | undefined;
  await expect(async () => {
    const response = await request.get(`/api/orders?q=${encodeURIComponent(orderId)}`);
    expect(response.status()).toBe(200);
    const { items } = (await response.json()) as { items: AppOrder[] };
    found = items.find((item) => item.tribemadeOrderId === orderId);
    expect(found, `order ${orderId} in the app`).toBeDefined();
    expect(until(found!), `order ${orderId}: ${JSON.stringify(found)}`).toBe(true);
  }).toPass({ timeout: WEBHOOK_ACK_DEADLINE_MS });
  return found!;
}
