import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { placeOrder, signIn } from "./support/demo-merchant";

// The orders feed end to end: sign-in lands on /orders; a simulator order appears in the open feed
// without a reload (server-sent events); it opens on its order page with its story; the CSV
// download is the feed's filter as Excel-ready CSV; both pages pass axe with no serious
// violations and fit a phone's width.

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

test("a simulator order appears live, opens with its story, and the feed passes axe", async ({ page }) => {
  // Two full axe runs on a shared 2-core machine take a while.
  test.setTimeout(180_000);
  // No callbackUrl: the dashboard's default is the feed.
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  // A marker on window survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { __noReload: true }));

  const payload = await placeOrder(page.request);
  const row = page.locator("[data-order-id]", { hasText: payload.order_id.slice(0, 8) });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText(payload.customer.name);
  await expect(row).toContainText("To process");
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  await expectNoSeriousViolations(page);

  await row.getByRole("link", { name: payload.order_id.slice(0, 8) }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(payload.order_id.slice(0, 8));
  await expect(page.getByText(payload.customer.email)).toBeVisible();
  const timeline = page.getByTestId("order-timeline");
  await expect(timeline).toContainText("Order received from TribeMade");
  await expect(timeline.getByRole("link", { name: "Webhook delivery" })).toHaveAttribute("href", /\/webhooks\/deliveries\//);

  await expectNoSeriousViolations(page);
});

test("search narrows the feed from the URL, and Export CSV downloads that filter", async ({ page }) => {
  await signIn(page);
  const payload = await placeOrder(page.request);
  await expect(page.locator("[data-order-id]", { hasText: payload.order_id.slice(0, 8) })).toBeVisible({ timeout: 15_000 });

  await page.getByLabel("Search orders").fill(payload.customer.email);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(payload.customer.email).replace(".", "\\.")}`));
  await expect(page.locator("[data-order-id]")).toHaveCount(1);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toContain("Order ID,Placed (IST)");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(payload.order_id);
});

test("at a phone's width the feed and the order page fit, without sideways scrolling", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await placeOrder(page.request);
  await expect(page.locator("[data-order-id]").first()).toBeVisible({ timeout: 15_000 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await testInfo.attach("orders-phone", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.locator("[data-order-id]").first().getByRole("link").first().click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-timeline")).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await testInfo.attach("order-phone", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
