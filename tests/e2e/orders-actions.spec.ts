import { expect, test, type Page } from "@playwright/test";
import { appOrder, placeOrder, signIn, simulatorUrl, type PlacedOrder } from "./support/demo-merchant";

// The write side end to end: a status click on the order page (undo, then for real: the
// simulator's order changes and the page says TribeMade has it), dispatch with an AWB, a bulk change
// of 25 orders with its ETA and live progress, and the feed's keyboard flow.

const unique = () => Math.random().toString(36).slice(2, 8);

async function simulatorOrder(page: Page, orderId: string) {
  const response = await page.request.get(`${simulatorUrl()}/__control/orders/${orderId}`);
  return (await response.json()) as { order: { status: string; tracking_url: string | null }; statusChanges: unknown[] };
}

/** Opens the order's page from the feed, where it arrived by webhook. */
async function openOrder(page: Page, placed: PlacedOrder) {
  const row = page.locator("[data-order-id]", { hasText: placed.order_id.slice(0, 8) });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row
    .getByRole("link", { name: placed.order_id.slice(0, 8) })
    .first()
    .click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("status-actions")).toBeVisible();
}

test("mark processing, undo it before it is sent: TribeMade never hears of it", async ({ page }) => {
  await signIn(page);
  const placed = await placeOrder(page.request, `Undo Test ${unique()}`);
  await openOrder(page, placed);

  await page.getByRole("button", { name: "Mark processing" }).click();
  // At once, before the server answers: the header says Processing.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Processing");
  const toast = page.locator("[data-sonner-toast]", { hasText: "Marked processing" });
  await expect(toast).toContainText("Sent to TribeMade in");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator("[data-sonner-toast]", { hasText: "Undone" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("To process");
  await expect(page.getByRole("button", { name: "Mark processing" })).toBeEnabled();
  await expect(page.getByTestId("order-timeline")).toContainText("undid it");

  // Past the undo window (and a drain, when there is one), TribeMade still has nothing.
  await page.waitForTimeout(7_000);
  const atTribemade = await simulatorOrder(page, placed.order_id);
  expect(atTribemade.order.status).toBe("started");
  expect(atTribemade.statusChanges).toEqual([]);
});

test("dispatch with an AWB: the dialog builds the courier's tracking link", async ({ page }) => {
  await signIn(page);
  const placed = await placeOrder(page.request, `Dispatch Test ${unique()}`);
  await openOrder(page, placed);

  await page.getByRole("button", { name: "Mark processing" }).click();
  await page.getByRole("button", { name: "Mark dispatched…" }).click();
  const dialog = page.getByRole("dialog", { name: /dispatched/ });
  await expect(dialog.getByLabel("AWB number")).toBeFocused();
  await dialog.getByLabel("Courier").selectOption("bluedart");
  await dialog.getByLabel("AWB number").fill("12");
  await dialog.getByRole("button", { name: "Mark dispatched" }).click();
  await expect(dialog).toContainText("That does not look like a Blue Dart AWB");
  await dialog.getByLabel("AWB number").fill("7793 7279 125");
  const link = "https://www.bluedart.com/web/guest/trackdartresultthirdparty?trackFor=0&trackNo=77937279125";
  await expect(dialog.getByRole("link", { name: link })).toBeVisible();
  await dialog.getByRole("button", { name: "Mark dispatched" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dispatched");
  await expect(page.getByRole("link", { name: link }).first()).toBeVisible();
  await expect(page.getByTestId("order-timeline")).toContainText("marked it dispatched");
  // Both changes reach TribeMade in order, the link with the second.
  await expect
    .poll(async () => (await simulatorOrder(page, placed.order_id)).order, { timeout: 30_000 })
    .toEqual(expect.objectContaining({ status: "dispatched", tracking_url: link }));
  await expect(page.getByTestId("sync-line")).toHaveAttribute("data-sync", "synced", { timeout: 15_000 });
});

test("mark processing reaches the simulator and the page turns synced", async ({ page }) => {
  await signIn(page);
  const placed = await placeOrder(page.request, `Sync Test ${unique()}`);
  await openOrder(page, placed);
  await page.getByRole("button", { name: "Mark processing" }).click();
  await expect(page.getByTestId("sync-line")).toHaveAttribute("data-sync", "pending");
  await expect
    .poll(async () => (await simulatorOrder(page, placed.order_id)).order.status, { timeout: 30_000 })
    .toBe("processing");
  await expect(page.getByTestId("sync-line")).toHaveAttribute("data-sync", "synced", { timeout: 15_000 });
  await expect(page.getByTestId("sync-line")).toContainText("TribeMade has this status");
  expect((await simulatorOrder(page, placed.order_id)).statusChanges).toHaveLength(1);
});

test("bulk: 25 orders processing, with the ETA before and progress after", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  const name = `Bulk Test ${unique()}`;
  const placed = [];
  for (let i = 0; i < 25; i++) placed.push(await placeOrder(page.request, name));
  // Each webhook was acknowledged, so all 25 are in the app: check by id, then the search shows them.
  for (const order of placed) await appOrder(page.request, order.order_id);

  await page.getByLabel("Search orders").fill(name);
  await expect(page.locator("[data-order-id]")).toHaveCount(25);
  await page.getByRole("checkbox", { name: "Select the orders shown" }).check();
  await expect(page.getByTestId("bulk-slot")).toContainText("25 selected");
  await expect(page.getByTestId("quota-meter").first()).toContainText("this minute");

  await page.getByTestId("bulk-actions").getByRole("button", { name: "Mark processing" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark 25 orders processing" });
  await expect(dialog.getByTestId("bulk-eta")).toHaveText(/^25 orders: about \d/);
  await dialog.getByRole("button", { name: "Mark 25 orders processing" }).click();

  const progress = dialog.getByTestId("bulk-progress");
  await expect(progress).toContainText(/of 25 at TribeMade|All 25 sent/);
  await expect(progress.getByRole("progressbar")).toBeVisible();
  await expect(page.locator("[data-order-id]", { hasText: "Processing" })).toHaveCount(25);
  // 20 go in this minute's budget, the other 5 when it resets.
  await expect(progress).toContainText("All 25 sent to TribeMade", { timeout: 120_000 });
  const statuses = await Promise.all(placed.map(async (p) => (await simulatorOrder(page, p.order_id)).order.status));
  expect(new Set(statuses)).toEqual(new Set(["processing"]));
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("bulk-slot")).toBeHidden();
});

test("keyboard: / searches, j/k move, x selects, p marks processing, ? shows the shortcuts, Enter opens", async ({ page }) => {
  await signIn(page);
  const name = `Keys Test ${unique()}`;
  const first = await placeOrder(page.request, name);
  const second = await placeOrder(page.request, name);
  // Hydrated and connected: the shortcuts listen from here.
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  await page.keyboard.press("/");
  await expect(page.getByLabel("Search orders")).toBeFocused();
  await page.keyboard.type(name, { delay: 40 });
  await expect(page.locator("[data-order-id]")).toHaveCount(2, { timeout: 15_000 });
  // Leave the field: keys typed there are text, not shortcuts.
  await page.getByRole("heading", { level: 1, name: "Orders" }).click();

  const rows = page.locator("[data-order-id]");
  await page.keyboard.press("j");
  await expect(rows.nth(0)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("data-focused", "true");

  await page.keyboard.press("x");
  await expect(page.getByTestId("bulk-slot")).toContainText("1 selected");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("bulk-slot")).toBeHidden();

  // Newest first: the cursor is on the second order placed.
  await page.keyboard.press("p");
  await expect(rows.nth(0)).toContainText("Processing");
  await expect(page.locator("[data-sonner-toast]", { hasText: second.order_id.slice(0, 8) })).toBeVisible();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Mark dispatched…");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(first.order_id.slice(0, 8));
});
