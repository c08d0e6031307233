import { expect, test } from "@playwright/test";
import { placeOrder, signIn } from "./support/demo-merchant";

// The end-to-end path through the inspector: the simulator places an order and sends its
// webhook → the delivery appears in /webhooks without a reload → its detail shows the raw body,
// the JSON tree and the headers → Replay answers duplicate.

test("a simulated order's delivery appears live, opens with body, tree and headers, and replays as duplicate", async ({
  page,
  request,
}) => {
  await signIn(page, "/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  // A marker on window survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { __noReload: true }));

  const payload = await placeOrder(request);

  const row = page.locator("[data-delivery-id]", { hasText: payload.order_id.slice(0, 8) });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText("Accepted");
  await expect(row).toContainText(payload.customer.name);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  await row.getByRole("link").click();
  await page.waitForURL(/\/webhooks\/deliveries\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Delivery");

  const tree = page.getByTestId("json-tree");
  await expect(tree).toBeVisible();
  await expect(tree).toContainText('"order_id"');
  await expect(tree).toContainText(JSON.stringify(payload.order_id));

  await expect(page.getByTestId("headers-table")).toContainText("content-type");
  await expect(page.getByTestId("headers-table")).toContainText("application/json");

  await page.getByRole("tab", { name: "Raw" }).click();
  await expect(page.getByTestId("raw-body")).toContainText(`"order_id"`);
  await expect(page.getByTestId("raw-body")).toContainText(payload.order_id);

  await page.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByText("Replay answered duplicate")).toBeVisible();
  await expect(page.getByTestId("replay-result")).toContainText("duplicate");

  // The replay is a delivery of the same order: Compare can now diff the two (byte-identical here).
  await expect(page.getByText("byte-for-byte identical")).toBeVisible();
});
