// The demo merchant in end-to-end specs: signing in as its owner, and placing orders in its store in
// the TribeMade simulator (which then sends the order's webhook to the app).
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO } from "../../../lib/embedded/demo";

export const simulatorUrl = () => process.env.E2E_SIMULATOR_URL ?? "";

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

/** A new paid order in the demo store (named `customerName` when given); returns the webhook payload TribeMade sends. */
export async function placeOrder(request: APIRequestContext, customerName?: string): Promise<PlacedOrder> {
  const placed = await request.post(`${simulatorUrl()}/__control/stores/${DEMO.tribemadeStoreId}/orders`, {
    data: customerName ? { overrides: { customer: { name: customerName } } } : {},
  });
  expect(placed.status()).toBe(201);
  return ((await placed.json()) as { payload: PlacedOrder }).payload;
}
