import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/embedded/demo";
import { appOrder, placeOrder, signIn, simulatorUrl, WEBHOOK_ACK_DEADLINE_MS } from "./support/demo-merchant";

// The outbox end to end, on the serverless path (this app runs without the listener, like a
// Vercel deployment): a simulated order is verified by the webhook's own after() drain and /outbox
// shows it; TribeMade rejecting the key pauses the outbox with a banner on every page, and a key
// TribeMade accepts again resumes it; Drain now reports what it did.

test("a webhook's order is verified by the outbox, /outbox shows the queue, and a rejected key pauses and resumes it", async ({
  page,
  request,
}) => {
  await signIn(page, "/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  const first = await placeOrder(request);
  // This order's verification, by its id, as long as the drain takes; then the page, which refreshes
  // itself every 5 s, shows it as done without a reload.
  await appOrder(page.request, first.order_id, (order) => order.verification === "verified");
  await expect(page.getByTestId("outbox-stats")).toContainText(/Done, last 24 h\s*[1-9]/, { timeout: 15_000 });
  await expect(page.getByText("Wake-up", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("budget-order_get")).toContainText(/[1-9]\d*\/50/);

  // TribeMade regenerates the key: the next verification is refused with 401 and the outbox pauses.
  const rotated = await request.post(`${simulatorUrl()}/__control/stores/${DEMO.tribemadeStoreId}/rotate-key`, { data: {} });
  expect(rotated.status()).toBe(200);
  await placeOrder(request);
  // The pause, as the server has it, for as long as the drain takes; then the page within a refresh.
  await expect
    .poll(async () => ((await (await page.request.get("/api/outbox")).json()) as { paused: unknown }).paused, {
      timeout: WEBHOOK_ACK_DEADLINE_MS,
    })
    .not.toBeNull();
  await expect(page.getByText("Paused: TribeMade rejected this store's API key")).toBeVisible({ timeout: 15_000 });
  await page.goto("/webhooks");
  await expect(page.getByTestId("outbox-paused-banner")).toBeVisible();

  // The old key is accepted again (in real life: the owner pastes the new one); testing it resumes the queue.
  await request.post(`${simulatorUrl()}/__control/stores/${DEMO.tribemadeStoreId}/rotate-key`, { data: { apiKey: DEMO.apiKey } });
  await page.getByTestId("outbox-paused-banner").getByRole("link", { name: "Replace the key" }).click();
  await page.waitForURL(/\/settings\/api-key$/);
  await page.getByRole("button", { name: "Test key" }).click();
  await expect(page.getByText("TribeMade accepted this key.")).toBeVisible();

  await page.goto("/outbox");
  await expect(page.getByText("Paused: TribeMade rejected this store's API key")).toBeHidden({ timeout: 20_000 });
  await page.getByRole("button", { name: "Drain now" }).click();
  await expect(page.getByText(/Drained \d+ in|Nothing was due/)).toBeVisible();
  await expect(page.getByTestId("outbox-stats")).toContainText(/Waiting\s*0/, { timeout: 20_000 });
});
